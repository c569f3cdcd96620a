// The lexer: turns source text into tokens, reporting bad characters, numbers,
// escapes and unterminated strings as diagnostics. It never fails.

/// Scans a `Source` into tokens. Interpolated strings come out as a head, the
/// tokens of each embedded expression, middles and a tail.
struct Lexer {
  let source: Source
  let chars: [Character]
  /// Where each character starts in the text (and the end), so a token's text is a
  /// substring copy rather than a string rebuilt character by character.
  let starts: [String.Index]
  var pos = 0
  var line: Int
  var lineStart = 0
  var tokenStart = 0
  var startLine: Int
  var startColumn = 1
  /// An open `\(` interpolation: where its string began and how many parentheses
  /// are open inside it (its `)` ends the interpolation only at zero).
  struct Interpolation {
    var openParens = 0
    var stringStart: SourceLocation
  }
  var interpolations: [Interpolation] = []
  /// Whether comments are kept as tokens (the highlighter wants them).
  private let keepComments: Bool
  private(set) var tokens: [Token] = []
  private(set) var diagnostics: [Diagnostic] = []
  /// Doc comments: the text after `##` of each line that holds only such a comment,
  /// by line. The parser attaches the lines right above a `fn` to it.
  private(set) var docComments: [Int: String] = [:]

  init(_ source: Source, keepComments: Bool = false) {
    self.source = source
    self.chars = Array(source.text)
    self.starts = Array(source.text.indices) + [source.text.endIndex]
    self.line = source.firstLine
    self.startLine = source.firstLine
    self.keepComments = keepComments
  }

  /// Lexes the whole source; the last token is always `.eof`.
  static func scan(_ source: Source, keepComments: Bool = false) -> (
    tokens: [Token], diagnostics: [Diagnostic]
  ) {
    var lexer = Lexer(source, keepComments: keepComments)
    lexer.run()
    return (lexer.tokens, lexer.diagnostics)
  }

  /// Lexes the whole source, keeping its doc comments.
  static func scanWithDocs(_ source: Source) -> (
    tokens: [Token], diagnostics: [Diagnostic], docComments: [Int: String]
  ) {
    var lexer = Lexer(source)
    lexer.run()
    return (lexer.tokens, lexer.diagnostics, lexer.docComments)
  }

  private mutating func run() {
    while true {
      skipSpaces()
      begin()
      guard pos < chars.count else {
        if !interpolations.isEmpty { unterminatedInterpolation() }
        add(.eof, "")
        return
      }
      scanToken()
    }
  }

  // MARK: - positions

  var column: Int { pos - lineStart + 1 }

  private mutating func begin() {
    tokenStart = pos
    startLine = line
    startColumn = column
  }

  var currentRange: SourceRange {
    SourceRange(
      file: source.name, start: SourceLocation(line: startLine, column: startColumn),
      end: SourceLocation(line: line, column: column))
  }

  /// The text of the current token so far.
  var lexeme: String { String(source.text[starts[tokenStart]..<starts[pos]]) }

  func peek(_ ahead: Int = 0) -> Character? {
    let i = pos + ahead
    return i < chars.count ? chars[i] : nil
  }

  private mutating func advance() -> Character {
    let c = chars[pos]
    pos += 1
    return c
  }

  mutating func match(_ c: Character) -> Bool {
    guard peek() == c else { return false }
    pos += 1
    return true
  }

  mutating func add(_ kind: TokenKind, _ text: String, number: Double = 0) {
    tokens.append(
      Token(kind: kind, text: text, number: number, range: currentRange, offsets: tokenStart..<pos))
  }

  mutating func report(_ message: String, _ range: SourceRange? = nil) {
    diagnostics.append(.syntax(message, at: range ?? currentRange))
  }

  private mutating func skipSpaces() {
    while let c = peek(), c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" { pos += 1 }
  }

  private static func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

  // MARK: - tokens

  private mutating func scanToken() {
    let c = advance()
    if Lexer.isNewline(c) {
      if !interpolations.isEmpty {
        pos -= 1
        unterminatedInterpolation()
        return
      }
      add(.newline, "\n")
      line += 1
      lineStart = pos
      return
    }
    if c == "#" {
      let startsLine = tokens.last.map { $0.kind == .newline || $0.kind == .comment } ?? true
      while let next = peek(), !Lexer.isNewline(next) { pos += 1 }
      if startsLine, tokenStart + 1 < pos, chars[tokenStart + 1] == "#" {
        let text = lexeme.dropFirst(2)
        docComments[startLine] = String(text.hasPrefix(" ") ? text.dropFirst() : text)
      }
      if keepComments { add(.comment, lexeme) }
      return
    }
    if c.isASCII, c.isNumber { return scanNumber() }
    if c.isLetter || c == "_" { return scanIdentifier() }
    if c == "\"" { return scanString(startedAt: nil) }
    scanOperator(c)
  }
}
