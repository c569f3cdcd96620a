// Reductions over all scalars: sum, mean, max/min, argmax/argmin, variance, std.
//
// Sums accumulate in Double: a Float running sum of 10⁶ terms loses about three digits.

extension Tensor {
  /// The sum of all scalars (0 for an empty tensor).
  public func sum() -> Float {
    Float(sumOfScalars(storage.pointer, count))
  }

  /// The mean of all scalars (NaN for an empty tensor).
  public func mean() -> Float {
    Float(sumOfScalars(storage.pointer, count) / Double(count))
  }

  /// The largest scalar; NaN if any scalar is NaN.
  /// - Throws: `TensorError.invalidShape` for an empty tensor.
  public func max() throws -> Float {
    try storage.pointer[argmax()]
  }

  /// The smallest scalar; NaN if any scalar is NaN.
  /// - Throws: `TensorError.invalidShape` for an empty tensor.
  public func min() throws -> Float {
    try storage.pointer[argmin()]
  }

  /// The flat (row-major) index of the first largest scalar, or of the first NaN.
  /// - Throws: `TensorError.invalidShape` for an empty tensor.
  public func argmax() throws -> Int {
    guard count > 0 else { throw emptyReduction("argmax") }
    return extremumIndex(storage.pointer, count: count, stride: 1, greater: true)
  }

  /// The flat (row-major) index of the first smallest scalar, or of the first NaN.
  /// - Throws: `TensorError.invalidShape` for an empty tensor.
  public func argmin() throws -> Int {
    guard count > 0 else { throw emptyReduction("argmin") }
    return extremumIndex(storage.pointer, count: count, stride: 1, greater: false)
  }

  /// The variance of all scalars, Σ(x − mean)² / (count − `correction`); `correction: 1`
  /// gives the unbiased sample variance. NaN when count ≤ `correction`.
  public func variance(correction: Int = 0) -> Float {
    let n = count
    // Double arithmetic: `n - correction` must not overflow for any user-given correction.
    let divisor = Double(n) - Double(correction)
    guard divisor > 0 else { return .nan }
    let p = storage.pointer
    let mean = sumOfScalars(p, n) / Double(n)
    var total = 0.0
    for i in 0..<n {
      let d = Double(p[i]) - mean
      total += d * d
    }
    return Float(total / divisor)
  }

  /// The standard deviation of all scalars, √`variance(correction:)`.
  public func std(correction: Int = 0) -> Float {
    variance(correction: correction).squareRoot()
  }

  func emptyReduction(_ operation: String) -> TensorError {
    .invalidShape(operation: operation, shape: shape, reason: "is empty, so it has no \(operation)")
  }
}

/// The sum of `n` contiguous scalars in Double, with four accumulators so the additions
/// overlap instead of waiting on each other.
func sumOfScalars(_ p: UnsafePointer<Float>, _ n: Int) -> Double {
  var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
  var i = 0
  while i + 4 <= n {
    s0 += Double(p[i])
    s1 += Double(p[i + 1])
    s2 += Double(p[i + 2])
    s3 += Double(p[i + 3])
    i += 4
  }
  while i < n {
    s0 += Double(p[i])
    i += 1
  }
  return (s0 + s1) + (s2 + s3)
}

/// The position (in steps of `stride`) of the first largest (`greater`) or smallest of
/// `count` ≥ 1 scalars; the first NaN wins, as in NumPy.
func extremumIndex(_ p: UnsafePointer<Float>, count: Int, stride: Int, greater: Bool) -> Int {
  var best = p[0]
  var bestIndex = 0
  if best.isNaN { return 0 }
  for k in 1..<Swift.max(count, 1) {
    let x = p[k * stride]
    if x.isNaN { return k }
    if greater ? x > best : x < best {
      best = x
      bestIndex = k
    }
  }
  return bestIndex
}
