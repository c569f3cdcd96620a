// Arithmetic, comparison, matrix product and indexing on tensors in lr.
import Lang
import Tensors

extension TensorObject {
  func binary(_ op: BinaryOperator, _ other: Value, selfOnLeft: Bool) throws -> Value? {
    guard let rhs = try tensorValue(other) else { return nil }
    let (a, b) = selfOnLeft ? (tensor, rhs) : (rhs, tensor)
    switch op {
    case .add: return .tensor(try a + b)
    case .subtract: return .tensor(try a - b)
    case .multiply: return .tensor(try a * b)
    case .divide: return .tensor(try a / b)
    case .power: return .tensor(try a.pow(b))
    case .matmul: return .tensor(try matrixProduct(a, b))
    case .less: return .tensor(try a .< b)
    case .lessEqual: return .tensor(try a .<= b)
    case .greater: return .tensor(try a .> b)
    case .greaterEqual: return .tensor(try a .>= b)
    case .equal: return .bool(a == b)
    case .notEqual: return .bool(a != b)
    case .modulo: return nil
    }
  }

  func unary(_ op: UnaryOperator) throws -> Value? {
    switch op {
    case .negate: return .tensor(tensor * -1)
    case .not: return nil
    }
  }

  /// `t[i]` selects along the first axis (negative counts from the end); `t[a..<b]`
  /// slices it. A 0-d result is a number.
  func index(_ i: Value) throws -> Value? {
    guard let n = tensor.shape.first else {
      throw RuntimeError("cannot index a 0-d tensor")
    }
    switch i {
    case .number(let x):
      guard let k = wholeNumber(x) else {
        throw RuntimeError("tensor index must be an integer, got \(x)")
      }
      let j = k < 0 ? k + n : k
      guard j >= 0, j < n else {
        throw RuntimeError("index \(k) out of range for a tensor with \(n) rows")
      }
      return .tensor(try tensor.select(j))
    case .range(let r):
      let lower = max(0, min(r.lower, n))
      let upper = max(lower, min(r.end, n))
      return .tensor(try tensor.slice(lower..<upper))
    default:
      return nil
    }
  }
}

/// `a @ b`: matrix–matrix, matrix–vector, vector–matrix and vector–vector products.
func matrixProduct(_ a: Tensor, _ b: Tensor) throws -> Tensor {
  switch (a.rank, b.rank) {
  case (2, 2):
    return try a.matmul(b)
  case (2, 1):
    return try a.matmul(b.reshaped([b.count, 1])).reshaped([a.shape[0]])
  case (1, 2):
    return try a.reshaped([1, a.count]).matmul(b).reshaped([b.shape[1]])
  case (1, 1):
    return try a.reshaped([1, a.count]).matmul(b.reshaped([b.count, 1])).reshaped([])
  default:
    throw RuntimeError(
      "'@' needs vectors or matrices, got shapes \(a.shape) and \(b.shape)")
  }
}
