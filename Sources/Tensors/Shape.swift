// Shape arithmetic shared by all operations: element counts, strides, axes, broadcasting.
import Synchronization

/// The current element cap; see `Tensor.maxElements`.
private let elementLimit = Atomic<Int>(Tensor.defaultMaxElements)

extension Tensor {
  /// The default cap on a tensor's element count: 2³⁰ scalars, 4 GiB of Float32. Larger
  /// requests almost always come from a typo in a shape, and on a laptop they would end the
  /// process (or the machine) instead of giving an error.
  public static let defaultMaxElements = 1 << 30

  /// The largest number of elements a new tensor may have; creating a larger one throws
  /// `TensorError.tooLarge`. Thread-safe; set it once at start-up (e.g. from a CLI flag).
  public static var maxElements: Int {
    get { elementLimit.load(ordering: .relaxed) }
    set { elementLimit.store(newValue, ordering: .relaxed) }
  }

  /// A cap for the current task only, in place of `maxElements` (tests of the cap use it,
  /// so other tests running at the same time keep the process-wide one).
  @TaskLocal package static var taskMaxElements: Int?
}

extension Sequence where Element == Int {
  /// The product of the dimensions, for shapes already validated.
  var product: Int { reduce(1, *) }
}

/// The number of elements of `shape`, after checking every dimension is non-negative and
/// the product neither overflows nor exceeds `Tensor.maxElements`.
func checkedElementCount(_ shape: [Int], operation: String) throws -> Int {
  var count = 1
  var overflowed = false
  for dimension in shape {
    guard dimension >= 0 else {
      throw TensorError.invalidShape(
        operation: operation, shape: shape, reason: "has a negative dimension")
    }
    let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
    if overflow { overflowed = true } else { count = product }
  }
  // A zero dimension makes the true count 0 even if an earlier partial product overflowed.
  if shape.contains(0) { return 0 }
  let limit = Tensor.taskMaxElements ?? Tensor.maxElements
  if overflowed || count > limit {
    throw TensorError.tooLarge(
      operation: operation, shape: shape, elements: overflowed ? nil : count, limit: limit)
  }
  return count
}

/// Row-major strides in elements for `shape`.
func contiguousStrides(_ shape: [Int]) -> [Int] {
  var strides = [Int](repeating: 1, count: shape.count)
  var stride = 1
  for axis in shape.indices.reversed() {
    strides[axis] = stride
    stride *= shape[axis]
  }
  return strides
}

/// Maps a possibly negative axis (`-1` is the last) into `0..<rank`.
func normalizedAxis(_ axis: Int, rank: Int, operation: String) throws -> Int {
  guard axis >= -rank, axis < rank else {
    throw TensorError.axisOutOfRange(operation: operation, axis: axis, rank: rank)
  }
  return axis < 0 ? axis + rank : axis
}

/// Maps a possibly negative index (`-1` is the last) into `0..<size`.
func normalizedIndex(_ index: Int, size: Int, operation: String) throws -> Int {
  guard index >= -size, index < size else {
    throw TensorError.indexOutOfRange(operation: operation, index: index, size: size)
  }
  return index < 0 ? index + size : index
}

/// The NumPy broadcast of two shapes: align on the right, each pair of dimensions must be
/// equal or contain a 1.
func broadcastShape(_ lhs: [Int], _ rhs: [Int], operation: String) throws -> [Int] {
  let rank = Swift.max(lhs.count, rhs.count)
  var result = [Int](repeating: 1, count: rank)
  for axis in 0..<rank {
    let a = axis < rank - lhs.count ? 1 : lhs[axis - (rank - lhs.count)]
    let b = axis < rank - rhs.count ? 1 : rhs[axis - (rank - rhs.count)]
    guard a == b || a == 1 || b == 1 else {
      throw TensorError.shapeMismatch(
        operation: operation, lhs: lhs, rhs: rhs, reason: "cannot be broadcast together")
    }
    result[axis] = a == 1 ? b : a
  }
  return result
}
