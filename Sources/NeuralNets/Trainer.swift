// The training step with integrators: one forward/backward, then each layer's update rule.
import Autodiff
import Tensors

/// The update machinery of one training run: the optimiser for dense weights, biases and
/// S-steps, and an integrator for every low-rank layer (DESIGN §6). `fit` uses one; build
/// your own for a hand-written loop.
///
/// ```swift
/// var options = TrainingOptions()
/// options.lowRank = LowRankTraining(integrator: .rankAdaptive(RankAdaptiveSettings(theta: 0.15)))
/// let trainer = try Trainer(net, options: options)
/// var rng = RNG(seed: 0)
/// for (x, y) in batches { try trainer.step(inputs: x, labels: y, rng: &rng) }
/// try trainer.finish()
/// ```
public final class Trainer {
  /// The model being trained (in place).
  public let model: Sequential
  /// The optimiser (its learning rate may be changed between steps).
  public let optimizer: Optimizer
  /// The integrator of each low-rank layer, by layer index.
  let integrators: [Int: any LayerIntegrator]
  /// Steps taken so far.
  public private(set) var steps = 0

  /// A trainer for `model` with the optimiser and low-rank rules of `options`: a layer's
  /// rule is `options.layerTraining[i]`, else `options.lowRank`, else the model's own
  /// `layerTraining[i]`, else rank-adaptive BUG.
  /// - Throws: `NeuralNetError` for invalid settings.
  public init(_ model: Sequential, options: TrainingOptions) throws {
    self.model = model
    optimizer = try Optimizer(
      options.rule, learningRate: options.learningRate, weightDecay: options.weightDecay)
    var integrators: [Int: any LayerIntegrator] = [:]
    for (index, layer) in model.layers.enumerated() {
      guard let lowRank = layer as? any LowRankLayer else { continue }
      let rule =
        options.layerTraining[index] ?? options.lowRank ?? model.layerTraining[index]
        ?? LowRankTraining()
      integrators[index] = try rule.makeIntegrator(for: lowRank)
    }
    self.integrators = integrators
  }

  /// One step on a batch: forward, softmax cross-entropy, backward, then every layer's
  /// update. Returns the batch's mean loss and its number of correct predictions.
  /// - Throws: `NeuralNetError.notFinite` naming the step and the parameter or layer that
  ///   diverged; shape errors naming the layer.
  @discardableResult
  public func step(inputs: Tensor, labels: Tensor, rng: inout RNG) throws -> (
    loss: Double, correct: Int
  ) {
    steps += 1
    let frozen = Set(
      integrators.values.flatMap { $0.frozenParameters() }.map(ObjectIdentifier.init))
    let result = try model.forwardBackward(
      inputs: inputs, labels: labels, rng: &rng, step: steps, frozen: frozen)
    optimizer.beginStep()
    for (index, layer) in model.layers.enumerated() {
      let name = "layers.\(index)"
      if let integrator = integrators[index], let lowRank = layer as? any LowRankLayer {
        try model.diverged(at: steps, in: name) {
          try integrator.update(name: name, optimizer: optimizer)
        }
        if let bias = lowRank.bias { try optimizer.apply(to: bias, name: "\(name).bias") }
      } else {
        for p in layer.parameters { try optimizer.apply(to: p, name: "\(name).\(p.name)") }
      }
    }
    return result
  }

  /// Ends the run: layers left with augmented bases in the middle of an augmentation
  /// period are truncated, so every layer is in its stored form.
  /// - Throws: `NeuralNetError.notFinite` when a layer's factors are not finite.
  public func finish() throws {
    for (index, integrator) in integrators.sorted(by: { $0.key < $1.key }) {
      try model.diverged(at: steps, in: "layers.\(index)") {
        try integrator.finish(name: "layers.\(index)", optimizer: optimizer)
      }
    }
  }
}

extension Sequential {
  /// Forward, loss, backward; checks the loss and every gradient for NaN/∞.
  func forwardBackward(
    inputs: Tensor, labels: Tensor, rng: inout RNG, step: Int, frozen: Set<ObjectIdentifier>
  ) throws -> (loss: Double, correct: Int) {
    _ = MemoryTuning.applied
    // The pass (and the tape's rules, which capture the weights) must be gone before the
    // update, or every in-place step would first copy each shared weight.
    let (value, correct) = try { () throws -> (Float, Int) in
      let pass = ForwardPass(training: true, rng: rng)
      pass.frozen = frozen
      let logits = try forward(pass.input(inputs), in: pass)
      let loss = try logits.softmaxCrossEntropy(labels: labels)
      let value = try loss.value.item()
      guard value.isFinite else {
        throw NeuralNetError.notFinite("training diverged at step \(step): the loss is \(value)")
      }
      try pass.backward(from: loss)
      rng = pass.rng
      return (value, try correctPredictions(logits.value, labels))
    }()
    for (name, parameter) in namedParameters where parameter.grad?.isFinite == false {
      throw NeuralNetError.notFinite(
        "training diverged at step \(step): the gradient of \(name) (\(layerDescription(of: name))) is not finite"
      )
    }
    return (Double(value), correct)
  }

  /// Runs an integrator's update, turning a non-finite factor (which LAPACK refuses) into
  /// an error naming the step and the layer.
  func diverged(at step: Int, in name: String, _ body: () throws -> Void) throws {
    do {
      try body()
    } catch TensorError.notFinite {
      throw NeuralNetError.notFinite(
        "training diverged at step \(step): the factors of \(name) (\(layerDescription(of: name))) are not finite"
      )
    } catch let error as TensorError {
      // E.g. an SVD that LAPACK could not converge: say where, as for divergence.
      throw NeuralNetError.invalidArgument(
        "training failed at step \(step) in \(name) (\(layerDescription(of: name))): \(error)")
    }
  }

  func layerDescription(of name: String) -> String {
    let parts = name.split(separator: ".")
    guard parts.count > 1, let index = Int(parts[1]), layers.indices.contains(index) else {
      return name
    }
    return layers[index].description
  }
}
