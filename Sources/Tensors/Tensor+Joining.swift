// Joining tensors: concatenation along an existing axis and stacking along a new one.

extension Tensor {
  /// The tensors joined along `axis`; all other dimensions must agree.
  ///
  /// ```swift
  /// let augmented = try Tensor.concat([u0, k1], axis: 1)   // [U₀, K₁]
  /// ```
  /// - Throws: `TensorError` for an empty list, differing ranks or dimensions, or a bad axis.
  public static func concat(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
    guard let first = tensors.first else {
      throw TensorError.invalidArgument(operation: "concat", message: "needs at least one tensor")
    }
    let a = try normalizedAxis(axis, rank: first.rank, operation: "concat")
    var newShape = first.shape
    newShape[a] = 0
    for tensor in tensors {
      var expected = first.shape
      expected[a] = tensor.rank == first.rank ? tensor.shape[a] : expected[a]
      guard tensor.shape == expected else {
        throw TensorError.shapeMismatch(
          operation: "concat", lhs: first.shape, rhs: tensor.shape,
          reason: "differ outside axis \(a)")
      }
      let (sum, overflow) = newShape[a].addingReportingOverflow(tensor.shape[a])
      guard !overflow else {
        throw TensorError.tooLarge(
          operation: "concat", shape: newShape, elements: nil, limit: Tensor.maxElements)
      }
      newShape[a] = sum
    }
    _ = try checkedElementCount(newShape, operation: "concat")
    let result = Tensor(uninitializedShape: newShape)
    let outer = first.shape[..<a].product
    let inner = first.shape[(a + 1)...].product
    var target = result.storage.pointer
    for o in 0..<outer {
      for tensor in tensors {
        let block = tensor.shape[a] * inner
        target.initialize(from: tensor.storage.pointer + o * block, count: block)
        target += block
      }
    }
    return result
  }

  /// The tensors, all of one shape, stacked along a new axis at `axis`.
  ///
  /// ```swift
  /// let batch = try Tensor.stack(images)   // n × [28, 28] → [n, 28, 28]
  /// ```
  /// - Throws: `TensorError` for an empty list, differing shapes, or a bad axis.
  public static func stack(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
    guard let first = tensors.first else {
      throw TensorError.invalidArgument(operation: "stack", message: "needs at least one tensor")
    }
    if let other = tensors.first(where: { $0.shape != first.shape }) {
      throw TensorError.shapeMismatch(
        operation: "stack", lhs: first.shape, rhs: other.shape, reason: "must be equal")
    }
    let a = try normalizedAxis(axis, rank: first.rank + 1, operation: "stack")
    return try concat(tensors.map { try $0.unsqueezed(axis: a) }, axis: a)
  }
}
