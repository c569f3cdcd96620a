// Evaluating an attack on a dataset: accuracies, losses and perturbation norms per example.
import Foundation
import NeuralNets
import Tensors

/// Where an attack evaluation is, reported after each batch.
public struct AttackProgress: Sendable {
  /// Examples attacked so far, and in all.
  public var completed: Int, total: Int
  /// The accuracy on the adversarial examples so far.
  public var accuracy: Double
}

/// The outcome of one attack on a dataset, per example and in summary.
public struct AttackReport: Sendable {
  /// The attack that ran.
  public var attack: Attack
  /// Per example: whether the clean and the adversarial input are classified correctly.
  public var cleanCorrect: [Bool], correct: [Bool]
  /// Per example: the cross-entropy on the clean and the adversarial input.
  public var cleanLosses: [Float], losses: [Float]
  /// Per example: ‖x′ − x‖ in the attack's norm, in pixel units (≤ ε).
  public var norms: [Float]
  /// Wall-clock seconds of the evaluation.
  public var seconds: Double

  /// The number of examples.
  public var count: Int { norms.count }
  /// The fraction classified correctly without attack.
  public var cleanAccuracy: Double { fraction(cleanCorrect) }
  /// The fraction classified correctly under attack (robust accuracy).
  public var accuracy: Double { fraction(correct) }
  /// The mean cross-entropy without and with the attack.
  public var cleanLoss: Double { mean(cleanLosses) }
  /// The mean cross-entropy under attack.
  public var loss: Double { mean(losses) }
  /// How much the attack raised the mean loss.
  public var lossChange: Double { loss - cleanLoss }
  /// Of the examples classified correctly when clean, the fraction the attack flips.
  public var successRate: Double {
    let right = cleanCorrect.count { $0 }
    let flipped = zip(cleanCorrect, correct).count { $0 && !$1 }
    return right == 0 ? 0 : Double(flipped) / Double(right)
  }
  /// Examples attacked per second.
  public var throughput: Double { seconds > 0 ? Double(count) / seconds : 0 }

  private func fraction(_ flags: [Bool]) -> Double {
    Double(flags.count { $0 }) / Double(Swift.max(flags.count, 1))
  }

  private func mean(_ xs: [Float]) -> Double {
    xs.reduce(0.0) { $0 + Double($1) } / Double(Swift.max(xs.count, 1))
  }
}

extension Attack {
  /// Examples per batch by default: large enough for BLAS to run at speed, small enough
  /// that a LeNet5 batch's activations and their gradients stay near the cache.
  public static let defaultBatch = 250

  /// Attacks every example of `data` and reports clean and adversarial accuracy and
  /// loss, and the perturbation norm, per example.
  ///
  /// ```swift
  /// let report = try Attack.pgd(epsilon: 0.1).evaluate(net, on: test, seed: 7)
  /// print(report.cleanAccuracy, report.accuracy, report.lossChange)
  /// ```
  /// - Throws: `AttackError` for inputs outside [0, 1] or a bad batch size; data and
  ///   shape errors.
  public func evaluate(
    _ model: Sequential, on data: any LabeledData, normalization: InputNormalization? = nil,
    batchSize: Int = Attack.defaultBatch, seed: UInt64 = 0,
    progress: ((AttackProgress) -> Void)? = nil
  ) throws -> AttackReport {
    let clock = ContinuousClock()
    let start = clock.now
    let target = PixelModel(model: model, normalization: normalization)
    var (clean, adversarial) = (Outcomes(), Outcomes())
    var norms: [Float] = []
    try forEachBatch(of: data, size: batchSize, target: target) { x0, labels, first in
      let x = try perturbPixels(target, x0, labels: labels, seed: seed, firstIndex: first)
      clean.append(try Outcomes(logits: try target.logits(x0), labels: labels))
      adversarial.append(try Outcomes(logits: try target.logits(x), labels: labels))
      norms += Steps.norms(x, x0, rows: x0.shape.first ?? 0, norm)
      progress?(
        AttackProgress(completed: norms.count, total: data.count, accuracy: adversarial.accuracy))
    }
    let elapsed = clock.now - start
    return AttackReport(
      attack: self, cleanCorrect: clean.correct, correct: adversarial.correct,
      cleanLosses: clean.losses, losses: adversarial.losses, norms: norms,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    )
  }
}
