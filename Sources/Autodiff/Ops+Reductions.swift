// Sums and means over all axes or chosen axes, and the mean-squared-error composite.
import Tensors

extension Variable {
  /// The sum of all scalars, as a rank-0 variable; backward broadcasts g.
  public func sum() throws -> Variable {
    let (a, shape) = (ref, self.shape)
    return try tape.record(Tensor(scalar: value.sum()), inputs: [self]) {
      { g, grads in try grads.accumulate(try Tensor(shape: shape, repeating: g.item()), into: a) }
    }
  }

  /// The mean of all scalars, as a rank-0 variable.
  public func mean() throws -> Variable {
    try sum().scaled(by: 1 / Float(Swift.max(value.count, 1)))
  }

  /// Sums over `axes` (negative axes count from the end); `keepDims` keeps them as size 1.
  /// - Throws: `TensorError` for an axis out of range.
  public func sum(axes: [Int], keepDims: Bool = false) throws -> Variable {
    let normalized = try Set(
      axes.map { axis -> Int in
        guard axis >= -value.rank, axis < value.rank else {
          throw TensorError.axisOutOfRange(operation: "sum", axis: axis, rank: value.rank)
        }
        return axis < 0 ? axis + value.rank : axis
      })
    var result = value
    for axis in normalized.sorted() { result = try result.sum(axis: axis, keepDims: true) }
    let (a, shape, kept) = (ref, self.shape, result.shape)
    if !keepDims {
      result = try result.reshaped(
        shape.indices.filter { !normalized.contains($0) }.map { shape[$0] })
    }
    return try tape.record(result, inputs: [self]) {
      { g, grads in try grads.accumulate(try g.reshaped(kept).broadcast(to: shape), into: a) }
    }
  }

  /// Means over `axes`.
  /// - Throws: `TensorError` for an axis out of range.
  public func mean(axes: [Int], keepDims: Bool = false) throws -> Variable {
    let total = try sum(axes: axes, keepDims: keepDims)
    let count = Swift.max(value.count / Swift.max(total.value.count, 1), 1)
    return try total.scaled(by: 1 / Float(count))
  }

  /// The mean squared error between `self` (predictions) and `target`, built from the
  /// primitives `-`, `pow` and `mean`.
  /// - Throws: `TensorError` when the shapes do not broadcast.
  public func mse(_ target: Variable) throws -> Variable {
    try (self - target).pow(2).mean()
  }
}
