// Robustness sweeps: accuracy against ε for several models and attacks in one pass over the data.
import NeuralNets
import Tensors

/// One cell of a sweep: a model's accuracy and mean loss under one attack at one ε.
public struct SweepRow: Sendable, Equatable {
  /// The model's name.
  public var model: String
  /// The attack's name (`FGSM`, `PGD-L∞`, …).
  public var attack: String
  /// The budget ε in pixel units.
  public var epsilon: Double
  /// The accuracy under attack.
  public var accuracy: Double
  /// The mean cross-entropy under attack.
  public var loss: Double

  /// A row of a sweep table.
  public init(model: String, attack: String, epsilon: Double, accuracy: Double, loss: Double) {
    (self.model, self.attack, self.epsilon) = (model, attack, epsilon)
    (self.accuracy, self.loss) = (accuracy, loss)
  }
}

/// Where a sweep is: attacked examples so far out of all (models × attacks × ε × data).
public struct SweepProgress: Sendable {
  /// Work done and in all, in attacked examples.
  public var completed: Int, total: Int
  /// The model being attacked.
  public var model: String
}

/// Accuracy against ε for several models and attacks, as a table.
///
/// Each model reads the data once: per batch, the clean outputs are computed once and
/// every attack at every ε runs on the batch. ε = 0 rows are the clean accuracy (every
/// attack leaves its inputs unchanged at ε = 0; `AttacksTests` checks it), so they cost
/// no attack.
///
/// ```swift
/// let sweep = try RobustnessSweep(
///   attacks: [try .fgsm(epsilon: 0), try .pgd(epsilon: 0)], epsilons: [0, 0.05, 0.1])
/// let rows = try sweep.run([("dense", dense), ("rank 16", lowRank)], on: test)
/// ```
public struct RobustnessSweep {
  /// The attacks; each runs at every ε of `epsilons` (its own ε is replaced).
  public var attacks: [Attack]
  /// The budgets, in pixel units (reported in the rows exactly as given).
  public var epsilons: [Double]
  /// Examples per batch.
  public var batchSize = Attack.defaultBatch
  /// Seeds random starts and noise (the same for every model, attack and ε).
  public var seed: UInt64 = 0

  /// A sweep of `attacks` over `epsilons`.
  /// - Throws: `AttackError` when either list is empty or an ε is invalid.
  public init(attacks: [Attack], epsilons: [Double]) throws {
    guard !attacks.isEmpty, !epsilons.isEmpty else {
      throw AttackError.invalidArgument("a sweep needs at least one attack and one ε")
    }
    for attack in attacks {
      for e in epsilons { _ = try attack.with(epsilon: Float(e)) }
    }
    self.attacks = attacks
    self.epsilons = epsilons
  }

  /// The table: one row per model, attack and ε, in that order.
  /// - Throws: `AttackError`, data and shape errors.
  public func run(
    _ models: [(name: String, model: Sequential)], on data: any LabeledData,
    normalization: InputNormalization? = nil, progress: ((SweepProgress) -> Void)? = nil
  ) throws -> [SweepRow] {
    let cells = try attacks.map { attack in try epsilons.map { try attack.with(epsilon: Float($0)) }
    }
    let attackedCells = epsilons.count { $0 > 0 } * attacks.count
    let total = models.count * attackedCells * data.count
    let names = attackNames()
    var rows: [SweepRow] = []
    var done = 0
    for (name, model) in models {
      let target = PixelModel(model: model, normalization: normalization)
      var outcomes = [[Outcomes]](
        repeating: [Outcomes](repeating: Outcomes(), count: epsilons.count), count: attacks.count)
      try forEachBatch(of: data, size: batchSize, target: target) { x0, labels, first in
        let batchClean = try Outcomes(logits: try target.logits(x0), labels: labels)
        for (a, row) in cells.enumerated() {
          for (e, attack) in row.enumerated() {
            guard attack.epsilon > 0 else {
              outcomes[a][e].append(batchClean)
              continue
            }
            let x = try attack.perturbPixels(
              target, x0, labels: labels, seed: seed, firstIndex: first)
            outcomes[a][e].append(try Outcomes(logits: try target.logits(x), labels: labels))
            done += x0.shape.first ?? 0
            progress?(SweepProgress(completed: done, total: total, model: name))
          }
        }
      }
      for a in attacks.indices {
        for (e, epsilon) in epsilons.enumerated() {
          rows.append(
            SweepRow(
              model: name, attack: names[a], epsilon: epsilon,
              accuracy: outcomes[a][e].accuracy, loss: outcomes[a][e].meanLoss))
        }
      }
    }
    return rows
  }

  /// The attacks' names, with their settings where two would otherwise share a name.
  private func attackNames() -> [String] {
    attacks.map { attack in
      attacks.count { $0.name == attack.name } > 1
        ? (try? attack.with(epsilon: 0).settingsName) ?? attack.name : attack.name
    }
  }
}

extension Attack {
  /// The name with the settings that tell two attacks of one family apart, e.g.
  /// `PGD-L∞ (20 steps, no random start)`.
  var settingsName: String {
    guard method == .pgd else { return name }
    var parts = ["\(steps) steps"]
    if let explicitStepSize { parts.append("α = \(short(explicitStepSize))") }
    parts.append(randomStart ? "random start" : "no random start")
    return "\(name) (\(parts.joined(separator: ", ")))"
  }
}
