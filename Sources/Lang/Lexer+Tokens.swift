// Operators, identifiers, keywords and numbers.

extension Lexer {
  mutating func scanOperator(_ c: Character) {
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
    add(kind, lexeme)
  }

  mutating func bad(_ message: String) {
    report(message)
    add(.error, lexeme)
  }

  mutating func scanIdentifier() {
    while let c = peek(), c.isLetter || c.isNumber || c == "_" { pos += 1 }
    let text = lexeme
    if let keyword = Keyword.named(text) {
      add(.keyword(keyword), text)
    } else {
      add(.identifier, text)
    }
  }

  mutating func scanNumber() {
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
      return bad("invalid number '\(lexeme)'")
    }
    let text = lexeme
    let cleaned = text.filter { $0 != "_" }
    guard !text.hasSuffix("_"), let value = Double(cleaned) else {
      return bad("invalid number '\(text)'")
    }
    add(.number, text, number: value)
  }
}
