// Syntax highlighting for the notebook report: spans of the lr lexer's tokens.

/// What a highlighted span of *lr* source is.
public enum HighlightKind: String, Sendable, Hashable {
  case keyword, number, string, comment, identifier, `operator`, punctuation
}

/// A span of source text and how to colour it.
public struct HighlightSpan: Sendable, Hashable {
  /// The kind of token the span covers.
  public var kind: HighlightKind
  /// The characters of the span in the highlighted text.
  public var range: Range<String.Index>

  /// A span of `kind` over `range`.
  public init(kind: HighlightKind, range: Range<String.Index>) {
    self.kind = kind
    self.range = range
  }
}

/// The highlighted spans of `text`, in order and not overlapping. Never fails: bad
/// characters get no span, an unterminated string is coloured to the end of its line.
///
///     for span in highlight("let x = 1  # one") {
///       print(span.kind, text[span.range])   // keyword let, identifier x, …
///     }
public func highlight(_ text: String) -> [HighlightSpan] {
  let (tokens, _) = Lexer.scan(Source(name: "", text: text), keepComments: true)
  let indices = Array(text.indices) + [text.endIndex]
  var spans: [HighlightSpan] = []
  for token in tokens {
    guard !token.offsets.isEmpty, token.offsets.upperBound < indices.count,
      let kind = highlightKind(
        token, startsWithQuote: text[indices[token.offsets.lowerBound]] == "\"")
    else { continue }
    let range = indices[token.offsets.lowerBound]..<indices[token.offsets.upperBound]
    spans.append(HighlightSpan(kind: kind, range: range))
  }
  return spans
}

private func highlightKind(_ token: Token, startsWithQuote: Bool) -> HighlightKind? {
  switch token.kind {
  case .identifier: return .identifier
  case .number: return .number
  case .string, .stringHead, .stringMiddle, .stringTail: return .string
  case .keyword: return .keyword
  case .comment: return .comment
  case .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .comma,
    .colon, .semicolon, .dot:
    return .punctuation
  case .plus, .minus, .star, .slash, .percent, .starStar, .at, .equalEqual, .bangEqual, .less,
    .lessEqual, .greater, .greaterEqual, .equal, .plusEqual, .minusEqual, .starEqual, .slashEqual,
    .pipe, .halfOpenRange, .closedRange:
    return .operator
  case .error: return startsWithQuote ? .string : nil
  case .newline, .eof: return nil
  }
}
