// The parser: recursive descent with panic-mode recovery, so one pass reports every
// syntax error of a source. Newlines end statements except inside brackets.

/// Thrown inside the parser to unwind to the nearest statement after an error has
/// been recorded; `synchronize()` then skips to the next statement.
struct ParseError: Error {}

/// Parses tokens into a `Program`, collecting diagnostics instead of stopping.
struct Parser {
  /// Deepest nesting of expressions and blocks accepted. The resolver, the compiler
  /// and evaluation all recurse along the tree, so this bounds their native stack use.
  static let maxNestingDepth = 256
  /// After this many errors the rest is noise; stop and say so.
  static let maxErrors = 50

  let source: Source
  var tokens: [Token]
  var current = 0
  var diagnostics: [Diagnostic]
  var nextID = 0
  var depth = 0
  /// One entry per open bracket or block: true where newlines are insignificant
  /// (inside `( )`, `[ ]` and record braces), false inside blocks.
  var ignoresNewlines: [Bool] = [false]

  /// `##` doc comment lines by line number (see `Lexer.docComments`).
  let docComments: [Int: String]

  init(_ source: Source) {
    self.source = source
    let (tokens, diagnostics, docComments) = Lexer.scanWithDocs(source)
    self.tokens = tokens
    self.diagnostics = diagnostics
    self.docComments = docComments
  }

  /// The doc comment on the lines right above `line`, or "".
  func docComment(above line: Int) -> String {
    var lines: [String] = []
    var current = line - 1
    while let text = docComments[current] {
      lines.insert(text, at: 0)
      current -= 1
    }
    return lines.joined(separator: "\n")
  }

  /// Parses `source`; the program is usable only when the diagnostics are empty.
  static func parse(_ source: Source) -> (Program, [Diagnostic]) {
    var parser = Parser(source)
    let statements = parser.statements(untilBrace: false)
    return (Program(statements: statements, source: source), parser.diagnostics)
  }

  // MARK: - token access

  /// The current token, skipping newlines where they are insignificant.
  mutating func peek() -> Token {
    if ignoresNewlines.last == true {
      while tokens[current].kind == .newline { current += 1 }
    }
    return tokens[current]
  }

  mutating func check(_ kind: TokenKind) -> Bool { peek().kind == kind }

  @discardableResult
  mutating func advance() -> Token {
    let token = peek()
    if token.kind != .eof { current += 1 }
    return token
  }

  mutating func match(_ kind: TokenKind) -> Bool {
    guard check(kind) else { return false }
    advance()
    return true
  }

  /// The end of the previous token, for ranges that end there.
  var previousEnd: SourceLocation { tokens[max(current - 1, 0)].range.end }

  func range(from start: SourceRange) -> SourceRange {
    SourceRange(file: start.file, start: start.start, end: previousEnd)
  }

  /// The kind of the next token that is not a newline (for continuation lines).
  func kindAfterNewlines() -> TokenKind {
    var i = current
    while tokens[i].kind == .newline { i += 1 }
    return tokens[i].kind
  }

  mutating func skipNewlines() {
    while tokens[current].kind == .newline { current += 1 }
  }

  mutating func expect(_ kind: TokenKind, _ what: String) throws(ParseError) -> Token {
    guard check(kind) else { throw error("expected \(what), found \(peek().display)") }
    return advance()
  }

  mutating func makeName(_ token: Token) -> Name {
    nextID += 1
    return Name(text: token.text, range: token.range, id: nextID)
  }

  mutating func identifier(_ what: String) throws(ParseError) -> Name {
    let token = peek()
    if case .keyword(let k) = token.kind {
      throw error("expected \(what), found keyword '\(k.rawValue)'")
    }
    return makeName(try expect(.identifier, what))
  }

  // MARK: - errors

  /// Records `message` at the current token (or `range`) and returns the panic signal.
  /// A second error on a line that already has one is dropped: it is almost always a
  /// consequence of the first (and the lexer has already explained `.error` tokens).
  mutating func error(_ message: String, at range: SourceRange? = nil) -> ParseError {
    let token = peek()
    var where_ = range ?? token.range
    if range == nil, token.kind == .eof, current > 0 {
      // "found end of input" points just past the last token, not at an empty line.
      let end = tokens[current - 1].range.end
      where_ = SourceRange(file: where_.file, start: end, end: end)
      if tokens[current - 1].kind == .newline { where_ = tokens[current - 1].range }
    }
    let lineHasError = diagnostics.contains { $0.range.start.line == where_.start.line }
    if token.kind != .error, !lineHasError, diagnostics.count < Parser.maxErrors {
      diagnostics.append(.syntax(message, at: where_))
    }
    return ParseError()
  }

  /// Enters one level of nesting, refusing sources nested deeper than the limit.
  mutating func nest() throws(ParseError) {
    if depth >= Parser.maxNestingDepth {
      throw error("expression nested too deeply (more than \(Parser.maxNestingDepth) levels)")
    }
    depth += 1
  }

  /// Skips to the start of the next statement: past a newline or `;` at the current
  /// bracket depth, or up to a `}` that may close the enclosing block.
  mutating func synchronize() {
    var open = 0
    while true {
      let token = tokens[current]
      switch token.kind {
      case .eof: return
      case .newline, .semicolon:
        if open == 0 {
          current += 1
          return
        }
      case .leftParen, .leftBracket, .leftBrace: open += 1
      case .rightParen, .rightBracket: open = max(open - 1, 0)
      case .rightBrace:
        if open == 0 { return }
        open -= 1
      default: break
      }
      current += 1
    }
  }
}
