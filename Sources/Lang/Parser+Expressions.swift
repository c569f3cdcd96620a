// Expressions by precedence, lowest first: |>, or, and, not, comparisons, ranges,
// + -, * / % @, unary -, **, then calls, indexing and members.

extension Parser {
  mutating func expression() throws(ParseError) -> Expr {
    try nest()
    defer { depth -= 1 }
    return try pipeline()
  }

  /// `x |> f(a)` is `f(x, a)`; `x |> f` is `f(x)`. A `|>` may also start the next line.
  private mutating func pipeline() throws(ParseError) -> Expr {
    let saved = depth
    defer { depth = saved }
    var left = try logical(.or)
    while true {
      if check(.newline), kindAfterNewlines() == .pipe { skipNewlines() }
      guard match(.pipe) else { return left }
      try nest()
      skipNewlines()
      let right = try logical(.or)
      let whole = left.range.union(right.range)
      let piped = Argument(label: nil, value: left)
      switch right.kind {
      case .call(let callee, let args):
        left = Expr(kind: .call(callee, [piped] + args), range: whole)
      case .methodCall(let object, let name, let args):
        left = Expr(kind: .methodCall(object, name, [piped] + args), range: whole)
      default:
        left = Expr(kind: .call(right, [piped]), range: whole)
      }
    }
  }

  private mutating func logical(_ op: LogicalOp) throws(ParseError) -> Expr {
    let saved = depth
    defer { depth = saved }
    var left = op == .or ? try logical(.and) : try notExpression()
    while match(.keyword(op == .or ? .or : .and)) {
      try nest()
      skipNewlines()
      let right = op == .or ? try logical(.and) : try notExpression()
      left = Expr(kind: .logical(op, left, right), range: left.range.union(right.range))
    }
    return left
  }

  private mutating func notExpression() throws(ParseError) -> Expr {
    let start = peek().range
    guard match(.keyword(.not)) else { return try comparison() }
    try nest()
    defer { depth -= 1 }
    let operand = try notExpression()
    return Expr(kind: .unary(.not, operand), range: start.union(operand.range))
  }

  private static func comparisonOperator(_ kind: TokenKind) -> BinaryOperator? {
    switch kind {
    case .equalEqual: return .equal
    case .bangEqual: return .notEqual
    case .less: return .less
    case .lessEqual: return .lessEqual
    case .greater: return .greater
    case .greaterEqual: return .greaterEqual
    default: return nil
    }
  }

  /// Comparisons do not chain: `a < b < c` is an error rather than a surprise.
  private mutating func comparison() throws(ParseError) -> Expr {
    let left = try rangeExpression()
    guard let op = Parser.comparisonOperator(peek().kind) else { return left }
    advance()
    skipNewlines()
    let right = try rangeExpression()
    if Parser.comparisonOperator(peek().kind) != nil {
      throw error("comparisons cannot be chained; combine them with 'and'")
    }
    return Expr(kind: .binary(op, left, right), range: left.range.union(right.range))
  }

  private mutating func rangeExpression() throws(ParseError) -> Expr {
    let left = try additive()
    let closed: Bool
    if match(.halfOpenRange) {
      closed = false
    } else if match(.closedRange) {
      closed = true
    } else {
      return left
    }
    if check(.rightBracket) {
      // `xs[2...]`: the resolver accepts a one-sided range only as an index.
      return Expr(kind: .slice(left, nil, closed: closed), range: range(from: left.range))
    }
    skipNewlines()
    let right = try additive()
    return Expr(kind: .range(left, right, closed: closed), range: left.range.union(right.range))
  }

  private mutating func additive() throws(ParseError) -> Expr {
    try binaryChain([.plus: .add, .minus: .subtract]) { (p: inout Parser) throws(ParseError) in
      try p.multiplicative()
    }
  }

  private mutating func multiplicative() throws(ParseError) -> Expr {
    let ops: [TokenKind: BinaryOperator] = [
      .star: .multiply, .slash: .divide, .percent: .modulo, .at: .matmul,
    ]
    return try binaryChain(ops) { (p: inout Parser) throws(ParseError) in try p.unary() }
  }

  /// A left-associative chain `operand (op operand)*`; an operator at the end of a
  /// line continues the expression on the next. Each link counts against the nesting
  /// limit, since a long `a + b + c + …` is a deep left-leaning tree.
  private mutating func binaryChain(
    _ ops: [TokenKind: BinaryOperator], operand: (inout Parser) throws(ParseError) -> Expr
  ) throws(ParseError) -> Expr {
    let saved = depth
    defer { depth = saved }
    var left = try operand(&self)
    while let op = ops[peek().kind] {
      advance()
      try nest()
      skipNewlines()
      let right = try operand(&self)
      left = Expr(kind: .binary(op, left, right), range: left.range.union(right.range))
    }
    return left
  }

  /// Unary minus binds looser than `**`: `-2 ** 2` is `-(2 ** 2)`.
  private mutating func unary() throws(ParseError) -> Expr {
    let start = peek().range
    guard match(.minus) else { return try power() }
    try nest()
    defer { depth -= 1 }
    let operand = try unary()
    return Expr(kind: .unary(.negate, operand), range: start.union(operand.range))
  }

  /// `**` is right-associative and its exponent may be negated: `2 ** -1`.
  private mutating func power() throws(ParseError) -> Expr {
    let base = try postfix()
    guard match(.starStar) else { return base }
    try nest()
    defer { depth -= 1 }
    skipNewlines()
    let exponent = try unary()
    return Expr(kind: .binary(.power, base, exponent), range: base.range.union(exponent.range))
  }
}
