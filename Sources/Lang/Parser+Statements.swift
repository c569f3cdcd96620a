// Statements and blocks: declarations, assignments, loops and jumps.

extension Parser {
  /// Statements up to the end of input, or up to the `}` closing a block.
  mutating func statements(untilBrace: Bool) -> [Stmt] {
    var result: [Stmt] = []
    while true {
      while check(.newline) || check(.semicolon) { advance() }
      let token = peek()
      if token.kind == .eof { break }
      if token.kind == .rightBrace {
        if untilBrace { break }
        _ = error("unexpected '}'")
        advance()
        continue
      }
      do {
        result.append(try statement())
      } catch {
        synchronize()
      }
    }
    return result
  }

  /// `{ statements }`, with newlines significant inside.
  mutating func block() throws(ParseError) -> Block {
    let open = try expect(.leftBrace, "'{'")
    try nest()
    defer { depth -= 1 }
    ignoresNewlines.append(false)
    defer { ignoresNewlines.removeLast() }
    let body = statements(untilBrace: true)
    // `statements(untilBrace:)` stops only at `}` or at the end of input.
    guard check(.rightBrace) else { throw error("this '{' is never closed", at: open.range) }
    advance()
    return Block(statements: body, range: range(from: open.range))
  }

  mutating func statement() throws(ParseError) -> Stmt {
    let start = peek().range
    let kind: StmtKind
    switch peek().kind {
    case .keyword(.let), .keyword(.var):
      let constant = advance().kind == .keyword(.let)
      if check(.leftParen) || check(.leftBracket) || check(.leftBrace) {
        let pattern = try self.pattern()
        guard match(.equal) else {
          throw error("'\(constant ? "let" : "var") \(pattern.text)' needs a value to destructure")
        }
        skipNewlines()
        kind = .destructure(constant: constant, pattern, try expression())
        break
      }
      let name = try identifier("a variable name")
      var value: Expr?
      if match(.equal) {
        skipNewlines()
        value = try expression()
        if case .function(var decl) = value?.kind, let range = value?.range {
          // `let double = fn(x) { … }` takes the doc comment above the `let`.
          decl.doc = docComment(above: start.start.line)
          value = Expr(kind: .function(decl), range: range)
        }
      } else if constant {
        throw error("'let' needs a value: let \(name.text) = …")
      }
      kind = .declaration(constant: constant, name, value)
    case .keyword(.fn) where tokens[current + 1].kind == .identifier:
      advance()
      var decl = try functionRest(named: true, start: start)
      decl.doc = docComment(above: start.start.line)
      kind = .function(decl)
    case .keyword(.while):
      advance()
      let condition = try expression()
      kind = .whileLoop(condition, try block())
    case .keyword(.for):
      advance()
      let loopPattern = try pattern()
      _ = try expect(.keyword(.in), "'in' after the loop variable")
      let sequence = try expression()
      kind = .forLoop(loopPattern, sequence, try block())
    case .keyword(.break):
      advance()
      kind = .breakLoop
    case .keyword(.continue):
      advance()
      kind = .continueLoop
    case .keyword(.return):
      advance()
      let ends: [TokenKind] = [.newline, .semicolon, .rightBrace, .eof]
      kind = .returnValue(ends.contains(peek().kind) ? nil : try expression())
    default:
      kind = try expressionOrAssignment()
    }
    return try terminate(Stmt(kind: kind, range: range(from: start)))
  }

  /// An expression statement, or an assignment when `=`/`+=`/… follows the expression.
  private mutating func expressionOrAssignment() throws(ParseError) -> StmtKind {
    let target = try expression()
    let op: AssignOp?
    switch peek().kind {
    case .equal: op = nil
    case .plusEqual: op = .add
    case .minusEqual: op = .subtract
    case .starEqual: op = .multiply
    case .slashEqual: op = .divide
    default: return .expression(target, suppressed: false)
    }
    advance()
    if case .list = target.kind, op != nil {
      throw error("cannot use '\(op?.rawValue ?? "=")' with several targets", at: target.range)
    }
    try checkAssignable(target)
    skipNewlines()
    return .assign(target, op, try expression())
  }

  /// Variables, indexes, members, and lists of them (`(a, b) = (b, a)`) can be assigned.
  private mutating func checkAssignable(_ target: Expr) throws(ParseError) {
    switch target.kind {
    case .variable, .index, .member: break
    case .list(let items):
      for item in items { try checkAssignable(item) }
    default:
      throw error("cannot assign to this expression", at: target.range)
    }
  }

  /// A name, `_`, `(p, q, …)` / `[p, q, …]` of patterns, or `{field, field: p, …}`.
  mutating func pattern() throws(ParseError) -> Pattern {
    var seen: Set<String> = []
    return try pattern(&seen)
  }

  private mutating func pattern(_ seen: inout Set<String>) throws(ParseError) -> Pattern {
    let open = peek()
    if open.kind == .leftBrace { return try recordPattern(&seen) }
    guard open.kind == .leftParen || open.kind == .leftBracket else {
      let name = try identifier("a variable name")
      if name.text == "_" { return .ignore(name.range) }
      guard seen.insert(name.text).inserted else {
        throw error("'\(name.text)' appears twice in the pattern", at: name.range)
      }
      return .name(name)
    }
    advance()
    try nest()
    defer { depth -= 1 }
    ignoresNewlines.append(true)
    defer { ignoresNewlines.removeLast() }
    let close: TokenKind = open.kind == .leftParen ? .rightParen : .rightBracket
    var items: [Pattern] = []
    while !check(close) {
      items.append(try pattern(&seen))
      if !match(.comma) { break }
    }
    _ = try expect(
      close, close == .rightParen ? "')' to end the pattern" : "']' to end the pattern")
    if items.isEmpty {
      throw error("a pattern needs at least one name", at: range(from: open.range))
    }
    return .list(items, range(from: open.range))
  }

  /// `{loss, acc: a}`: fields taken by name, each bound to a variable of its own name or
  /// matched against the pattern after its colon.
  private mutating func recordPattern(_ seen: inout Set<String>) throws(ParseError) -> Pattern {
    let open = advance()
    try nest()
    defer { depth -= 1 }
    ignoresNewlines.append(true)
    defer { ignoresNewlines.removeLast() }
    var fields: [FieldPattern] = []
    while !check(.rightBrace) {
      let field = try identifier("a field name")
      if fields.contains(where: { $0.field.text == field.text }) {
        throw error("field '\(field.text)' appears twice in the pattern", at: field.range)
      }
      let bound: Pattern
      if match(.colon) {
        bound = try pattern(&seen)
      } else {
        guard seen.insert(field.text).inserted else {
          throw error("'\(field.text)' appears twice in the pattern", at: field.range)
        }
        bound = field.text == "_" ? .ignore(field.range) : .name(field)
      }
      fields.append(FieldPattern(field: field, pattern: bound))
      if !match(.comma) { break }
    }
    _ = try expect(.rightBrace, "'}' to end the pattern")
    if fields.isEmpty {
      throw error("a pattern needs at least one name", at: range(from: open.range))
    }
    return .record(fields, range(from: open.range))
  }

  /// What to write instead when a statement that runs on is Python: `def f(x):`,
  /// `lambda x: …`, `x if c else y`, `import math`.
  private mutating func pythonHint(_ statement: Stmt) -> String? {
    let next = peek()
    var last: Expr?
    switch statement.kind {
    case .expression(let e, _): last = e
    case .declaration(_, _, let value): last = value
    default: break
    }
    if next.kind == .keyword(.if) {
      return "conditional expressions are written if c { a } else { b }, not a if c else b"
    }
    guard case .variable(let name) = last?.kind, next.kind == .identifier else { return nil }
    switch name.text {
    case "def": return "functions are declared with fn: fn \(next.text)(x) { … }"
    case "lambda": return "anonymous functions are written fn(x) { … }"
    default: return nil
    }
  }

  /// Requires the end of a statement: a newline, `;` (which suppresses display of an
  /// expression), a closing `}` or the end of input.
  private mutating func terminate(_ statement: Stmt) throws(ParseError) -> Stmt {
    var statement = statement
    switch peek().kind {
    case .semicolon:
      advance()
      if case .expression(let e, _) = statement.kind {
        statement.kind = .expression(e, suppressed: true)
      }
    case .newline: advance()
    case .rightBrace, .eof: break
    default:
      if let hint = pythonHint(statement) { throw error(hint) }
      throw error("unexpected \(peek().display) after the statement; start a new line or use ';'")
    }
    return statement
  }

  /// After `fn` (and the name, when `named`): `(params) { body }`.
  mutating func functionRest(named: Bool, start: SourceRange) throws(ParseError) -> FunctionDecl {
    let name = named ? try identifier("a function name") : nil
    _ = try expect(.leftParen, "'(' to start the parameter list")
    var params: [ParamDecl] = []
    do {
      ignoresNewlines.append(true)
      defer { ignoresNewlines.removeLast() }
      while !check(.rightParen) {
        let param = try identifier("a parameter name")
        if params.contains(where: { $0.name.text == param.text }) {
          throw error("duplicate parameter '\(param.text)'", at: param.range)
        }
        if let last = params.last, last.isVariadic {
          throw error("only the last parameter can collect the rest", at: last.name.range)
        }
        if match(.closedRange) {
          if check(.equal) {
            throw error("'\(param.text)...' collects arguments and cannot have a default")
          }
          params.append(ParamDecl(name: param, defaultValue: nil, isVariadic: true))
        } else {
          var defaultValue: Expr?
          if match(.equal) { defaultValue = try expression() }
          params.append(ParamDecl(name: param, defaultValue: defaultValue))
        }
        if !match(.comma) { break }
      }
      _ = try expect(.rightParen, "')' to end the parameter list")
    }
    let body = try block()
    nextID += 1
    return FunctionDecl(
      name: name, params: params, body: body, range: range(from: start), id: nextID)
  }
}
