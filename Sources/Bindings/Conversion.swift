// Value ↔ tensor conversion and the argument getters every tensor native shares.
import Lang
import Tensors

/// The integer value of `x` when it is whole and fits comfortably in an Int.
func wholeNumber(_ x: Double) -> Int? {
  guard x.isFinite, x == x.rounded(), abs(x) <= 9_007_199_254_740_992 else { return nil }
  return Int(x)
}

/// Converts an *lr* value to a tensor: a tensor, a number (0-d), a range (1-d), or a
/// nested list of numbers (rectangular).
/// - Returns: nil when the value is none of these.
func tensorValue(_ value: Value) throws -> Tensor? {
  switch value {
  case .native(let object):
    return (object as? TensorObject)?.tensor
  case .number(let x):
    return Tensor(scalar: Float(x))
  case .range(let r):
    return try Tensor.arange(Float(r.lower), Float(r.end))
  case .list(let items):
    var shape: [Int] = []
    var scalars: [Float] = []
    guard try flatten(items, depth: 0, shape: &shape, into: &scalars) else { return nil }
    return try Tensor(shape: shape, scalars: scalars)
  default:
    return nil
  }
}

/// Appends the numbers of a nested list to `scalars`, fixing `shape` from the first
/// element at each depth and rejecting ragged lists.
private func flatten(
  _ items: [Value], depth: Int, shape: inout [Int], into scalars: inout [Float]
) throws -> Bool {
  // Deeper nesting than any tensor we build is a mistake, not data.
  guard depth < 8 else { throw RuntimeError("a nested list deeper than 8 levels cannot be a tensor") }
  if shape.count == depth { shape.append(items.count) }
  guard shape[depth] == items.count else {
    throw RuntimeError("a ragged list cannot be a tensor (expected \(shape[depth]) items at depth \(depth + 1), got \(items.count))")
  }
  for item in items {
    switch item {
    case .number(let x):
      guard shape.count == depth + 1 else {
        throw RuntimeError("a ragged list cannot be a tensor (a number where a list was expected)")
      }
      scalars.append(Float(x))
    case .list(let inner):
      guard try flatten(inner, depth: depth + 1, shape: &shape, into: &scalars) else { return false }
    case .native(let object):
      guard let t = (object as? TensorObject)?.tensor, t.rank == 0, let x = try? t.item() else {
        return false
      }
      scalars.append(x)
    default:
      return false
    }
  }
  return true
}

/// Converts a tensor to nested *lr* lists (a 0-d tensor to a number).
func listValue(_ t: Tensor) -> Value {
  let scalars = t.scalars
  func build(_ dim: Int, _ offset: Int, _ stride: Int) -> Value {
    let n = t.shape[dim]
    let inner = stride / max(n, 1)
    if dim == t.rank - 1 {
      return .list((0..<n).map { .number(double(scalars[offset + $0])) })
    }
    return .list((0..<n).map { build(dim + 1, offset + $0 * inner, inner) })
  }
  if t.rank == 0 { return .number(double(scalars.first ?? 0)) }
  return build(0, 0, t.count)
}

extension Arguments {
  /// The argument `name` as a tensor (tensors, numbers, ranges and nested lists convert).
  func tensor(_ name: String) throws -> Tensor {
    guard let t = try tensorValue(try value(name)) else {
      throw bad(name, expected: "a tensor, a number or a list of numbers")
    }
    return t
  }

  /// The argument `name` as a shape: a list of non-negative integers (or one integer).
  func shape(_ name: String) throws -> [Int] {
    let v = try value(name)
    if case .number(let x) = v, let n = wholeNumber(x), n >= 0 { return [n] }
    guard case .list(let items) = v else {
      throw bad(name, expected: "a shape (a list of non-negative integers)")
    }
    return try items.map { item in
      guard case .number(let x) = item, let n = wholeNumber(x), n >= 0 else {
        throw bad(name, expected: "a shape (a list of non-negative integers)")
      }
      return n
    }
  }

  /// The argument `name` as a list of numbers (lists, ranges and 1-d tensors accepted).
  func numbers(_ name: String) throws -> [Double] {
    let v = try value(name)
    if case .list(let items) = v {
      return try items.map { item in
        guard case .number(let x) = item else {
          throw bad(name, expected: "a list of numbers")
        }
        return x
      }
    }
    if let t = try tensorValue(v), t.rank <= 1 { return t.scalars.map(Double.init) }
    throw bad(name, expected: "a list of numbers or a 1-d tensor")
  }
}

/// A Float32 as the Double with the same shortest decimal form, so `0.1` stored in a
/// tensor reads back as `0.1` and not `0.10000000149011612`.
func double(_ x: Float) -> Double {
  guard x.isFinite else { return Double(x) }
  return Double(x.description) ?? Double(x)
}
