// Norms and condition numbers: Frobenius, spectral (2-norm), vector p-norms, cond.

extension Tensor {
  /// √(Σ x²) over all scalars: the Frobenius norm of a matrix, the 2-norm of a vector.
  public func frobeniusNorm() -> Float {
    let p = storage.pointer
    var total = 0.0
    for i in 0..<count { total += Double(p[i]) * Double(p[i]) }
    return Float(total.squareRoot())
  }

  /// The vector p-norm of all scalars, (Σ |x|ᵖ)^(1/p); `p = .infinity` gives max |x|.
  ///
  /// ```swift
  /// let l1 = try g.norm(p: 1), linf = try g.norm(p: .infinity)
  /// ```
  /// - Throws: `TensorError.invalidArgument` unless `p > 0` (∞ allowed).
  public func norm(p: Float = 2) throws -> Float {
    guard p > 0 else {
      throw TensorError.invalidArgument(operation: "norm", message: "p must be positive (got \(p))")
    }
    let x = storage.pointer
    switch p {
    case 2: return frobeniusNorm()
    case .infinity:
      var largest: Float = 0
      for i in 0..<count {
        let a = Swift.abs(x[i])
        if a.isNaN { return .nan }
        largest = Swift.max(largest, a)
      }
      return largest
    case 1:
      var total = 0.0
      for i in 0..<count { total += Double(Swift.abs(x[i])) }
      return Float(total)
    default:
      let exponent = Double(p)
      var total = 0.0
      for i in 0..<count { total += LibM.pow(Double(Swift.abs(x[i])), exponent) }
      return Float(LibM.pow(total, 1 / exponent))
    }
  }

  /// The spectral norm (matrix 2-norm): the largest singular value; 0 for an empty matrix.
  /// - Throws: `TensorError` when the tensor is not 2-D or holds NaN or ∞.
  public func spectralNorm() throws -> Float {
    let s = try singularValues()
    return s.count > 0 ? s.storage.pointer[0] : 0
  }

  /// The 2-norm condition number σ_max / σ_min of a matrix; ∞ when it is singular
  /// (σ_min = 0). κ(W) is what the robustness constraints bound.
  /// - Throws: `TensorError` when the tensor is not 2-D or empty, or holds NaN or ∞.
  public func cond() throws -> Float {
    let s = try singularValues()
    guard let largest = s.scalars.first, let smallest = s.scalars.last else {
      throw TensorError.invalidShape(operation: "cond", shape: shape, reason: "is empty")
    }
    return smallest == 0 ? .infinity : largest / smallest
  }
}
