// Shape operations: reshape, squeeze/unsqueeze, transpose, permute, broadcast.

extension Tensor {
  /// The same scalars under a new shape of equal element count; one dimension may be `-1`
  /// to be inferred. Shares storage with `self` (copy-on-write), so it costs nothing.
  ///
  /// ```swift
  /// let images = try batch.reshaped([-1, 28, 28])
  /// ```
  /// - Throws: `TensorError.invalidShape` when the counts differ, more than one `-1` is
  ///   given, or a dimension is below `-1`.
  public func reshaped(_ newShape: [Int]) throws -> Tensor {
    var resolved = newShape
    let inferred = newShape.indices.filter { newShape[$0] == -1 }
    guard inferred.count <= 1, newShape.allSatisfy({ $0 >= -1 }) else {
      throw TensorError.invalidShape(
        operation: "reshape", shape: newShape,
        reason: "may hold one -1 and otherwise non-negative dimensions")
    }
    if let axis = inferred.first {
      resolved[axis] = 1
      let known = try checkedElementCount(resolved, operation: "reshape")
      guard known > 0, count % known == 0 else {
        throw TensorError.shapeMismatch(
          operation: "reshape", lhs: shape, rhs: newShape, reason: "have different sizes")
      }
      resolved[axis] = count / known
    }
    guard try checkedElementCount(resolved, operation: "reshape") == count else {
      throw TensorError.shapeMismatch(
        operation: "reshape", lhs: shape, rhs: newShape, reason: "have different sizes")
    }
    return Tensor(uncheckedShape: resolved, storage: storage)
  }

  /// All scalars as a one-dimensional tensor (sharing storage).
  public func flattened() -> Tensor {
    Tensor(uncheckedShape: [count], storage: storage)
  }

  /// The tensor without size-1 axes: all of them, or only `axis` when given.
  /// - Throws: `TensorError` when `axis` is out of range or its size is not 1.
  public func squeezed(axis: Int? = nil) throws -> Tensor {
    guard let axis else {
      return Tensor(uncheckedShape: shape.filter { $0 != 1 }, storage: storage)
    }
    let a = try normalizedAxis(axis, rank: rank, operation: "squeeze")
    guard shape[a] == 1 else {
      throw TensorError.invalidShape(
        operation: "squeeze", shape: shape, reason: "has size \(shape[a]) on axis \(axis), not 1")
    }
    var result = shape
    result.remove(at: a)
    return Tensor(uncheckedShape: result, storage: storage)
  }

  /// The tensor with a new size-1 axis inserted at `axis` (`-1` appends one).
  /// - Throws: `TensorError.axisOutOfRange` unless `-rank-1 ≤ axis ≤ rank`.
  public func unsqueezed(axis: Int) throws -> Tensor {
    let a = try normalizedAxis(axis, rank: rank + 1, operation: "unsqueeze")
    var result = shape
    result.insert(1, at: a)
    return Tensor(uncheckedShape: result, storage: storage)
  }

  /// The tensor with its axes reversed: the matrix transpose for 2-D tensors, NumPy's `.T`.
  public var T: Tensor { transposed() }

  /// The tensor with its axes reversed (for a matrix: rows become columns).
  public func transposed() -> Tensor {
    if rank == 2 { return transposedMatrix() }
    // Reversed axes are always a valid permutation, so this cannot throw.
    return (try? permuted(Array(shape.indices.reversed()))) ?? self
  }

  /// The tensor with axes reordered: result axis `i` is `self`'s axis `axes[i]`.
  ///
  /// ```swift
  /// let nchw = try nhwc.permuted([0, 3, 1, 2])
  /// ```
  /// - Throws: `TensorError.invalidArgument` unless `axes` is a permutation of `0..<rank`.
  public func permuted(_ axes: [Int]) throws -> Tensor {
    guard axes.count == rank, Set(axes) == Set(0..<rank) else {
      throw TensorError.invalidArgument(
        operation: "permute", message: "\(axes) is not a permutation of the axes of \(shape)")
    }
    if rank == 2 && axes == [1, 0] { return transposedMatrix() }
    let source = strides
    let newShape = axes.map { shape[$0] }
    let newStrides = axes.map { source[$0] }
    let result = Tensor(uninitializedShape: newShape)
    copyStrided(
      from: storage.pointer, shape: newShape, strides: newStrides, to: result.storage.pointer)
    return result
  }

  /// A matrix transpose in 32 × 32 tiles, so both reads and writes stay in cache.
  private func transposedMatrix() -> Tensor {
    let (rows, columns) = (shape[0], shape[1])
    let result = Tensor(uninitializedShape: [columns, rows])
    let (source, target) = (storage.pointer, result.storage.pointer)
    let tile = 32
    for i0 in stride(from: 0, to: rows, by: tile) {
      for j0 in stride(from: 0, to: columns, by: tile) {
        for i in i0..<Swift.min(i0 + tile, rows) {
          for j in j0..<Swift.min(j0 + tile, columns) {
            target[j * rows + i] = source[i * columns + j]
          }
        }
      }
    }
    return result
  }

  /// The tensor repeated along size-1 (or missing leading) axes to `newShape`.
  /// - Throws: `TensorError.shapeMismatch` when `self` does not broadcast to `newShape`.
  public func broadcast(to newShape: [Int]) throws -> Tensor {
    if newShape == shape { return self }
    let combined = try broadcastShape(newShape, shape, operation: "broadcast")
    guard combined == newShape else {
      throw TensorError.shapeMismatch(
        operation: "broadcast", lhs: shape, rhs: newShape,
        reason: "do not broadcast one to the other")
    }
    _ = try checkedElementCount(newShape, operation: "broadcast")
    let result = Tensor(uninitializedShape: newShape)
    let (source, target) = (storage.pointer, result.storage.pointer)
    guard result.count > 0 else { return result }
    let plan = BroadcastPlan(shape: newShape, lhs: newShape, rhs: shape)
    plan.forEachRow { _, offset, output in
      let (from, to) = (source + offset, target + output)
      if plan.rhsRowStride == 1 {
        to.update(from: from, count: plan.rowLength)
      } else {
        to.update(repeating: from[0], count: plan.rowLength)
      }
    }
    return result
  }
}

/// Copies a strided view (`shape`, `strides` over `source`) into contiguous `target`,
/// walking the target in order.
func copyStrided(
  from source: UnsafePointer<Float>, shape: [Int], strides: [Int],
  to target: UnsafeMutablePointer<Float>
) {
  let total = shape.product
  guard total > 0 else { return }
  guard let inner = shape.last, let innerStride = strides.last else {
    target[0] = source[0]
    return
  }
  let outerRank = shape.count - 1
  var index = [Int](repeating: 0, count: outerRank)
  var offset = 0
  var written = 0
  while written < total {
    let from = source + offset
    let to = target + written
    for j in 0..<inner { to[j] = from[j * innerStride] }
    written += inner
    var axis = outerRank - 1
    while axis >= 0 {
      index[axis] += 1
      offset += strides[axis]
      if index[axis] < shape[axis] { break }
      offset -= strides[axis] * shape[axis]
      index[axis] = 0
      axis -= 1
    }
  }
}
