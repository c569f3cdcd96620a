// Argument getters for the attack natives: attacks by name and settings, data in pixel units.
import Attacks
import Datasets
import Lang
import NeuralNets
import Tensors

/// The attack names *lr* accepts, with the family and norm each stands for. "fgm" alone is
/// the L2 attack (as "FGM" usually means); "pgd" and "noise" alone are L∞.
let attackNames: [(name: String, method: Attack.Method, norm: Norm)] = [
  ("fgsm", .fgsm, .linf), ("fgm", .fgm, .l2), ("fgm-l2", .fgm, .l2), ("fgm-linf", .fgm, .linf),
  ("pgd", .pgd, .linf), ("pgd-linf", .pgd, .linf), ("pgd-l2", .pgd, .l2),
  ("noise", .noise, .linf), ("noise-linf", .noise, .linf), ("noise-l2", .noise, .l2),
]

/// The settings every attack native shares after its own: the norm (for FGM, PGD and
/// noise), PGD's steps, step size and random start, and the seed.
var attackSettingParameters: [Lang.Parameter] {
  [
    Parameter("steps", default: .number(10)), Parameter("step", default: .nil),
    Parameter("random_start", default: .bool(true)), Parameter("seed", default: .nil),
  ]
}

extension Arguments {
  /// The attack named by the string argument `name` (see `attackNames`) with budget
  /// `epsilon` and the PGD settings `steps`, `step`, `random_start`.
  func attack(_ name: String, epsilon: Double) throws -> Attack {
    try attack(named: try string(name), argument: name, epsilon: epsilon)
  }

  /// The attack called `text` (an item of argument `argument`), with this call's PGD
  /// settings (`steps`, `step`, `random_start`) unless `settings` is false (the defaults).
  func attack(named text: String, argument: String, epsilon: Double, settings: Bool = true)
    throws -> Attack
  {
    let key = text.lowercased().replacingOccurrences(of: "∞", with: "inf")
    guard let entry = attackNames.first(where: { $0.name == key }) else {
      throw bad(
        argument,
        expected: "attack names from "
          + attackNames.map { "\"\($0.name)\"" }.joined(separator: ", "))
    }
    guard settings else {
      return try attacking { try Attack(entry.method, epsilon: Float(epsilon), norm: entry.norm) }
    }
    let step = try optional("step") { try number($0) }
    guard step.map({ $0 >= 0 && $0.isFinite }) ?? true else {
      throw bad("step", expected: "a step size ≥ 0 (or nil for 2.5·eps/steps)")
    }
    let steps = try positiveInt("steps")
    guard steps <= Attack.maxSteps else {
      throw bad("steps", expected: "1 to \(Attack.maxSteps) steps")
    }
    return try attacking {
      try Attack(
        entry.method, epsilon: Float(epsilon), norm: entry.norm, steps: steps,
        stepSize: step.map(Float.init), randomStart: try bool("random_start"))
    }
  }

  /// The budget `name`: a number ≥ 0 in pixel units.
  func epsilon(_ name: String) throws -> Double {
    let e = try number(name)
    guard e >= 0, e.isFinite else { throw bad(name, expected: "a budget ε ≥ 0 in pixel units") }
    return e
  }

  /// The seed for random starts and noise: the argument, or one drawn from the session.
  func attackSeed(_ session: Session) throws -> UInt64 {
    try optional("seed", nonNegativeInt).map(UInt64.init) ?? session.random.rng.next()
  }

  /// The labelled data `name` with the standardisation its inputs went through, if it is
  /// a normalised dataset (attacks measure ε in pixels, so they undo it).
  func attackData(_ name: String) throws -> (
    data: any LabeledData, normalization: InputNormalization?
  ) {
    var normalization: InputNormalization?
    if case .native(let object) = try value(name), let ds = object as? DatasetObject,
      let n = ds.dataset.normalization
    {
      normalization = try attacking {
        try InputNormalization(mean: n.mean, standardDeviation: n.standardDeviation)
      }
    }
    return (try labeledData(name), normalization)
  }

  /// Runs `body`, turning `AttackError`s into runtime errors that name the callee.
  func attacking<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as AttackError {
      throw RuntimeError("\(callee): \(error)")
    }
  }
}

/// Session progress as an attack evaluation's callback (nil when nobody listens).
func attackProgress(_ session: Session, task: String) -> ((AttackProgress) -> Void)? {
  guard let report = session.progress else { return nil }
  return { p in
    report(
      ProgressUpdate(
        task: task, completed: p.completed, total: p.total,
        detail: "adversarial acc \(formatNumber(p.accuracy))"))
  }
}
