// Element access and slicing: scalars by index, rows, ranges along an axis, gathers.

extension Tensor {
  /// The scalar at `indices`, one per axis; negative indices count from the end.
  ///
  /// ```swift
  /// let corner = try m.scalar(at: [-1, -1])
  /// ```
  /// - Throws: `TensorError` when the number of indices differs from `rank` or one is out
  ///   of range.
  public func scalar(at indices: [Int]) throws -> Float {
    storage.pointer[try flatIndex(indices, operation: "index")]
  }

  /// Replaces the scalar at `indices` (negative indices count from the end).
  /// - Throws: `TensorError` when the number of indices differs from `rank` or one is out
  ///   of range.
  public mutating func setScalar(_ value: Float, at indices: [Int]) throws {
    let offset = try flatIndex(indices, operation: "set")
    makeUnique()
    storage.pointer[offset] = value
  }

  private func flatIndex(_ indices: [Int], operation: String) throws -> Int {
    guard indices.count == rank else {
      throw TensorError.invalidArgument(
        operation: operation,
        message: "got \(indices.count) indices for a tensor of shape \(shape)")
    }
    var offset = 0
    for (axis, index) in indices.enumerated() {
      offset =
        offset * shape[axis] + (try normalizedIndex(index, size: shape[axis], operation: operation))
    }
    return offset
  }

  /// The slice at `index` along `axis`, with that axis removed (`m.select(2)` is row 2).
  /// - Throws: `TensorError` for a bad axis or index.
  public func select(_ index: Int, axis: Int = 0) throws -> Tensor {
    let a = try normalizedAxis(axis, rank: rank, operation: "select")
    let i = try normalizedIndex(index, size: shape[a], operation: "select")
    var result = try slice(i..<(i + 1), axis: a)
    result.shape.remove(at: a)
    return result
  }

  /// The elements whose index along `axis` lies in `range`, keeping the axis.
  ///
  /// ```swift
  /// let batch = try images.slice(128..<256)   // rows 128 through 255
  /// ```
  /// - Throws: `TensorError` for a bad axis or a range outside `0...shape[axis]`.
  public func slice(_ range: Range<Int>, axis: Int = 0) throws -> Tensor {
    let a = try normalizedAxis(axis, rank: rank, operation: "slice")
    guard range.lowerBound >= 0, range.upperBound <= shape[a] else {
      throw TensorError.invalidArgument(
        operation: "slice",
        message: "range \(range.lowerBound)..<\(range.upperBound) is outside 0..<\(shape[a])"
          + " on axis \(a) of shape \(shape)")
    }
    if range.count == shape[a] { return self }
    let outer = shape[..<a].product
    let inner = shape[(a + 1)...].product
    var newShape = shape
    newShape[a] = range.count
    let result = Tensor(uninitializedShape: newShape)
    let block = range.count * inner
    for o in 0..<outer {
      let from = storage.pointer + (o * shape[a] + range.lowerBound) * inner
      (result.storage.pointer + o * block).initialize(from: from, count: block)
    }
    return result
  }

  /// Rows `range` of the tensor (a slice along axis 0).
  /// - Throws: `TensorError` for a rank-0 tensor or a range outside the rows.
  public func rows(_ range: Range<Int>) throws -> Tensor {
    try slice(range, axis: 0)
  }

  /// Columns `range` of the tensor (a slice along the last axis).
  /// - Throws: `TensorError` for a rank-0 tensor or a range outside the columns.
  public func columns(_ range: Range<Int>) throws -> Tensor {
    try slice(range, axis: -1)
  }

  /// The rows (slices along axis 0) at `indices`, in that order; repeats are allowed and
  /// negative indices count from the end. Used to draw shuffled mini-batches.
  /// - Throws: `TensorError` for a rank-0 tensor or an index out of range.
  public func gatherRows(_ indices: [Int]) throws -> Tensor {
    guard let rows = shape.first else {
      throw TensorError.invalidShape(operation: "gather", shape: shape, reason: "has no rows")
    }
    let rowSize = shape.dropFirst().product
    var newShape = shape
    newShape[0] = indices.count
    _ = try checkedElementCount(newShape, operation: "gather")
    let checked = try indices.map { try normalizedIndex($0, size: rows, operation: "gather") }
    let result = Tensor(uninitializedShape: newShape)
    for (position, row) in checked.enumerated() {
      (result.storage.pointer + position * rowSize).initialize(
        from: storage.pointer + row * rowSize, count: rowSize)
    }
    return result
  }
}
