// Reductions along one axis (with keepDims), and summing a broadcast result back to a shape.

extension Tensor {
  /// Sums along `axis`; with `keepDims` the axis stays with size 1.
  ///
  /// ```swift
  /// let columnTotals = try m.sum(axis: 0)   // [3, 4] → [4]
  /// ```
  /// - Throws: `TensorError.axisOutOfRange` for a bad axis.
  public func sum(axis: Int, keepDims: Bool = false) throws -> Tensor {
    try reduce(axis: axis, keepDims: keepDims, operation: "sum") { p, n, inner, out in
      if inner == 1 {
        out[0] = Float(sumOfScalars(p, n))
        return
      }
      var totals = [Double](repeating: 0, count: inner)
      totals.withUnsafeMutableBufferPointer { acc in
        for k in 0..<n {
          let row = p + k * inner
          for j in 0..<inner { acc[j] += Double(row[j]) }
        }
        for j in 0..<inner { out[j] = Float(acc[j]) }
      }
    }
  }

  /// Means along `axis` (NaN where the axis is empty).
  /// - Throws: `TensorError.axisOutOfRange` for a bad axis.
  public func mean(axis: Int, keepDims: Bool = false) throws -> Tensor {
    let a = try normalizedAxis(axis, rank: rank, operation: "mean")
    return try sum(axis: a, keepDims: keepDims) / Float(shape[a])
  }

  /// Largest values along `axis` (NaN propagates).
  /// - Throws: `TensorError` for a bad axis or an empty axis.
  public func max(axis: Int, keepDims: Bool = false) throws -> Tensor {
    try extremum(axis: axis, keepDims: keepDims, greater: true, index: false, operation: "max")
  }

  /// Smallest values along `axis` (NaN propagates).
  /// - Throws: `TensorError` for a bad axis or an empty axis.
  public func min(axis: Int, keepDims: Bool = false) throws -> Tensor {
    try extremum(axis: axis, keepDims: keepDims, greater: false, index: false, operation: "min")
  }

  /// Indices (as Float, exact below 2²⁴) of the first largest values along `axis`, e.g.
  /// predicted classes from logits with `argmax(axis: 1)`.
  /// - Throws: `TensorError` for a bad axis or an empty axis.
  public func argmax(axis: Int, keepDims: Bool = false) throws -> Tensor {
    try extremum(axis: axis, keepDims: keepDims, greater: true, index: true, operation: "argmax")
  }

  /// Indices (as Float) of the first smallest values along `axis`.
  /// - Throws: `TensorError` for a bad axis or an empty axis.
  public func argmin(axis: Int, keepDims: Bool = false) throws -> Tensor {
    try extremum(axis: axis, keepDims: keepDims, greater: false, index: true, operation: "argmin")
  }

  /// Variances along `axis`, Σ(x − mean)² / (n − `correction`).
  /// - Throws: `TensorError.axisOutOfRange` for a bad axis.
  public func variance(axis: Int, keepDims: Bool = false, correction: Int = 0) throws -> Tensor {
    let a = try normalizedAxis(axis, rank: rank, operation: "variance")
    let deviations = try self - mean(axis: a, keepDims: true)
    return try (deviations * deviations).sum(axis: a, keepDims: keepDims)
      / Float(Double(shape[a]) - Double(correction))
  }

  /// Standard deviations along `axis`.
  /// - Throws: `TensorError.axisOutOfRange` for a bad axis.
  public func std(axis: Int, keepDims: Bool = false, correction: Int = 0) throws -> Tensor {
    try variance(axis: axis, keepDims: keepDims, correction: correction).sqrt()
  }

  /// Sums a tensor down to `target`, a shape that broadcasts to this one: the gradient of
  /// broadcasting, which autodiff needs for every broadcasting op.
  ///
  /// - Throws: `TensorError.shapeMismatch` when `target` does not broadcast to `shape`.
  public func sum(toShape target: [Int]) throws -> Tensor {
    if target == shape { return self }
    guard target.count <= rank,
      (try? broadcastShape(target, shape, operation: "sum")) == shape
    else {
      throw TensorError.shapeMismatch(
        operation: "sum", lhs: shape, rhs: target, reason: "cannot be reduced one to the other")
    }
    var result = self
    let leading = rank - target.count
    for axis in 0..<rank where axis < leading || (target[axis - leading] == 1 && shape[axis] != 1) {
      result = try result.sum(axis: axis, keepDims: true)
    }
    return try result.reshaped(target)
  }

  /// Applies `body(input, n, inner, output)` to each of the `outer` blocks of a
  /// `[outer, n, inner]` view, where `n` is the reduced axis and `output` has `inner` slots.
  private func reduce(
    axis: Int, keepDims: Bool, operation: String,
    _ body: (UnsafePointer<Float>, Int, Int, UnsafeMutablePointer<Float>) -> Void
  ) throws -> Tensor {
    let a = try normalizedAxis(axis, rank: rank, operation: operation)
    let (outer, n, inner) = (shape[..<a].product, shape[a], shape[(a + 1)...].product)
    var newShape = shape
    if keepDims { newShape[a] = 1 } else { newShape.remove(at: a) }
    let result = Tensor(uninitializedShape: newShape)
    for o in 0..<outer {
      body(storage.pointer + o * n * inner, n, inner, result.storage.pointer + o * inner)
    }
    return result
  }

  private func extremum(
    axis: Int, keepDims: Bool, greater: Bool, index: Bool, operation: String
  ) throws -> Tensor {
    let a = try normalizedAxis(axis, rank: rank, operation: operation)
    guard shape[a] > 0 else { throw emptyReduction(operation) }
    return try reduce(axis: a, keepDims: keepDims, operation: operation) { p, n, inner, out in
      for j in 0..<inner {
        let k = extremumIndex(p + j, count: n, stride: inner, greater: greater)
        out[j] = index ? Float(k) : p[j + k * inner]
      }
    }
  }
}
