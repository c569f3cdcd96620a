// The training loop: seeded shuffling, minibatch steps, validation, NaN checks, early stopping.
import Autodiff
import Tensors

extension Sequential {
  /// One optimisation step on a batch: forward, softmax cross-entropy, backward, and an
  /// `optimizer` step on every parameter — fixed-rank steps for low-rank layers, whatever
  /// the model's `layerTraining` says (use a `Trainer` for the integrators). Returns the
  /// batch's mean loss and its number of correct predictions.
  ///
  /// - Throws: `NeuralNetError.notFinite` naming the parameter (and its layer) whose
  ///   gradient is NaN or infinite, or the loss; shape errors naming the layer.
  @discardableResult
  public func trainStep(
    inputs: Tensor, labels: Tensor, optimizer: Optimizer, rng: inout RNG, step: Int = 0
  ) throws -> (loss: Double, correct: Int) {
    let result = try forwardBackward(
      inputs: inputs, labels: labels, rng: &rng, step: step, frozen: [])
    try optimizer.step(namedParameters)
    return result
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
    let trainer = try Trainer(self, options: options)
    let optimizer = trainer.optimizer
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
        let result = try trainer.step(inputs: x, labels: y, rng: &rng)
        lossTotal += result.loss * Double(indices.count)
        correct += result.correct
        seen += indices.count
        try options.progress?(
          TrainingProgress(
            epoch: epoch + 1, epochs: options.epochs, step: step + 1, steps: steps,
            loss: lossTotal / Double(seen), accuracy: Double(correct) / Double(seen)))
      }
      // Bases left augmented mid-period are truncated so the epoch ends on a stored model.
      try trainer.finish()
      try history.record(self)
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
