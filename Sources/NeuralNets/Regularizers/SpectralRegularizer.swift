// The spectral regulariser of Schotthöfer et al. (2025): R(S) = β‖SSᵀ − (‖S‖²_F/r)·I‖_F.
import Tensors

/// A penalty on a low-rank layer's core `S` (`r × r`) that drives κ(S) toward 1 while the
/// rank adapts (DESIGN §6):
///
///     A = S·Sᵀ − (‖S‖²_F / r)·I,   R(S) = β‖A‖_F,   ∇R = β·2·A·S / ‖A‖_F
///
/// or, with `squared`, R(S) = β‖A‖²_F with ∇R = 4β·A·S. A is zero exactly when all
/// singular values of S are equal (S is a scaled orthogonal matrix); there the unsquared
/// norm is not differentiable and its gradient is taken as 0. The unsquared form is the
/// default, as in the authors' code. The penalty enters the S-step of every integrator.
///
/// ```swift
/// let penalty = SpectralRegularizer(beta: 0.1)
/// let g = try penalty.gradient(s)   // add to ∂L/∂S
/// ```
public struct SpectralRegularizer: Sendable, Equatable, Codable {
  /// The weight β ≥ 0.
  public var beta: Double
  /// Whether the penalty is ‖A‖²_F rather than ‖A‖_F.
  public var squared: Bool

  /// A penalty of weight `beta` (unsquared unless `squared`).
  public init(beta: Double, squared: Bool = false) {
    self.beta = beta
    self.squared = squared
  }

  /// A = S·Sᵀ − (‖S‖²_F / r)·I for a square core `S`.
  func deviation(_ s: Tensor) throws -> Tensor {
    guard s.rank == 2, s.shape[0] == s.shape[1], s.shape[0] > 0 else {
      throw NeuralNetError.invalidArgument("the spectral regulariser needs a square core, got \(s.shape)")
    }
    let r = s.shape[0]
    var a = try s.matmul(s, transposeOther: true)  // S·Sᵀ
    let norm = s.frobeniusNorm()
    let shift = norm * norm / Float(r)  // ‖S‖²_F / r, the mean of the σᵢ²
    a.withUnsafeMutableBufferPointer { p in
      for i in 0..<r { p[i * r + i] -= shift }
    }
    return a
  }

  /// R(S).
  /// - Throws: `NeuralNetError` unless `s` is a non-empty square matrix.
  public func value(_ s: Tensor) throws -> Double {
    let norm = Double(try deviation(s).frobeniusNorm())
    return beta * (squared ? norm * norm : norm)
  }

  /// ∇R(S) = β·2·A·S/‖A‖_F (4β·A·S when squared), the same shape as `s`.
  /// - Throws: `NeuralNetError` unless `s` is a non-empty square matrix.
  public func gradient(_ s: Tensor) throws -> Tensor {
    let a = try deviation(s)
    let norm = a.frobeniusNorm()
    let scale: Float = squared ? Float(4 * beta) : (norm > 0 ? Float(2 * beta) / norm : 0)
    return try a.matmul(s) * scale
  }
}
