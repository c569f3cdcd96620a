// Postfix forms (calls, indexing, members) and primary expressions (literals,
// names, lists, records, strings, `fn`, `if`, parentheses).

extension Parser {
  /// Calls, indexing and member access; a line starting with `.` continues the chain.
  mutating func postfix() throws(ParseError) -> Expr {
    let saved = depth
    defer { depth = saved }
    var expr = try primary()
    while true {
      if check(.newline), kindAfterNewlines() == .dot { skipNewlines() }
      switch peek().kind {
      case .leftParen:
        try nest()
        let args = try arguments()
        expr = Expr(kind: .call(expr, args), range: range(from: expr.range))
      case .leftBracket:
        try nest()
        advance()
        ignoresNewlines.append(true)
        defer { ignoresNewlines.removeLast() }
        let index = try expression()
        if check(.colon) {
          // Python's `xs[1:3]` is the first slice a newcomer writes.
          throw error("slices are written with ranges: xs[a..<b] for Python's xs[a:b]")
        }
        _ = try expect(.rightBracket, "']' after the index")
        expr = Expr(kind: .index(expr, index), range: range(from: expr.range))
      case .dot:
        try nest()
        advance()
        let name = try identifier("a member name after '.'")
        if check(.leftParen) {
          let args = try arguments()
          expr = Expr(kind: .methodCall(expr, name, args), range: range(from: expr.range))
        } else {
          expr = Expr(kind: .member(expr, name), range: range(from: expr.range))
        }
      default:
        return expr
      }
    }
  }

  /// `(a, b, name: c)`: named arguments come after positional ones.
  private mutating func arguments() throws(ParseError) -> [Argument] {
    advance()
    ignoresNewlines.append(true)
    defer { ignoresNewlines.removeLast() }
    var args: [Argument] = []
    while !check(.rightParen) {
      var label: Name?
      if check(.identifier), tokens[current + 1].kind == .colon {
        let name = makeName(advance())
        advance()
        if args.contains(where: { $0.label?.text == name.text }) {
          throw error("argument '\(name.text)' is given twice", at: name.range)
        }
        label = name
      }
      let value = try expression()
      if label == nil, args.contains(where: { $0.label != nil }) {
        throw error("positional argument after named arguments", at: value.range)
      }
      args.append(Argument(label: label, value: value))
      if !match(.comma) { break }
    }
    _ = try expect(.rightParen, "')' after the arguments")
    return args
  }

  mutating func primary() throws(ParseError) -> Expr {
    let token = peek()
    switch token.kind {
    case .number:
      advance()
      return Expr(kind: .number(token.number), range: token.range)
    case .string:
      advance()
      return Expr(kind: .string(token.text), range: token.range)
    case .stringHead: return try interpolation()
    case .keyword(.true), .keyword(.false):
      advance()
      return Expr(kind: .bool(token.kind == .keyword(.true)), range: token.range)
    case .keyword(.nil):
      advance()
      return Expr(kind: .nil, range: token.range)
    case .identifier:
      advance()
      return Expr(kind: .variable(makeName(token)), range: token.range)
    case .leftParen:
      advance()
      try nest()
      defer { depth -= 1 }
      ignoresNewlines.append(true)
      defer { ignoresNewlines.removeLast() }
      var inner = try expression()
      if match(.comma) {
        // `(a, b)` is a list, as tuples are in Python: `return (loss, grads)`.
        var items = [inner]
        while !check(.rightParen) {
          items.append(try expression())
          if !match(.comma) { break }
        }
        _ = try expect(.rightParen, "')' to close the list")
        return Expr(kind: .list(items), range: range(from: token.range))
      }
      _ = try expect(.rightParen, "')'")
      inner.range = range(from: token.range)
      return inner
    case .halfOpenRange, .closedRange:
      // `xs[..<3]`: the resolver accepts a one-sided range only as an index.
      advance()
      try nest()
      defer { depth -= 1 }
      let upper = try expression()
      return Expr(
        kind: .slice(nil, upper, closed: token.kind == .closedRange),
        range: range(from: token.range))
    case .keyword(.import):
      advance()
      let path = peek()
      guard path.kind == .string else {
        throw error("expected a file name in quotes after 'import', as in import \"util.lr\"")
      }
      advance()
      return Expr(kind: .importModule(path.text), range: range(from: token.range))
    case .leftBracket: return try listLiteral()
    case .leftBrace: return try recordLiteral()
    case .keyword(.fn):
      advance()
      try nest()
      defer { depth -= 1 }
      let decl = try functionRest(named: false, start: token.range)
      return Expr(kind: .function(decl), range: decl.range)
    case .keyword(.if): return try ifExpression()
    default:
      throw error("expected an expression, found \(token.display)")
    }
  }

  private mutating func interpolation() throws(ParseError) -> Expr {
    let head = advance()
    try nest()
    defer { depth -= 1 }
    var parts: [InterpolationPart] = head.text.isEmpty ? [] : [.text(head.text)]
    while true {
      parts.append(.expr(try expression()))
      let piece = peek()
      guard piece.kind == .stringMiddle || piece.kind == .stringTail else {
        throw error("expected ')' to end the interpolation, found \(piece.display)")
      }
      advance()
      if !piece.text.isEmpty { parts.append(.text(piece.text)) }
      if piece.kind == .stringTail { break }
    }
    return Expr(kind: .interpolation(parts), range: range(from: head.range))
  }

  private mutating func listLiteral() throws(ParseError) -> Expr {
    let open = advance()
    try nest()
    defer { depth -= 1 }
    ignoresNewlines.append(true)
    defer { ignoresNewlines.removeLast() }
    var items: [Expr] = []
    while !check(.rightBracket) {
      items.append(try expression())
      if !match(.comma) { break }
    }
    if items.count == 1, check(.keyword(.for)) {
      throw error(
        "list comprehensions are written with map and filter: "
          + "xs.filter(fn(x) { x > 0 }).map(fn(x) { x * x })")
    }
    _ = try expect(.rightBracket, "']' to close the list")
    return Expr(kind: .list(items), range: range(from: open.range))
  }

  /// `{rank: 8, "learning rate": 0.1}`; `{}` is the empty record.
  private mutating func recordLiteral() throws(ParseError) -> Expr {
    let open = advance()
    try nest()
    defer { depth -= 1 }
    ignoresNewlines.append(true)
    defer { ignoresNewlines.removeLast() }
    var fields: [RecordField] = []
    while !check(.rightBrace) {
      let key = peek()
      guard key.kind == .identifier || key.kind == .string else {
        if key.kind == .stringHead {
          // `{"\(name)": v}`: names computed at run time are set by index.
          throw error(
            "a field name in a record literal is fixed; for a computed one, "
              + "write var r = {} and then r[name] = value")
        }
        throw error("expected a field name, found \(key.display)")
      }
      advance()
      if fields.contains(where: { $0.key == key.text }) {
        throw error("duplicate field '\(key.text)' in record", at: key.range)
      }
      _ = try expect(.colon, "':' after the field name")
      fields.append(RecordField(key: key.text, keyRange: key.range, value: try expression()))
      if !match(.comma) { break }
    }
    _ = try expect(.rightBrace, "'}' to close the record")
    return Expr(kind: .record(fields), range: range(from: open.range))
  }

  /// `if c { … } else if d { … } else { … }`; `else` may start the next line.
  private mutating func ifExpression() throws(ParseError) -> Expr {
    let start = advance()
    try nest()
    defer { depth -= 1 }
    let condition = try expression()
    let then = try block()
    var otherwise: Expr?
    if check(.newline), kindAfterNewlines() == .keyword(.else) { skipNewlines() }
    if match(.keyword(.else)) {
      if check(.keyword(.if)) {
        otherwise = try ifExpression()
      } else {
        let body = try block()
        otherwise = Expr(kind: .block(body), range: body.range)
      }
    }
    return Expr(kind: .ifElse(condition, then, otherwise), range: range(from: start.range))
  }
}
