// What every low-rank layer (W = U·S·Vᵀ) exposes to optimisers, metrics and integrators.
import Autodiff
import Tensors

/// A layer whose weight is stored factored, `W = U·S·Vᵀ` with `U` `[n_out, r]`, `S`
/// `[r, r]`, `V` `[n_in, r]` and orthonormal columns in `U` and `V` (DESIGN §6).
///
/// **Integrator data.** After a training forward/backward pass the layer holds its input
/// `X` (`lastInput`) and its output gradient `Δ` (`lastOutputGradient`), so the DLRT
/// integrators can form `G·V` and `Gᵀ·U` of the dense gradient `G = ∂L/∂W` without ever
/// forming `G` (see `gradientTimes(_:)` and `gradientTransposeTimes(_:)`):
///
/// | layer | `X` | `Δ` | `G` |
/// |---|---|---|---|
/// | `LowRankDense` | input `[batch, n_in]` | `[batch, n_out]` | `ΔᵀX` |
/// | `LowRankConv2d` | im2col matrix `[n_in·k², batch·positions]`¹ | `[n_out, batch·positions]` | `ΔXᵀ` |
///
/// ¹ `lastInput` holds the input batch `[batch, n_in, h, w]`; products with its im2col
/// matrix are formed block by block (`PatchMatrix`), never the matrix whole.
public protocol LowRankLayer: Layer {
  /// The left basis `U` `[n_out, r]` (orthonormal columns).
  var u: Parameter { get }
  /// The core `S` `[r, r]`.
  var s: Parameter { get }
  /// The right basis `V` `[n_in, r]` (orthonormal columns).
  var v: Parameter { get }
  /// The bias `[n_out]`, if any.
  var bias: Parameter? { get }
  /// The input `X` of the last training pass (layout in the table above).
  var lastInput: Tensor? { get }
  /// The output gradient `Δ` of the last backward pass (layout in the table above).
  var lastOutputGradient: Tensor? { get }
  /// `G·M` for `M` `[n_in, k]`, from `X` and `Δ` without forming `G`.
  /// - Throws: `NeuralNetError` before a training pass, or shape errors.
  func gradientTimes(_ m: Tensor) throws -> Tensor
  /// `Gᵀ·M` for `M` `[n_out, k]`, from `X` and `Δ` without forming `G`.
  /// - Throws: `NeuralNetError` before a training pass, or shape errors.
  func gradientTransposeTimes(_ m: Tensor) throws -> Tensor
  /// `G·V` for the `V` of the last training pass, reusing that pass's product of `X` and
  /// `V` (the K-step's `G·V₀` then costs one thin product instead of two).
  /// - Throws: `NeuralNetError` before a training pass, or shape errors.
  func gradientTimesV() throws -> Tensor
}

extension LowRankLayer {
  /// The current rank r.
  public var rank: Int { s.value.shape[0] }

  /// The dense weight `U·S·Vᵀ` `[n_out, n_in]` (for metrics and export only: training
  /// never forms it).
  /// - Throws: `TensorError` from the products.
  public func denseWeight() throws -> Tensor {
    try u.value.matmul(s.value).matmul(v.value, transposeOther: true)
  }

  /// The singular values of `W`, which are those of `S` because `U`, `V` are orthonormal.
  /// - Throws: `TensorError` when `S` holds NaN or ∞.
  public func singularValues() throws -> Tensor { try s.value.singularValues() }

  func missingPass() -> NeuralNetError {
    .invalidArgument(
      "\(description) has no input and output gradient yet: run a training step first")
  }
}

/// U, S, V, bias as parameters, with U and V constrained to orthonormal columns.
func lowRankParameters(u: Tensor, s: Tensor, v: Tensor, bias: Tensor?) -> (
  Parameter, Parameter, Parameter, Parameter?
) {
  (
    Parameter("U", u, constraint: .orthonormalColumns), Parameter("S", s),
    Parameter("V", v, constraint: .orthonormalColumns), bias.map { Parameter("bias", $0) }
  )
}
