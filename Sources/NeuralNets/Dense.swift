// Dense: the fully connected layer y = x·Wᵀ + b.
import Autodiff
import Tensors

/// A fully connected layer: `y = x·Wᵀ + b` with `W` `[outputs, inputs]` (PyTorch's
/// layout) and `b` `[outputs]`. Kaiming-normal weights, zero bias.
///
/// ```swift
/// let layer = try Dense(784, 256, using: &rng)   // Dense(784 => 256)
/// ```
public final class Dense: Layer {
  /// The weight `[outputs, inputs]`.
  public let weight: Parameter
  /// The bias `[outputs]`, if any.
  public let bias: Parameter?

  /// A dense layer with Kaiming-normal weights.
  /// - Throws: `NeuralNetError` for non-positive sizes.
  public init(_ inputs: Int, _ outputs: Int, bias: Bool = true, using rng: inout RNG) throws {
    try Limits.check("Dense", features: [inputs, outputs])
    weight = Parameter(
      "weight", try Initialization.kaimingNormal([outputs, inputs], fanIn: inputs, using: &rng))
    self.bias = bias ? Parameter("bias", try Tensor.zeros([outputs])) : nil
  }

  /// A dense layer with the given weight `[outputs, inputs]` and bias.
  public init(weight: Tensor, bias: Tensor?) {
    self.weight = Parameter("weight", weight)
    self.bias = bias.map { Parameter("bias", $0) }
  }

  /// Input features.
  public var inputs: Int { weight.value.shape[1] }
  /// Output features.
  public var outputs: Int { weight.value.shape[0] }
  /// `Dense`.
  public var kind: String { "Dense" }
  /// `Dense(in => out)`.
  public var description: String { "Dense(\(inputs) => \(outputs))" }
  /// The weight, then the bias.
  public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }
  /// `inputs`, `outputs`, `bias` (0/1).
  public var config: [String: Int] {
    ["inputs": inputs, "outputs": outputs, "bias": bias == nil ? 0 : 1]
  }

  /// `[outputs]` for an input of `[inputs]`.
  public func outputShape(for input: [Int]) throws -> [Int] {
    guard input == [inputs] else {
      throw NeuralNetError.shape(
        layer: description, expected: "[batch, \(inputs)]", got: [-1] + input)
    }
    return [outputs]
  }

  /// `x·Wᵀ + b`, fused into one GEMM.
  public func forward(_ x: Variable, in pass: ForwardPass) throws -> Variable {
    guard x.shape.count == 2, x.shape[1] == inputs else {
      throw NeuralNetError.shape(layer: description, expected: "[batch, \(inputs)]", got: x.shape)
    }
    return try x.linear(weight: pass.variable(weight), bias: bias.map { pass.variable($0) })
  }

  /// inputs × outputs multiply–adds.
  public func flops(for input: [Int]) -> Int { inputs * outputs }
}
