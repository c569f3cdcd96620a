// The training loop: seeded shuffling, minibatch steps, validation, NaN checks, early stopping.
import Autodiff
import Tensors

extension Sequential {
  /// One optimisation step on a batch: forward, softmax cross-entropy, backward, update.
  /// Returns the batch's mean loss and its number of correct predictions.
  ///
  /// - Throws: `NeuralNetError.notFinite` naming the parameter (and its layer) whose
  ///   gradient is NaN or infinite, or the loss; shape errors naming the layer.
  @discardableResult
  public func trainStep(
    inputs: Tensor, labels: Tensor, optimizer: Optimizer, rng: inout RNG, step: Int = 0
  ) throws -> (loss: Double, correct: Int) {
    _ = MemoryTuning.applied
    // The pass (and the tape's rules, which capture the weights) must be gone before the
    // update, or every in-place step would first copy each shared weight.
    let (value, correct) = try { () throws -> (Float, Int) in
      let pass = ForwardPass(training: true, rng: rng)
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
    let named = namedParameters
    for (name, parameter) in named where parameter.grad?.isFinite == false {
      throw NeuralNetError.notFinite(
        "training diverged at step \(step): the gradient of \(name) (\(layerDescription(of: name))) is not finite"
      )
    }
    try optimizer.step(named)
    return (Double(value), correct)
  }

  private func layerDescription(of name: String) -> String {
    let parts = name.split(separator: ".")
    guard parts.count > 1, let index = Int(parts[1]), layers.indices.contains(index) else {
      return name
    }
    return layers[index].description
  }

  /// Trains on `data` and returns the per-epoch history.
  ///
  /// ```swift
  /// var options = TrainingOptions()
  /// options.epochs = 3
  /// options.validationFraction = 0.1
  /// let history = try net.fit(TensorData(inputs: x, labels: y), options: options)
  /// ```
  /// - Throws: `NeuralNetError` for bad options or a diverging run; data errors.
  public func fit(
    _ data: any LabeledData, options: TrainingOptions, validation: (any LabeledData)? = nil
  ) throws -> History {
    guard options.epochs >= 0, options.batchSize > 0,
      options.validationFraction >= 0, options.validationFraction < 1
    else {
      throw NeuralNetError.invalidArgument(
        "fit needs epochs ≥ 0, batch > 0 and a validation fraction in [0, 1)")
    }
    var rng = RNG(seed: options.seed)
    var train: any LabeledData = data
    var held = validation
    if options.validationFraction > 0 {
      let order = try rng.permutation(data.count)
      let cut = Int((Double(data.count) * (1 - options.validationFraction)).rounded())
      train = Subset(data, indices: Array(order[..<cut]))
      held = Subset(data, indices: Array(order[cut...]))
    }
    if let adversary = options.adversary {
      train = AdversarialBatches(train, model: self, adversary: adversary, seed: options.seed)
    }
    guard train.count > 0 else {
      throw NeuralNetError.invalidArgument("fit needs at least one training example")
    }
    let optimizer = try Optimizer(
      options.rule, learningRate: options.learningRate, weightDecay: options.weightDecay)
    var history = History()
    var best = Double.infinity
    var sinceBest = 0
    let clock = ContinuousClock()
    let steps = (train.count + options.batchSize - 1) / options.batchSize
    for epoch in 0..<options.epochs {
      let start = clock.now
      optimizer.learningRate = options.schedule.rate(epoch: epoch, base: options.learningRate)
      let order = try rng.permutation(train.count)
      var (lossTotal, correct, seen) = (0.0, 0, 0)
      for step in 0..<steps {
        let indices = Array(
          order[(step * options.batchSize)..<Swift.min((step + 1) * options.batchSize, train.count)]
        )
        let (x, y) = try train.batch(indices)
        let result = try trainStep(
          inputs: x, labels: y, optimizer: optimizer, rng: &rng, step: epoch * steps + step + 1)
        lossTotal += result.loss * Double(indices.count)
        correct += result.correct
        seen += indices.count
        options.progress?(
          TrainingProgress(
            epoch: epoch + 1, epochs: options.epochs, step: step + 1, steps: steps,
            loss: lossTotal / Double(seen), accuracy: Double(correct) / Double(seen)))
      }
      history.trainLoss.append(lossTotal / Double(seen))
      history.trainAccuracy.append(Double(correct) / Double(seen))
      history.learningRate.append(Double(optimizer.learningRate))
      var monitored = lossTotal / Double(seen)
      if let held, held.count > 0 {
        let result = try evaluate(held)
        history.validationLoss.append(result.loss)
        history.validationAccuracy.append(result.accuracy)
        monitored = result.loss
      }
      let elapsed = clock.now - start
      history.seconds.append(
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
      if monitored < best {
        (best, sinceBest) = (monitored, 0)
      } else {
        sinceBest += 1
        if let patience = options.patience, sinceBest >= patience, epoch + 1 < options.epochs {
          history.stoppedEarly = true
          break
        }
      }
    }
    return history
  }
}

/// The number of rows whose largest logit is at the label's class (class-index labels)
/// or at the target row's largest entry (distribution labels).
func correctPredictions(_ logits: Tensor, _ labels: Tensor) throws -> Int {
  let predicted = try logits.argmax(axis: 1).scalars
  let truth = labels.rank == 2 ? try labels.argmax(axis: 1).scalars : labels.scalars
  return zip(predicted, truth).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
}
