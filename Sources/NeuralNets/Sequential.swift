// Sequential: a model as a list of layers applied in order, with named parameters.
import Autodiff
import Tensors

/// A model that applies its layers in order. Parameters are named
/// `layers.<index>.<name>` (e.g. `layers.0.U`) in model files and optimiser state.
///
/// ```swift
/// let net = try Sequential(inputShape: [784], [
///   Dense(784, 256, using: &rng), Activation(.relu), Dense(256, 10, using: &rng),
/// ])
/// let logits = try net.predict(x)
/// ```
public final class Sequential {
  /// The layers, in order.
  public private(set) var layers: [any Layer]
  /// The shape of one input sample (e.g. `[784]` or `[1, 28, 28]`).
  public let inputShape: [Int]
  /// A name for tables and files (e.g. `lenet5`).
  public var name: String
  /// How each low-rank layer trains, by layer index (layers without an entry use the
  /// training options' rule, by default rank-adaptive BUG). Saved in model files.
  public var layerTraining: [Int: LowRankTraining] = [:]

  /// A model; checks that the layers' shapes chain from `inputShape`.
  /// - Throws: `NeuralNetError.shape` naming the first layer that does not fit.
  public init(name: String = "sequential", inputShape: [Int], _ layers: [any Layer]) throws {
    var elements = 1
    for d in inputShape {
      let (product, overflow) = elements.multipliedReportingOverflow(by: d)
      guard d >= 1, !overflow, product <= Tensor.maxElements else {
        throw NeuralNetError.invalidArgument(
          "input shape \(inputShape) must have positive sizes and fit in a tensor")
      }
      elements = product
    }
    self.name = name
    self.inputShape = inputShape
    self.layers = layers
    _ = try layerShapes()
  }

  /// The input and output shape of every layer, per sample.
  /// - Throws: `NeuralNetError.shape` for the first layer whose input does not fit.
  public func layerShapes() throws -> [(input: [Int], output: [Int])] {
    var shape = inputShape
    return try layers.map { layer in
      let output = try layer.outputShape(for: shape)
      defer { shape = output }
      return (shape, output)
    }
  }

  /// The shape of one output sample.
  /// - Throws: `NeuralNetError.shape` when the layers do not chain.
  public func outputShape() throws -> [Int] { try layerShapes().last?.output ?? inputShape }

  /// Every parameter with its full name, in layer order.
  public var namedParameters: [(name: String, parameter: Parameter)] {
    layers.enumerated().flatMap { index, layer in
      layer.parameters.map { ("layers.\(index).\($0.name)", $0) }
    }
  }

  /// Replaces layer `index` (e.g. a `Dense` by its low-rank compression).
  /// - Throws: `NeuralNetError` for a bad index or a layer whose shapes do not fit.
  public func replaceLayer(at index: Int, with layer: any Layer) throws {
    guard layers.indices.contains(index) else {
      throw NeuralNetError.invalidArgument("no layer \(index) in a model of \(layers.count) layers")
    }
    let old = layers[index]
    layers[index] = layer
    do { _ = try layerShapes() } catch {
      layers[index] = old
      throw error
    }
  }

  /// Runs the layers on a batch variable (its first axis is the batch).
  /// - Throws: shape errors naming the layer.
  public func forward(_ x: Variable, in pass: ForwardPass) throws -> Variable {
    let expected = [x.shape.first ?? 0] + inputShape
    var h = x
    if x.shape != expected {
      // Flat pixels for a convolutional input (or images for an MLP) reshape for free.
      guard x.shape.first.map({ $0 * inputShape.reduce(1, *) == x.value.count }) == true else {
        throw NeuralNetError.shape(
          layer: layers.first?.description ?? name, expected: "[batch] + \(inputShape)",
          got: x.shape)
      }
      h = try x.reshaped(expected)
    }
    for layer in layers { h = try layer.forward(h, in: pass) }
    return h
  }

  /// The model's outputs (logits) for a batch of inputs, without recording gradients.
  /// - Throws: shape errors naming the layer.
  public func predict(_ x: Tensor) throws -> Tensor {
    let pass = ForwardPass(training: false)
    return try forward(pass.input(x), in: pass).value
  }
}
