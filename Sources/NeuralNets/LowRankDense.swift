// LowRankDense: y = ((x·V)·Sᵀ)·Uᵀ + b, three thin GEMMs, never W = U·S·Vᵀ.
import Autodiff
import Tensors

/// A dense layer stored as `W = U·S·Vᵀ` of rank r; a forward pass costs
/// r·(n_in + n_out + r) multiply–adds per sample instead of n_in·n_out.
///
/// Initialised from the rank-r truncated SVD of a Kaiming-normal matrix (or as
/// `LowRankInitialization` chooses), or of a trained `Dense` layer's weight
/// (compress-then-finetune).
///
/// ```swift
/// let layer = try LowRankDense(784, 256, rank: 32, using: &rng)
/// ```
public final class LowRankDense: LowRankLayer {
  /// `U` `[outputs, r]`.
  public let u: Parameter
  /// `S` `[r, r]`.
  public let s: Parameter
  /// `V` `[inputs, r]`.
  public let v: Parameter
  /// `b` `[outputs]`.
  public let bias: Parameter?
  /// The input of the last training pass, `[batch, inputs]`.
  public private(set) var lastInput: Tensor?
  /// The output gradient of the last backward pass, `[batch, outputs]`.
  public private(set) var lastOutputGradient: Tensor?
  /// `X·V` of the last training pass, `[batch, r]`.
  private var lastProjectedInput: Tensor?

  /// A rank-`rank` layer, by default from the truncated SVD of a Kaiming-normal
  /// `[outputs, inputs]` (`initialization` chooses another start).
  /// - Throws: `NeuralNetError` for bad sizes or a rank above min(inputs, outputs).
  public init(
    _ inputs: Int, _ outputs: Int, rank: Int, bias: Bool = true,
    initialization: LowRankInitialization = .kaimingSVD, using rng: inout RNG
  ) throws {
    try Limits.check("LowRankDense", features: [inputs, outputs])
    let (u0, s0, v0) = try Initialization.lowRankFactors(
      outputs: outputs, inputs: inputs, rank: rank, initialization: initialization, using: &rng)
    (u, s, v, self.bias) = lowRankParameters(
      u: u0, s: s0, v: v0, bias: bias ? try Tensor.zeros([outputs]) : nil)
  }

  /// The rank-`rank` truncated SVD of a trained dense layer (its bias is copied).
  /// - Throws: `NeuralNetError` for a rank above min(inputs, outputs); SVD errors.
  public convenience init(from dense: Dense, rank: Int) throws {
    let (u0, s0, v0) = try Initialization.truncatedSVD(dense.weight.value, rank: rank)
    self.init(u: u0, s: s0, v: v0, bias: dense.bias?.value)
  }

  /// A layer with the given factors (as read from a model file).
  public init(u: Tensor, s: Tensor, v: Tensor, bias: Tensor?) {
    (self.u, self.s, self.v, self.bias) = lowRankParameters(u: u, s: s, v: v, bias: bias)
  }

  /// Input features.
  public var inputs: Int { v.value.shape[0] }
  /// Output features.
  public var outputs: Int { u.value.shape[0] }
  /// `LowRankDense`.
  public var kind: String { "LowRankDense" }
  /// `LowRankDense(784 => 256, rank 32)`.
  public var description: String { "LowRankDense(\(inputs) => \(outputs), rank \(rank))" }
  /// U, S, V, then the bias.
  public var parameters: [Parameter] { [u, s, v] + (bias.map { [$0] } ?? []) }
  /// Sizes, rank, bias (0/1).
  public var config: [String: Int] {
    ["inputs": inputs, "outputs": outputs, "rank": rank, "bias": bias == nil ? 0 : 1]
  }

  /// `[outputs]` for `[inputs]`.
  public func outputShape(for input: [Int]) throws -> [Int] {
    guard input == [inputs] else {
      throw NeuralNetError.shape(
        layer: description, expected: "[batch, \(inputs)]", got: [-1] + input)
    }
    return [outputs]
  }

  /// `((x·V)·Sᵀ)·Uᵀ + b`; in training, keeps `x` and receives Δ through a tape hook.
  public func forward(_ x: Variable, in pass: ForwardPass) throws -> Variable {
    guard x.shape.count == 2, x.shape[1] == inputs else {
      throw NeuralNetError.shape(layer: description, expected: "[batch, \(inputs)]", got: x.shape)
    }
    let xv = try x.matmul(pass.variable(v))
    let h = try xv.matmul(pass.variable(s), transposeOther: true)
    var y = try h.linear(weight: pass.variable(u), bias: bias.map { pass.variable($0) })
    if pass.isTraining {
      lastInput = x.value
      lastProjectedInput = xv.value
      lastOutputGradient = nil
      y = pass.tape.onGradient(of: y) { [unowned self] delta in self.lastOutputGradient = delta }
    }
    return y
  }

  /// `G·M = Δᵀ·(X·M)`.
  public func gradientTimes(_ m: Tensor) throws -> Tensor {
    guard let x = lastInput, let delta = lastOutputGradient else { throw missingPass() }
    return try delta.matmul(x.matmul(m), transposeSelf: true)
  }

  /// `G·V = Δᵀ·(X·V)` with the pass's `X·V`.
  public func gradientTimesV() throws -> Tensor {
    guard let xv = lastProjectedInput, let delta = lastOutputGradient else { throw missingPass() }
    return try delta.matmul(xv, transposeSelf: true)
  }

  /// `Gᵀ·M = Xᵀ·(Δ·M)`.
  public func gradientTransposeTimes(_ m: Tensor) throws -> Tensor {
    guard let x = lastInput, let delta = lastOutputGradient else { throw missingPass() }
    return try x.matmul(delta.matmul(m), transposeSelf: true)
  }

  /// r·(inputs + outputs + r) multiply–adds.
  public func flops(for input: [Int]) -> Int { rank * (inputs + outputs + rank) }
}
