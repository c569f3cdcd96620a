// Random tensors drawn from a seeded `RNG`: normal, uniform, and row shuffling helpers.

extension Tensor {
  /// Standard normal samples (mean 0, standard deviation 1).
  ///
  /// ```swift
  /// var rng = RNG(seed: 0)
  /// let noise = try Tensor.randn([3, 4], using: &rng)
  /// ```
  /// - Throws: `TensorError` for an invalid shape.
  public static func randn(_ shape: [Int], using rng: inout RNG) throws -> Tensor {
    try normal(shape, mean: 0, standardDeviation: 1, using: &rng)
  }

  /// Normal samples with the given mean and standard deviation.
  /// - Throws: `TensorError` for an invalid shape, a negative or non-finite deviation.
  public static func normal(
    _ shape: [Int], mean: Float, standardDeviation: Float, using rng: inout RNG
  ) throws -> Tensor {
    guard mean.isFinite, standardDeviation.isFinite, standardDeviation >= 0 else {
      throw TensorError.invalidArgument(
        operation: "normal",
        message: "needs a finite mean and a finite, non-negative standard deviation"
          + " (got \(mean), \(standardDeviation))")
    }
    let (mu, sigma) = (Double(mean), Double(standardDeviation))
    return try Tensor(shape: shape) { buffer in
      var i = 0
      while i < buffer.count {
        let (z0, z1) = rng.nextNormalPair()
        buffer[i] = Float(mu + sigma * z0)
        if i + 1 < buffer.count { buffer[i + 1] = Float(mu + sigma * z1) }
        i += 2
      }
    }
  }

  /// Uniform samples in [0, 1).
  /// - Throws: `TensorError` for an invalid shape.
  public static func rand(_ shape: [Int], using rng: inout RNG) throws -> Tensor {
    try Tensor(shape: shape) { buffer in
      for i in buffer.indices { buffer[i] = rng.nextFloat() }
    }
  }

  /// Uniform samples in [`low`, `high`).
  /// - Throws: `TensorError` for an invalid shape or bounds that are not finite and ordered.
  public static func uniform(
    _ shape: [Int], low: Float, high: Float, using rng: inout RNG
  ) throws -> Tensor {
    guard low.isFinite, high.isFinite, low <= high else {
      throw TensorError.invalidArgument(
        operation: "uniform", message: "needs finite bounds with low ≤ high (got \(low), \(high))")
    }
    let (base, width) = (Double(low), Double(high) - Double(low))
    return try Tensor(shape: shape) { buffer in
      for i in buffer.indices {
        // Rounding to Float can land on `high` itself; keep the interval half-open.
        let value = Float(base + width * rng.nextDouble())
        buffer[i] = value < high ? value : low
      }
    }
  }

  /// The rows (slices along axis 0) in a random order, e.g. to shuffle a dataset.
  /// - Throws: `TensorError.invalidShape` for a rank-0 tensor.
  public func shuffledRows(using rng: inout RNG) throws -> Tensor {
    guard rank > 0 else {
      throw TensorError.invalidShape(operation: "shuffle", shape: shape, reason: "has no rows")
    }
    return try gatherRows(try rng.permutation(shape[0]))
  }
}
