// Conv2d: 2-D convolution over NCHW inputs via im2col and one GEMM.
import Autodiff
import Tensors

/// A 2-D convolution: kernel `[outputs, inputs, k, k]` (PyTorch's layout), bias
/// `[outputs]`, square kernel, stride and zero padding. Kaiming-normal weights.
///
/// ```swift
/// let conv = try Conv2d(1, 20, kernel: 5, using: &rng)   // [1, 28, 28] → [20, 24, 24]
/// ```
public final class Conv2d: Layer {
  /// The kernel `[outputs, inputs, k, k]`.
  public let weight: Parameter
  /// The bias `[outputs]`, if any.
  public let bias: Parameter?
  /// Step between windows.
  public let stride: Int
  /// Zero padding on every side.
  public let padding: Int

  /// A convolution with Kaiming-normal weights.
  /// - Throws: `NeuralNetError` for non-positive sizes or a negative padding.
  public init(
    _ inputs: Int, _ outputs: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
    bias: Bool = true, using rng: inout RNG
  ) throws {
    try Limits.check("Conv2d", features: [inputs, outputs], kernels: [kernel, stride])
    guard padding >= 0, padding <= Limits.maxKernel else {
      throw NeuralNetError.invalidArgument(
        "Conv2d needs positive channels, kernel and stride and a non-negative padding")
    }
    let fanIn = inputs * kernel * kernel
    weight = Parameter(
      "weight",
      try Initialization.kaimingNormal(
        [outputs, inputs, kernel, kernel], fanIn: fanIn, using: &rng))
    self.bias = bias ? Parameter("bias", try Tensor.zeros([outputs])) : nil
    self.stride = stride
    self.padding = padding
  }

  /// A convolution with the given kernel `[outputs, inputs, k, k]` and bias.
  public init(weight: Tensor, bias: Tensor?, stride: Int = 1, padding: Int = 0) {
    self.weight = Parameter("weight", weight)
    self.bias = bias.map { Parameter("bias", $0) }
    self.stride = stride
    self.padding = padding
  }

  /// Input channels.
  public var inputs: Int { weight.value.shape[1] }
  /// Output channels.
  public var outputs: Int { weight.value.shape[0] }
  /// Kernel size.
  public var kernel: Int { weight.value.shape[2] }
  /// `Conv2d`.
  public var kind: String { "Conv2d" }
  /// `Conv2d(1 => 20, 5×5)`.
  public var description: String {
    "Conv2d(\(inputs) => \(outputs), \(kernel)×\(kernel)"
      + (stride == 1 ? "" : ", stride \(stride)") + (padding == 0 ? "" : ", padding \(padding)")
      + ")"
  }
  /// The kernel, then the bias.
  public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }
  /// Sizes, stride, padding, bias (0/1).
  public var config: [String: Int] {
    [
      "inputs": inputs, "outputs": outputs, "kernel": kernel, "stride": stride, "padding": padding,
      "bias": bias == nil ? 0 : 1,
    ]
  }

  /// `[outputs, oh, ow]` for an input `[inputs, h, w]`.
  public func outputShape(for input: [Int]) throws -> [Int] {
    try convOutputShape(
      input, layer: description, channels: inputs, outputs: outputs, kernel: kernel, stride: stride,
      padding: padding)
  }

  /// im2col, one GEMM with the kernel flattened filter-wise, bias, NCHW layout.
  public func forward(_ x: Variable, in pass: ForwardPass) throws -> Variable {
    try checkConvInput(x.shape, layer: description, channels: inputs)
    return try x.conv2d(
      weight: pass.variable(weight), bias: bias.map { pass.variable($0) }, stride: stride,
      padding: padding)
  }

  /// outputs × inputs·k² multiply–adds per output position.
  public func flops(for input: [Int]) -> Int {
    let positions = ((try? outputShape(for: input)) ?? [0, 0, 0]).dropFirst().reduce(1, *)
    return positions * outputs * inputs * kernel * kernel
  }
}

/// Fails unless a convolution's batch input is `[batch, channels, height, width]`.
func checkConvInput(_ shape: [Int], layer: String, channels: Int) throws {
  guard shape.count == 4, shape[1] == channels else {
    throw NeuralNetError.shape(
      layer: layer, expected: "[batch, \(channels), height, width]", got: shape)
  }
}

/// The per-sample output shape of a convolution-like layer, or an error naming it.
func convOutputShape(
  _ input: [Int], layer: String, channels: Int, outputs: Int, kernel: Int, stride: Int, padding: Int
) throws -> [Int] {
  guard input.count == 3, input[0] == channels || channels == 0,
    input[1] + 2 * padding >= kernel, input[2] + 2 * padding >= kernel
  else {
    throw NeuralNetError.shape(
      layer: layer,
      expected:
        "[batch, \(channels == 0 ? "channels" : "\(channels)"), height ≥ \(kernel), width ≥ \(kernel)]",
      got: [-1] + input)
  }
  let oh = (input[1] + 2 * padding - kernel) / stride + 1
  let ow = (input[2] + 2 * padding - kernel) / stride + 1
  return [outputs == 0 ? input[0] : outputs, oh, ow]
}
