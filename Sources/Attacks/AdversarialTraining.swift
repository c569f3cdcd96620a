// Adversarial training: `fit` trains on attacks of the model as it is at each step.
import NeuralNets
import Tensors

/// The `TrainingAdversary` that trains on adversarial examples (Goodfellow et al. with
/// FGSM, Madry et al. with PGD): at every step, `fraction` of the batch is replaced by
/// its attack on the current model (dropout off while attacking).
///
/// ```swift
/// var options = TrainingOptions()
/// options.adversary = try AdversarialTraining(attack: .pgd(epsilon: 0.1, steps: 7))
/// let history = try net.fit(train, options: options)
/// ```
public struct AdversarialTraining: TrainingAdversary {
  /// The attack whose examples the model trains on.
  public let attack: Attack
  /// The share of each batch replaced by adversarial examples, in (0, 1] (the rest of
  /// the batch stays clean; Goodfellow et al. mix half and half).
  public let fraction: Double
  /// How the training inputs were standardised from pixels (nil: they are pixels).
  public let normalization: InputNormalization?

  /// Training on `attack`'s examples for `fraction` of each batch.
  /// - Throws: `AttackError` unless 0 < fraction ≤ 1.
  public init(attack: Attack, fraction: Double = 1, normalization: InputNormalization? = nil)
    throws
  {
    guard fraction > 0, fraction <= 1 else {
      throw AttackError.invalidArgument(
        "the adversarial fraction must be in (0, 1], got \(fraction)")
    }
    self.attack = attack
    self.fraction = fraction
    self.normalization = normalization
  }

  /// The batch with its first `fraction` of rows (batches arrive shuffled) attacked.
  public func trainingInputs(
    for model: Sequential, inputs: Tensor, labels: Tensor, rng: inout RNG
  ) throws -> Tensor {
    let seed = rng.next()
    let rows = inputs.shape.first ?? 0
    let count = Swift.min(rows, Int((Double(rows) * fraction).rounded(.up)))
    guard count < rows else {
      return try attack.perturb(
        model, inputs: inputs, labels: labels, normalization: normalization, seed: seed)
    }
    guard count > 0 else { return inputs }
    let attacked = try attack.perturb(
      model, inputs: try inputs.rows(0..<count), labels: try labels.rows(0..<count),
      normalization: normalization, seed: seed)
    return try Tensor.concat([attacked, try inputs.rows(count..<rows)], axis: 0)
  }
}
