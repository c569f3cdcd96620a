// The hook adversarial training plugs into `fit`: it replaces the inputs of each batch.
import Tensors

/// Supplies the inputs `fit` trains on in place of each batch's own, e.g. adversarial
/// examples of the model as it is at that step (the `Attacks` target provides one).
///
/// `fit` calls it once per step, before the forward pass, with a generator seeded from
/// the run's seed, so an adversarial run is as reproducible as a plain one.
///
/// ```swift
/// options.adversary = try AdversarialTraining(attack: .fgsm(epsilon: 0.1))
/// ```
public protocol TrainingAdversary {
  /// The inputs to train on for the batch `inputs` with `labels` (same shape as `inputs`).
  /// - Throws: errors of the attack or the model.
  func trainingInputs(for model: Sequential, inputs: Tensor, labels: Tensor, rng: inout RNG)
    throws -> Tensor
}

/// The training data as `fit` sees it under adversarial training: each batch is read from
/// the data and handed to the adversary with the model as it is at that step.
///
/// A wrapper rather than a change inside the training loop, so the loop (and whatever
/// rule steps the model) never needs to know about attacks. Its own generator, seeded
/// from the run's seed, leaves the loop's shuffles and dropout masks as in a clean run.
final class AdversarialBatches: LabeledData {
  private let data: any LabeledData
  private let model: Sequential
  private let adversary: any TrainingAdversary
  private var rng: RNG

  init(_ data: any LabeledData, model: Sequential, adversary: any TrainingAdversary, seed: UInt64) {
    self.data = data
    self.model = model
    self.adversary = adversary
    // A fixed odd offset keeps this stream apart from the loop's own RNG(seed).
    rng = RNG(seed: seed &+ 0x9E37_79B9_7F4A_7C15)
  }

  var count: Int { data.count }

  func batch(_ indices: [Int]) throws -> (inputs: Tensor, labels: Tensor) {
    let (clean, labels) = try data.batch(indices)
    let inputs = try adversary.trainingInputs(
      for: model, inputs: clean, labels: labels, rng: &rng)
    return (inputs, labels)
  }
}
