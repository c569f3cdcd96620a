// LowRankConv2d: Vᵀ·im2col (a conv with r channels), then U·S (a 1×1 conv).
import Autodiff
import Tensors

/// A convolution whose kernel, flattened filter-wise to `[outputs, inputs·k²]`, is stored
/// as `U·S·Vᵀ` of rank r (DESIGN §6). It runs as im2col, then `Vᵀ` (a convolution with r
/// output channels), then `U·S` (a 1×1 convolution), never rebuilding the dense kernel.
///
/// ```swift
/// let conv = try LowRankConv2d(20, 50, kernel: 5, rank: 10, using: &rng)
/// ```
public final class LowRankConv2d: LowRankLayer {
  /// `U` `[outputs, r]`.
  public let u: Parameter
  /// `S` `[r, r]`.
  public let s: Parameter
  /// `V` `[inputs·k², r]`.
  public let v: Parameter
  /// `b` `[outputs]`.
  public let bias: Parameter?
  /// Kernel size, stride and padding.
  public let kernel: Int, stride: Int, padding: Int
  /// The input batch of the last training pass, `[batch, inputs, h, w]`.
  public var lastInput: Tensor? { lastPatches?.input }
  /// The (never formed) im2col matrix `X` `[inputs·k², batch·positions]` of that input.
  private var lastPatches: PatchMatrix?
  /// The output gradient of the last backward pass, `[outputs, batch·positions]`.
  public private(set) var lastOutputGradient: Tensor?
  /// `Vᵀ·X` of the last training pass, `[r, batch·positions]`.
  private var lastProjectedInput: Tensor?

  /// A rank-`rank` layer, by default from the truncated SVD of a Kaiming-normal flattened
  /// kernel (`initialization` chooses another start).
  /// - Throws: `NeuralNetError` for bad sizes or a rank above min(outputs, inputs·k²).
  public init(
    _ inputs: Int, _ outputs: Int, kernel: Int, rank: Int, stride: Int = 1, padding: Int = 0,
    bias: Bool = true, initialization: LowRankInitialization = .kaimingSVD, using rng: inout RNG
  ) throws {
    try Limits.check("LowRankConv2d", features: [inputs, outputs], kernels: [kernel, stride])
    guard padding >= 0, padding <= Limits.maxKernel else {
      throw NeuralNetError.invalidArgument(
        "LowRankConv2d needs positive channels, kernel and stride and a non-negative padding")
    }
    let fanIn = inputs * kernel * kernel
    let (u0, s0, v0) = try Initialization.lowRankFactors(
      outputs: outputs, inputs: fanIn, rank: rank, initialization: initialization, using: &rng)
    (u, s, v, self.bias) = lowRankParameters(
      u: u0, s: s0, v: v0, bias: bias ? try Tensor.zeros([outputs]) : nil)
    (self.kernel, self.stride, self.padding) = (kernel, stride, padding)
  }

  /// The rank-`rank` truncated SVD of a trained convolution's flattened kernel.
  /// - Throws: `NeuralNetError` for a rank that is too large; SVD errors.
  public convenience init(from conv: Conv2d, rank: Int) throws {
    let flat = try conv.weight.value.reshaped([conv.outputs, -1])
    let (u0, s0, v0) = try Initialization.truncatedSVD(flat, rank: rank)
    self.init(
      u: u0, s: s0, v: v0, bias: conv.bias?.value, kernel: conv.kernel, stride: conv.stride,
      padding: conv.padding)
  }

  /// A layer with the given factors (as read from a model file).
  public init(
    u: Tensor, s: Tensor, v: Tensor, bias: Tensor?, kernel: Int, stride: Int, padding: Int
  ) {
    (self.u, self.s, self.v, self.bias) = lowRankParameters(u: u, s: s, v: v, bias: bias)
    (self.kernel, self.stride, self.padding) = (kernel, stride, padding)
  }

  /// Input channels.
  public var inputs: Int { v.value.shape[0] / Swift.max(kernel * kernel, 1) }
  /// Output channels.
  public var outputs: Int { u.value.shape[0] }
  /// `LowRankConv2d`.
  public var kind: String { "LowRankConv2d" }
  /// `LowRankConv2d(20 => 50, 5×5, rank 10)`.
  public var description: String {
    "LowRankConv2d(\(inputs) => \(outputs), \(kernel)×\(kernel)"
      + (stride == 1 ? "" : ", stride \(stride)") + (padding == 0 ? "" : ", padding \(padding)")
      + ", rank \(rank))"
  }
  /// U, S, V, then the bias.
  public var parameters: [Parameter] { [u, s, v] + (bias.map { [$0] } ?? []) }
  /// Sizes, rank, stride, padding, bias (0/1).
  public var config: [String: Int] {
    [
      "inputs": inputs, "outputs": outputs, "kernel": kernel, "rank": rank, "stride": stride,
      "padding": padding, "bias": bias == nil ? 0 : 1,
    ]
  }

  /// `[outputs, oh, ow]` for `[inputs, h, w]`.
  public func outputShape(for input: [Int]) throws -> [Int] {
    try convOutputShape(
      input, layer: description, channels: inputs, outputs: outputs, kernel: kernel, stride: stride,
      padding: padding)
  }

  /// `Vᵀ·X` (X the im2col matrix, formed block by block) → `(U·S)·(…)` + b → NCHW.
  public func forward(_ x: Variable, in pass: ForwardPass) throws -> Variable {
    try checkConvInput(x.shape, layer: description, channels: inputs)
    let geometry = try ConvGeometry(
      input: x.shape, kernel: (kernel, kernel), stride: stride, padding: padding,
      operation: description)
    let z = try x.patchProduct(
      pass.variable(v), transposed: true, kernel: (kernel, kernel), stride: stride,
      padding: padding)
    let us = try pass.variable(u).matmul(pass.variable(s))
    var y = try us.matmul(z)
    if pass.isTraining {
      lastPatches = try PatchMatrix(
        input: x.value, kernel: (kernel, kernel), stride: stride, padding: padding)
      lastProjectedInput = z.value
      lastOutputGradient = nil
      y = pass.tape.onGradient(of: y) { [unowned self] delta in self.lastOutputGradient = delta }
    }
    return try y.channelsToBatch(
      n: geometry.n, oh: geometry.oh, ow: geometry.ow, bias: bias.map { pass.variable($0) })
  }

  /// `G·M = Δ·(Xᵀ·M)`.
  public func gradientTimes(_ m: Tensor) throws -> Tensor {
    guard let x = lastPatches, let delta = lastOutputGradient else { throw missingPass() }
    return try x.kernelGradientTimes(outputGradient: delta, m)
  }

  /// `G·V = Δ·(VᵀX)ᵀ` with the pass's `Vᵀ·X`.
  public func gradientTimesV() throws -> Tensor {
    guard let z = lastProjectedInput, let delta = lastOutputGradient else { throw missingPass() }
    return try delta.matmul(z, transposeOther: true)
  }

  /// `Gᵀ·M = X·(Δᵀ·M)`.
  public func gradientTransposeTimes(_ m: Tensor) throws -> Tensor {
    guard let x = lastPatches, let delta = lastOutputGradient else { throw missingPass() }
    return try x.kernelGradientTransposeTimes(outputGradient: delta, m)
  }

  /// r·(inputs·k² + outputs + r) multiply–adds per output position.
  public func flops(for input: [Int]) -> Int {
    let positions = ((try? outputShape(for: input)) ?? [0, 0, 0]).dropFirst().reduce(1, *)
    return positions * rank * (inputs * kernel * kernel + outputs + rank)
  }
}
