// Compiling binary operators. Numbers are the common case, so each arithmetic and
// comparison operator gets a closure specialised for where its operands come from:
// a local slot, a literal number, or any other expression.

/// A number-number operator with its result, for specialising closures.
protocol NumberOperator {
  static var op: BinaryOperator { get }
  static func apply(_ x: Double, _ y: Double) -> Value
}

/// A comparison of numbers, usable both as a value and directly as a condition.
protocol NumberComparison: NumberOperator {
  static func test(_ x: Double, _ y: Double) -> Bool
}

extension NumberComparison {
  @inline(__always) static func apply(_ x: Double, _ y: Double) -> Value { .bool(test(x, y)) }
}

enum AddOperator: NumberOperator {
  static var op: BinaryOperator { .add }
  @inline(__always) static func apply(_ x: Double, _ y: Double) -> Value { .number(x + y) }
}

enum SubtractOperator: NumberOperator {
  static var op: BinaryOperator { .subtract }
  @inline(__always) static func apply(_ x: Double, _ y: Double) -> Value { .number(x - y) }
}

enum MultiplyOperator: NumberOperator {
  static var op: BinaryOperator { .multiply }
  @inline(__always) static func apply(_ x: Double, _ y: Double) -> Value { .number(x * y) }
}

enum DivideOperator: NumberOperator {
  static var op: BinaryOperator { .divide }
  @inline(__always) static func apply(_ x: Double, _ y: Double) -> Value { .number(x / y) }
}

enum LessOperator: NumberComparison {
  static var op: BinaryOperator { .less }
  @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x < y }
}

enum LessEqualOperator: NumberComparison {
  static var op: BinaryOperator { .lessEqual }
  @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x <= y }
}

enum GreaterOperator: NumberComparison {
  static var op: BinaryOperator { .greater }
  @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x > y }
}

enum GreaterEqualOperator: NumberComparison {
  static var op: BinaryOperator { .greaterEqual }
  @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x >= y }
}

enum EqualOperator: NumberComparison {
  static var op: BinaryOperator { .equal }
  @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x == y }
}

enum NotEqualOperator: NumberComparison {
  static var op: BinaryOperator { .notEqual }
  @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x != y }
}

/// Where an operand comes from, so the operator's closure can read it directly.
enum Operand {
  case local(Int)
  case constant(Double)
  case code(Code)
}

extension Compiler {
  func operand(_ expr: Expr) -> Operand {
    switch expr.kind {
    case .number(let x): return .constant(x)
    case .variable(let name):
      if case .local(let slot) = variable(name).storage { return .local(slot) }
    default: break
    }
    return .code(expression(expr))
  }

  func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ range: SourceRange) -> Code {
    let (l, r) = (operand(left), operand(right))
    switch op {
    case .add: return specialised(AddOperator.self, l, r, range)
    case .subtract: return specialised(SubtractOperator.self, l, r, range)
    case .multiply: return specialised(MultiplyOperator.self, l, r, range)
    case .divide: return specialised(DivideOperator.self, l, r, range)
    case .less: return specialised(LessOperator.self, l, r, range)
    case .lessEqual: return specialised(LessEqualOperator.self, l, r, range)
    case .greater: return specialised(GreaterOperator.self, l, r, range)
    case .greaterEqual: return specialised(GreaterEqualOperator.self, l, r, range)
    case .equal: return specialised(EqualOperator.self, l, r, range)
    case .notEqual: return specialised(NotEqualOperator.self, l, r, range)
    case .modulo, .power, .matmul:
      let (a, b) = (expression(left), expression(right))
      return { f throws(Unwind) in
        let x = try a(f)
        return try Ops.binary(op, x, try b(f), range)
      }
    }
  }

  /// The closure for `O` on two operands; anything but two numbers takes the slow path.
  private func specialised<O: NumberOperator>(
    _: O.Type, _ left: Operand, _ right: Operand, _ range: SourceRange
  ) -> Code {
    switch (left, right) {
    case (.local(let a), .constant(let c)):
      return { f throws(Unwind) in
        let x = f.slots[a]
        if case .number(let n) = x { return O.apply(n, c) }
        return try Ops.binary(O.op, x, .number(c), range)
      }
    case (.local(let a), .local(let b)):
      return { f throws(Unwind) in
        let (x, y) = (f.slots[a], f.slots[b])
        if case .number(let n) = x, case .number(let m) = y { return O.apply(n, m) }
        return try Ops.binary(O.op, x, y, range)
      }
    case (.code(let l), .constant(let c)):
      return { f throws(Unwind) in
        let x = try l(f)
        if case .number(let n) = x { return O.apply(n, c) }
        return try Ops.binary(O.op, x, .number(c), range)
      }
    case (.local(let a), .code(let r)):
      return { f throws(Unwind) in
        let y = try r(f)
        let x = f.slots[a]
        if case .number(let n) = x, case .number(let m) = y { return O.apply(n, m) }
        return try Ops.binary(O.op, x, y, range)
      }
    default:
      let (l, r) = (code(left), code(right))
      return { f throws(Unwind) in
        let x = try l(f)
        let y = try r(f)
        if case .number(let n) = x, case .number(let m) = y { return O.apply(n, m) }
        return try Ops.binary(O.op, x, y, range)
      }
    }
  }

  func code(_ operand: Operand) -> Code {
    switch operand {
    case .local(let slot): return { f in f.slots[slot] }
    case .constant(let c):
      let v = Value.number(c)
      return { _ in v }
    case .code(let code): return code
    }
  }
}
