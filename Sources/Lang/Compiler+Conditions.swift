// Conditions (`if`, `while`, `and`/`or`/`not` inside them) compiled to produce a Swift
// Bool directly: `if n < 2` compares two numbers without building a bool value.

/// Compiled code of a condition.
typealias Test = (Frame) throws(Unwind) -> Bool

extension Compiler {
  /// The test for `expr`; `what` names it in "… must be a bool" messages.
  func condition(_ expr: Expr, what: String = "condition") -> Test {
    let range = expr.range
    switch expr.kind {
    case .bool(let b): return { _ in b }
    case .unary(.not, let operand):
      let test = condition(operand, what: "operand of 'not'")
      return { f throws(Unwind) in try !test(f) }
    case .logical(let op, let left, let right):
      let what = "operand of '\(op.rawValue)'"
      let (a, b) = (condition(left, what: what), condition(right, what: what))
      if op == .and {
        return { f throws(Unwind) in try a(f) ? try b(f) : false }
      }
      return { f throws(Unwind) in try a(f) ? true : try b(f) }
    case .binary(let op, let left, let right):
      let (l, r) = (operand(left), operand(right))
      switch op {
      case .less: return comparison(LessOperator.self, l, r, range, what)
      case .lessEqual: return comparison(LessEqualOperator.self, l, r, range, what)
      case .greater: return comparison(GreaterOperator.self, l, r, range, what)
      case .greaterEqual: return comparison(GreaterEqualOperator.self, l, r, range, what)
      case .equal: return comparison(EqualOperator.self, l, r, range, what)
      case .notEqual: return comparison(NotEqualOperator.self, l, r, range, what)
      default: break
      }
    default: break
    }
    let code = expression(expr)
    return { f throws(Unwind) in
      let v = try code(f)
      if case .bool(let b) = v { return b }
      throw Ops.notBool(v, what, range)
    }
  }

  /// `O` as a test, specialised for where its operands come from.
  private func comparison<O: NumberComparison>(
    _: O.Type, _ left: Operand, _ right: Operand, _ range: SourceRange, _ what: String
  ) -> Test {
    /// Anything but two numbers: the operator's general meaning, which must give a bool.
    let slow = { (x: Value, y: Value) throws(Unwind) -> Bool in
      let v = try Ops.binary(O.op, x, y, range)
      if case .bool(let b) = v { return b }
      throw Ops.notBool(v, what, range)
    }
    switch (left, right) {
    case (.local(let a), .constant(let c)):
      return { f throws(Unwind) in
        if case .number(let n) = f.slots[a] { return O.test(n, c) }
        return try slow(f.slots[a], .number(c))
      }
    case (.local(let a), .local(let b)):
      return { f throws(Unwind) in
        if case .number(let n) = f.slots[a], case .number(let m) = f.slots[b] {
          return O.test(n, m)
        }
        return try slow(f.slots[a], f.slots[b])
      }
    case (.code(let l), .constant(let c)):
      return { f throws(Unwind) in
        let x = try l(f)
        if case .number(let n) = x { return O.test(n, c) }
        return try slow(x, .number(c))
      }
    case (.local(let a), .code(let r)):
      return { f throws(Unwind) in
        let y = try r(f)
        if case .number(let n) = f.slots[a], case .number(let m) = y { return O.test(n, m) }
        return try slow(f.slots[a], y)
      }
    default:
      let (l, r) = (code(left), code(right))
      return { f throws(Unwind) in
        let x = try l(f)
        let y = try r(f)
        if case .number(let n) = x, case .number(let m) = y { return O.test(n, m) }
        return try slow(x, y)
      }
    }
  }
}
