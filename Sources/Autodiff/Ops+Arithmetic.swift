// Broadcasting add, subtract, multiply, divide and negate, each with its backward rule.
import Tensors

extension Variable {
  /// `lhs + rhs` with NumPy broadcasting; the gradient of a broadcast operand is summed
  /// back to its shape.
  /// - Throws: `TensorError` when the shapes do not broadcast.
  public static func + (lhs: Variable, rhs: Variable) throws -> Variable {
    let (a, b, sa, sb) = (lhs.ref, rhs.ref, lhs.shape, rhs.shape)
    return try lhs.tape.record(try lhs.value + rhs.value, inputs: [lhs, rhs]) {
      { g, grads in
        if a.needsGrad { try grads.accumulate(g.sum(toShape: sa), into: a) }
        if b.needsGrad { try grads.accumulate(g.sum(toShape: sb), into: b) }
      }
    }
  }

  /// `lhs − rhs` with broadcasting.
  /// - Throws: `TensorError` when the shapes do not broadcast.
  public static func - (lhs: Variable, rhs: Variable) throws -> Variable {
    let (a, b, sa, sb) = (lhs.ref, rhs.ref, lhs.shape, rhs.shape)
    return try lhs.tape.record(try lhs.value - rhs.value, inputs: [lhs, rhs]) {
      { g, grads in
        if a.needsGrad { try grads.accumulate(g.sum(toShape: sa), into: a) }
        if b.needsGrad { try grads.accumulate((-g).sum(toShape: sb), into: b) }
      }
    }
  }

  /// `lhs · rhs` elementwise with broadcasting.
  /// - Throws: `TensorError` when the shapes do not broadcast.
  public static func * (lhs: Variable, rhs: Variable) throws -> Variable {
    let (a, b, x, y) = (lhs.ref, rhs.ref, lhs.value, rhs.value)
    return try lhs.tape.record(try x * y, inputs: [lhs, rhs]) {
      { g, grads in
        if a.needsGrad { try grads.accumulate((g * y).sum(toShape: x.shape), into: a) }
        if b.needsGrad { try grads.accumulate((g * x).sum(toShape: y.shape), into: b) }
      }
    }
  }

  /// `lhs / rhs` elementwise with broadcasting.
  /// - Throws: `TensorError` when the shapes do not broadcast.
  public static func / (lhs: Variable, rhs: Variable) throws -> Variable {
    let (a, b, x, y) = (lhs.ref, rhs.ref, lhs.value, rhs.value)
    let quotient = try x / y
    return try lhs.tape.record(quotient, inputs: [lhs, rhs]) {
      { g, grads in
        if a.needsGrad { try grads.accumulate((g / y).sum(toShape: x.shape), into: a) }
        if b.needsGrad {
          // ∂(x/y)/∂y = −(x/y)/y
          try grads.accumulate((-(g * quotient) / y).sum(toShape: y.shape), into: b)
        }
      }
    }
  }

  /// `−x`.
  public static prefix func - (operand: Variable) throws -> Variable {
    try operand.scaled(by: -1)
  }

  /// `x · c` for a constant `c`.
  public func scaled(by c: Float) throws -> Variable {
    let a = ref
    return try tape.record(value * c, inputs: [self]) {
      { g, grads in try grads.accumulate(g * c, into: a) }
    }
  }

  /// `x + c` for a constant `c`.
  public func shifted(by c: Float) throws -> Variable {
    let a = ref
    return try tape.record(value + c, inputs: [self]) {
      { g, grads in try grads.accumulate(g, into: a) }
    }
  }

  /// `x + c`.
  public static func + (lhs: Variable, rhs: Float) throws -> Variable { try lhs.shifted(by: rhs) }
  /// `x − c`.
  public static func - (lhs: Variable, rhs: Float) throws -> Variable { try lhs.shifted(by: -rhs) }
  /// `x · c`.
  public static func * (lhs: Variable, rhs: Float) throws -> Variable { try lhs.scaled(by: rhs) }
  /// `c · x`.
  public static func * (lhs: Float, rhs: Variable) throws -> Variable { try rhs.scaled(by: lhs) }
  /// `x / c`.
  public static func / (lhs: Variable, rhs: Float) throws -> Variable {
    try lhs.scaled(by: 1 / rhs)
  }
}
