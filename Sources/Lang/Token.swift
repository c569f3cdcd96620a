// Tokens: what the lexer hands the parser and the syntax highlighter.

/// The reserved words of *lr*.
enum Keyword: String, CaseIterable {
  case `let`, `var`, `fn`, `if`, `else`, `for`, `in`, `while`, `break`, `continue`
  case `return`, `true`, `false`, `nil`, `and`, `or`, `not`, `import`

  private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

  static func named(_ s: String) -> Keyword? { byName[s] }
  static func isReserved(_ s: String) -> Bool { byName[s] != nil }
}

/// What kind of token: identifiers, literals, keywords, operators, punctuation.
enum TokenKind: Hashable {
  case identifier, number
  /// A whole string literal without interpolation.
  case string
  /// The parts of an interpolated string: `"text\(`, `)text\(`, `)text"`.
  case stringHead, stringMiddle, stringTail
  case keyword(Keyword)
  case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
  case comma, colon, semicolon, dot
  case plus, minus, star, slash, percent, starStar, at
  case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
  case equal, plusEqual, minusEqual, starEqual, slashEqual
  case pipe, halfOpenRange, closedRange
  case newline, comment
  /// Text the lexer could not read; it has already reported why.
  case error
  case eof
}

/// One token with its position in file coordinates and in characters of the text.
struct Token {
  var kind: TokenKind
  /// Identifier name, decoded string text, or the lexeme of other tokens.
  var text: String
  /// The value of a number token.
  var number: Double = 0
  var range: SourceRange
  /// Character offsets into the source text (for highlighting).
  var offsets: Range<Int>

  /// How the token is named in messages: `')'`, `end of line`, `'let'`.
  var display: String {
    switch kind {
    case .newline: return "end of line"
    case .eof: return "end of input"
    case .string, .stringHead: return "a string"
    case .number: return "'\(text)'"
    case .identifier: return "'\(text)'"
    default: return "'\(text)'"
    }
  }
}
