// Highlighting spans come from the lexer and cover the interesting text exactly.
import Testing

@testable import Lang

func spans(_ text: String) -> [String] {
  highlight(text).map { "\($0.kind.rawValue) \(text[$0.range])" }
}

@Test func highlightsEveryKind() {
  #expect(
    spans("let x = f(1.5) |> g # note") == [
      "keyword let", "identifier x", "operator =", "identifier f", "punctuation (", "number 1.5",
      "punctuation )", "operator |>", "identifier g", "comment # note",
    ])
}

@Test func highlightsInterpolationPieces() {
  #expect(
    spans("\"a \\(n + 1) b\"") == [
      "string \"a \\(", "identifier n", "operator +", "number 1", "string ) b\"",
    ])
}

@Test func badInputStillHighlights() {
  #expect(spans("\"open") == ["string \"open"])
  #expect(spans("x $ y") == ["identifier x", "identifier y"])
  #expect(spans("") == [])
  #expect(
    spans("é = \"ü\\q\"\r\nnot") == [
      "identifier é", "operator =", "string \"ü\\q\"", "keyword not",
    ])
}
