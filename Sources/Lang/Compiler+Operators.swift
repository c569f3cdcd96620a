// Compiling binary operators, with fast paths for numbers (the common case) and
// for a literal number on the right (`n - 1`, `i < 10`).

extension Compiler {
  func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ range: SourceRange) -> Code {
    let l = expression(left)
    if case .number(let c) = right.kind, let code = withConstant(op, l, c, range) { return code }
    let r = expression(right)
    switch op {
    case .add:
      return { f throws(Unwind) in
        let a = try l(f)
        let b = try r(f)
        if case .number(let x) = a, case .number(let y) = b { return .number(x + y) }
        return try Ops.binarySlow(.add, a, b, range)
      }
    case .subtract:
      return { f throws(Unwind) in
        let a = try l(f)
        let b = try r(f)
        if case .number(let x) = a, case .number(let y) = b { return .number(x - y) }
        return try Ops.binarySlow(.subtract, a, b, range)
      }
    case .multiply:
      return { f throws(Unwind) in
        let a = try l(f)
        let b = try r(f)
        if case .number(let x) = a, case .number(let y) = b { return .number(x * y) }
        return try Ops.binarySlow(.multiply, a, b, range)
      }
    case .less:
      return { f throws(Unwind) in
        let a = try l(f)
        let b = try r(f)
        if case .number(let x) = a, case .number(let y) = b { return .bool(x < y) }
        return try Ops.binarySlow(.less, a, b, range)
      }
    default:
      return { f throws(Unwind) in
        let a = try l(f)
        let b = try r(f)
        return try Ops.binary(op, a, b, range)
      }
    }
  }

  /// `x op c` for a literal number `c`: one closure call fewer, no second unwrap.
  private func withConstant(_ op: BinaryOperator, _ l: @escaping Code, _ c: Double, _ range: SourceRange)
    -> Code?
  {
    let constant = Value.number(c)
    switch op {
    case .add:
      return { f throws(Unwind) in
        let a = try l(f)
        if case .number(let x) = a { return .number(x + c) }
        return try Ops.binarySlow(.add, a, constant, range)
      }
    case .subtract:
      return { f throws(Unwind) in
        let a = try l(f)
        if case .number(let x) = a { return .number(x - c) }
        return try Ops.binarySlow(.subtract, a, constant, range)
      }
    case .less:
      return { f throws(Unwind) in
        let a = try l(f)
        if case .number(let x) = a { return .bool(x < c) }
        return try Ops.binarySlow(.less, a, constant, range)
      }
    case .equal:
      return { f throws(Unwind) in
        let a = try l(f)
        if case .number(let x) = a { return .bool(x == c) }
        return try Ops.binary(.equal, a, constant, range)
      }
    default:
      return nil
    }
  }
}
