// The hook adversarial training plugs into `fit`: it replaces the inputs of each batch.
import Tensors

/// Supplies the inputs `fit` trains on in place of each batch's own, e.g. adversarial
/// examples of the model as it is at that step (the `Attacks` target provides one).
///
/// `fit` calls it once per step, before the forward pass, with a generator drawn from the
/// run's seed, so an adversarial run is as reproducible as a plain one.
///
/// ```swift
/// options.adversary = AdversarialTraining(attack: try .fgsm(epsilon: 0.1))
/// ```
public protocol TrainingAdversary {
  /// The inputs to train on for the batch `inputs` with `labels` (same shape as `inputs`).
  /// - Throws: errors of the attack or the model.
  func trainingInputs(for model: Sequential, inputs: Tensor, labels: Tensor, rng: inout RNG)
    throws -> Tensor
}
