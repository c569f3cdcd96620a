// The lexer: turns source text into tokens, reporting bad characters, numbers,
// escapes and unterminated strings as diagnostics. It never fails.

/// Scans a `Source` into tokens. Interpolated strings come out as a head, the
/// tokens of each embedded expression, middles and a tail.
struct Lexer {
  let source: Source
  let chars: [Character]
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

  init(_ source: Source, keepComments: Bool = false) {
    self.source = source
    self.chars = Array(source.text)
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
      while let next = peek(), !Lexer.isNewline(next) { pos += 1 }
      if keepComments { add(.comment, String(chars[tokenStart..<pos])) }
      return
    }
    if c.isASCII, c.isNumber { return scanNumber() }
    if c.isLetter || c == "_" { return scanIdentifier() }
    if c == "\"" { return scanString(startedAt: nil) }
    scanOperator(c)
  }

  private mutating func scanOperator(_ c: Character) {
    let kind: TokenKind
    switch c {
    case "(":
      if !interpolations.isEmpty { interpolations[interpolations.count - 1].openParens += 1 }
      kind = .leftParen
    case ")":
      if let open = interpolations.last {
        if open.openParens == 0 {
          interpolations.removeLast()
          return scanString(startedAt: open.stringStart)
        }
        interpolations[interpolations.count - 1].openParens -= 1
      }
      kind = .rightParen
    case "[": kind = .leftBracket
    case "]": kind = .rightBracket
    case "{": kind = .leftBrace
    case "}": kind = .rightBrace
    case ",": kind = .comma
    case ":": kind = .colon
    case ";": kind = .semicolon
    case "@": kind = .at
    case "%": kind = .percent
    case "+": kind = match("=") ? .plusEqual : .plus
    case "-": kind = match("=") ? .minusEqual : .minus
    case "/": kind = match("=") ? .slashEqual : .slash
    case "*": kind = match("*") ? .starStar : (match("=") ? .starEqual : .star)
    case "=": kind = match("=") ? .equalEqual : .equal
    case "<": kind = match("=") ? .lessEqual : .less
    case ">": kind = match("=") ? .greaterEqual : .greater
    case "!":
      if match("=") {
        kind = .bangEqual
      } else {
        return bad("unexpected character '!'; use 'not' for negation")
      }
    case "|":
      if match(">") {
        kind = .pipe
      } else {
        return bad(match("|") ? "unexpected '||'; use 'or'" : "unexpected character '|'")
      }
    case "&":
      return bad(match("&") ? "unexpected '&&'; use 'and'" : "unexpected character '&'")
    case ".":
      if peek() == ".", peek(1) == "<" {
        pos += 2
        kind = .halfOpenRange
      } else if peek() == ".", peek(1) == "." {
        pos += 2
        kind = .closedRange
      } else {
        kind = .dot
      }
    default:
      return bad("unexpected character '\(c)'")
    }
    add(kind, String(chars[tokenStart..<pos]))
  }

  mutating func bad(_ message: String) {
    report(message)
    add(.error, String(chars[tokenStart..<pos]))
  }

  private mutating func scanIdentifier() {
    while let c = peek(), c.isLetter || c.isNumber || c == "_" { pos += 1 }
    let text = String(chars[tokenStart..<pos])
    if let keyword = Keyword.named(text) {
      add(.keyword(keyword), text)
    } else {
      add(.identifier, text)
    }
  }

  private mutating func scanNumber() {
    func digits(_ lexer: inout Lexer) {
      while let c = lexer.peek(), c.isASCII, c.isNumber || c == "_" { lexer.pos += 1 }
    }
    digits(&self)
    // `1..<3` is a range, not `1.` followed by `.<`: a fraction needs a digit after the dot.
    if peek() == ".", let next = peek(1), next.isASCII, next.isNumber {
      pos += 1
      digits(&self)
    }
    if let e = peek(), e == "e" || e == "E" {
      let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
      if let d = peek(1 + sign), d.isASCII, d.isNumber {
        pos += 1 + sign
        digits(&self)
      }
    }
    // An identifier glued to a number (`3x`) is a typo, not two tokens.
    if let c = peek(), c.isLetter || c == "_" {
      while let c = peek(), c.isLetter || c.isNumber || c == "_" { pos += 1 }
      return bad("invalid number '\(String(chars[tokenStart..<pos]))'")
    }
    let text = String(chars[tokenStart..<pos])
    let cleaned = text.filter { $0 != "_" }
    guard !text.hasSuffix("_"), let value = Double(cleaned) else {
      return bad("invalid number '\(text)'")
    }
    add(.number, text, number: value)
  }
}
