// Parameter-free layers: activations, flatten, pooling and dropout.
import Autodiff
import Tensors

/// An elementwise activation layer.
public final class Activation: Layer {
  /// The functions on offer.
  public enum Function: String, CaseIterable, Sendable {
    case relu, tanh, sigmoid, leakyRelu = "leaky_relu"
  }
  /// Which function.
  public let function: Function

  /// An activation layer applying `function`.
  public init(_ function: Function) { self.function = function }

  /// The function's name with a capital, e.g. `ReLU`.
  public var kind: String {
    switch function {
    case .relu: "ReLU"
    case .tanh: "Tanh"
    case .sigmoid: "Sigmoid"
    case .leakyRelu: "LeakyReLU"
    }
  }
  /// Same as `kind`.
  public var description: String { kind }
  /// The input shape unchanged.
  public func outputShape(for input: [Int]) throws -> [Int] { input }

  /// The function applied elementwise.
  public func forward(_ x: Variable, in pass: ForwardPass) throws -> Variable {
    switch function {
    case .relu: try x.relu()
    case .tanh: try x.tanh()
    case .sigmoid: try x.sigmoid()
    case .leakyRelu: try x.leakyRelu()
    }
  }
}

/// Flattens every axis after the batch axis: `[n, c, h, w]` → `[n, c·h·w]` (C order, as
/// PyTorch's `Flatten`, so weights move between the two unchanged).
public final class Flatten: Layer {
  /// A flatten layer.
  public init() {}
  /// `Flatten`.
  public var kind: String { "Flatten" }
  /// `Flatten`.
  public var description: String { "Flatten" }
  /// `[product of input]`.
  public func outputShape(for input: [Int]) throws -> [Int] { [input.reduce(1, *)] }
  /// A reshape that shares storage.
  public func forward(_ x: Variable, in pass: ForwardPass) throws -> Variable {
    try x.flattenedBatch()
  }
}

/// Max or average pooling over square windows of NCHW inputs.
public final class Pool2d: Layer {
  /// Which reduction each window uses.
  public enum Mode: String, Sendable { case max, average }
  /// Max or average.
  public let mode: Mode
  /// Window size and step.
  public let size: Int, stride: Int

  /// A pooling layer; `stride` defaults to `size` (non-overlapping windows).
  /// - Throws: `NeuralNetError` for a non-positive size or stride.
  public init(_ mode: Mode, size: Int, stride: Int? = nil) throws {
    try Limits.check("pooling", features: [], kernels: [size, stride ?? size])
    (self.mode, self.size, self.stride) = (mode, size, stride ?? size)
  }

  /// `MaxPool2d` or `AvgPool2d`.
  public var kind: String { mode == .max ? "MaxPool2d" : "AvgPool2d" }
  /// `MaxPool2d(2)`.
  public var description: String { "\(kind)(\(size)\(stride == size ? "" : ", stride \(stride)"))" }
  /// Size and stride.
  public var config: [String: Int] { ["size": size, "stride": stride] }
  /// `[c, oh, ow]` for `[c, h, w]`.
  public func outputShape(for input: [Int]) throws -> [Int] {
    try convOutputShape(
      input, layer: description, channels: 0, outputs: 0, kernel: size, stride: stride, padding: 0)
  }
  /// The pooled batch.
  public func forward(_ x: Variable, in pass: ForwardPass) throws -> Variable {
    guard x.shape.count == 4 else {
      throw NeuralNetError.shape(
        layer: description, expected: "[batch, channels, height, width]", got: x.shape)
    }
    return mode == .max
      ? try x.maxPool2d(size: size, stride: stride) : try x.avgPool2d(size: size, stride: stride)
  }
}

/// Inverted dropout: active only in training, with masks from the pass's seeded generator.
public final class Dropout: Layer {
  /// The probability of zeroing a scalar.
  public let rate: Float

  /// A dropout layer.
  /// - Throws: `NeuralNetError` unless `0 ≤ rate < 1`.
  public init(rate: Float) throws {
    guard rate >= 0, rate < 1 else {
      throw NeuralNetError.invalidArgument("dropout rate must be in [0, 1), got \(rate)")
    }
    self.rate = rate
  }
  /// `Dropout`.
  public var kind: String { "Dropout" }
  /// `Dropout(0.5)`.
  public var description: String { "Dropout(\(rate))" }
  /// The rate in per mille (config values are integers).
  public var config: [String: Int] { ["rate_permille": Int((rate * 1000).rounded())] }
  /// The input shape unchanged.
  public func outputShape(for input: [Int]) throws -> [Int] { input }
  /// The identity at inference; a seeded mask in training.
  public func forward(_ x: Variable, in pass: ForwardPass) throws -> Variable {
    guard pass.isTraining else { return x }
    return try x.dropout(rate: rate, using: &pass.rng)
  }
}
