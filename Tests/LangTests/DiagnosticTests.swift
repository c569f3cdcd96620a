// Diagnostics as users see them: the caret under the range, the lr call stack,
// and positions in notebook coordinates.
import Testing

@testable import Lang

func failure(_ text: String, name: String = "cell.lr", firstLine: Int = 1) -> (
  RunFailure?, Source
) {
  let source = Source(name: name, text: text, firstLine: firstLine)
  do {
    _ = try Interpreter(output: CollectingSink()).run(source)
    return (nil, source)
  } catch {
    return (error, source)
  }
}

@Test func runtimeErrorRendersWithCaret() throws {
  let (failure, source) = failure("let rank = 8\nlet y = rank + \"x\"")
  let diagnostic = try #require(failure?.diagnostics.first)
  #expect(
    DiagnosticRenderer(sources: [source]).render(diagnostic) == """
      cell.lr:2:9: error: unsupported operands for +: number and string
        2 | let y = rank + "x"
          |         ^~~~~~~~~~

      """)
}

@Test func syntaxErrorsRenderEachWithCaret() throws {
  let (failure, source) = failure("let a = )\nlet b = 1 2")
  let diagnostics = try #require(failure?.diagnostics)
  #expect(failure?.isSyntaxError == true)
  #expect(
    DiagnosticRenderer(sources: [source]).render(diagnostics) == """
      cell.lr:1:9: error: expected an expression, found ')'
        1 | let a = )
          |         ^
      cell.lr:2:11: error: unexpected '2' after the statement; start a new line or use ';'
        2 | let b = 1 2
          |           ^

      """)
}

@Test func runtimeErrorsCarryTheCallStackInnermostFirst() throws {
  let text = """
    fn inner(x) { x + "!" }
    fn outer(x) { inner(x * 2) }
    outer(1)
    """
  let (failure, _) = failure(text)
  let diagnostic = try #require(failure?.diagnostics.first)
  #expect(diagnostic.kind == .runtime)
  #expect(diagnostic.range.description == "cell.lr:1:15")
  #expect(
    diagnostic.stack.map { "\($0.function) \($0.range)" } == [
      "inner cell.lr:1:15", "outer cell.lr:2:15", "<script> cell.lr:3:1",
    ])
}

@Test func errorsThroughNativeCallbacksKeepTheirStack() throws {
  let text = "fn check(x) { assert(x < 2, \"too big\") }\n[1, 2].map(check)"
  let (failure, _) = failure(text)
  let diagnostic = try #require(failure?.diagnostics.first)
  #expect(diagnostic.message == "too big")
  #expect(diagnostic.range.start.line == 1)
  #expect(diagnostic.stack.map(\.function) == ["check", "<script>"])
  #expect(diagnostic.stack.last?.range.start.line == 2)
}

@Test func cellDiagnosticsUseNotebookLines() throws {
  let (failure, source) = failure("print(1)\nmissing", name: "nb.lrnb", firstLine: 12)
  let diagnostic = try #require(failure?.diagnostics.first)
  #expect(diagnostic.range.description == "nb.lrnb:13:1")
  #expect(
    DiagnosticRenderer(sources: [source]).excerpt(diagnostic.range).hasPrefix("  13 | missing"))
}
