// The Layer protocol every building block of a model conforms to.
import Autodiff
import Tensors

/// A building block of a `Sequential` model: a callable with explicit parameters.
///
/// Layers are classes because their parameters are updated in place. Shapes exclude the
/// batch axis (`[784]`, `[1, 28, 28]`).
public protocol Layer: AnyObject {
  /// A short description with sizes, e.g. `Dense(784 => 256)`.
  var description: String { get }
  /// The layer's type name, e.g. `Dense`, used in model files.
  var kind: String { get }
  /// The trainable parameters, in a fixed order.
  var parameters: [Parameter] { get }
  /// The output shape for one sample of shape `input`.
  /// - Throws: `NeuralNetError.shape` naming the layer and both shapes.
  func outputShape(for input: [Int]) throws -> [Int]
  /// Applies the layer to a batch.
  /// - Throws: shape errors naming the layer, or errors of the ops.
  func forward(_ x: Variable, in pass: ForwardPass) throws -> Variable
  /// Multiply–adds per sample for an input of shape `input` (0 for free layers).
  func flops(for input: [Int]) -> Int
  /// The settings that rebuild the layer (sizes, rank, stride…), for model files.
  var config: [String: Int] { get }
}

extension Layer {
  /// No parameters by default.
  public var parameters: [Parameter] { [] }
  /// Free by default.
  public func flops(for input: [Int]) -> Int { 0 }
  /// No settings by default.
  public var config: [String: Int] { [:] }
  /// The number of trainable scalars.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}

/// Errors of layers, models, training and model files, phrased for users.
public enum NeuralNetError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A layer got an input of the wrong shape.
  case shape(layer: String, expected: String, got: [Int])
  /// A setting is out of range.
  case invalidArgument(String)
  /// Training produced NaN or infinity.
  case notFinite(String)
  /// A model file could not be read or written.
  case file(path: String, message: String)

  /// The message shown to users.
  public var description: String {
    switch self {
    case .shape(let layer, let expected, let got):
      return "layer \(layer) expects input \(expected), but got \(got)"
    case .invalidArgument(let message): return message
    case .notFinite(let message): return message
    case .file(let path, let message): return "\(path): \(message)"
    }
  }
}

/// Hard limits on layer sizes. Sizes come from users (lr code, model files); within these
/// caps every size product the layers compute (fan-in, FLOPs) fits in an `Int`, and the
/// tensors themselves are further capped by `Tensor.maxElements`.
public enum Limits {
  /// The largest feature or channel count: 16 M, far beyond any model that fits in memory.
  public static let maxFeatures = 1 << 24
  /// The largest kernel or pooling window side.
  public static let maxKernel = 1 << 12

  /// Throws unless every size is in `1...maxFeatures` and every kernel in `1...maxKernel`.
  static func check(_ layer: String, features: [Int], kernels: [Int] = []) throws {
    guard features.allSatisfy({ (1...maxFeatures).contains($0) }),
      kernels.allSatisfy({ (1...maxKernel).contains($0) })
    else {
      throw NeuralNetError.invalidArgument(
        "\(layer) needs sizes in 1...\(maxFeatures) and kernels in 1...\(maxKernel), got \(features + kernels)"
      )
    }
  }
}
