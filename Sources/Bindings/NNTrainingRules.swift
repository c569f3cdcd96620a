// The training rules of low-rank layers from lr: integrator, ϑ, r_min/r_max, period, τ, β.
import Lang
import NeuralNets

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

/// The parameters shared by every native that sets a low-rank training rule (`fit`,
/// `set_training`, the architectures). All default to nil: "not chosen here".
var trainingRuleParameters: [Lang.Parameter] {
  [
    Parameter("integrator", default: .nil), Parameter("theta", default: .nil),
    Parameter("r_min", default: .nil), Parameter("r_max", default: .nil),
    Parameter("period", default: .nil), Parameter("tau", default: .nil),
    Parameter("beta", default: .nil), Parameter("squared", default: .bool(false)),
  ]
}

/// The doc paragraph describing `trainingRuleParameters`.
let trainingRuleDoc = """
  Low-rank training rule: `integrator` "bug" (rank-adaptive DLRT, the default), "fixed" or \
  "condlr"; for "bug" the tolerance `theta` (ϑ, default 0.1), `r_min` (default 2), `r_max` \
  (default half the layer's smaller side) and the augmentation `period` (default 1); for \
  "condlr" `tau` (κ(S) ≤ 1 + τ, default 0.1); with any integrator the spectral regulariser \
  weight `beta` (β‖SSᵀ − (‖S‖²_F/r)I‖_F, `squared: true` for its square). Settings left out \
  keep each layer's current rule: `beta` alone adds the regulariser to its integrator, `tau` \
  alone chooses "condlr", `theta` alone "bug".
  """

extension Arguments {
  /// The low-rank training rule given by `trainingRuleParameters` on top of `base` (a
  /// layer's current rule), or nil when none of them was given. Settings left out keep
  /// `base`'s: `beta` alone adds the regulariser to whatever integrator the layer has, and
  /// `theta` alone tunes a rank-adaptive rule. Settings of another integrator are errors.
  func lowRankTraining(over base: LowRankTraining = LowRankTraining()) throws -> LowRankTraining? {
    let names = ["integrator", "theta", "r_min", "r_max", "period", "tau", "beta"]
    guard try names.contains(where: { try !isNil($0) }) else { return nil }
    var rule = base
    let bugSettings = ["theta", "r_min", "r_max", "period"]
    let chosen: String? =
      if let name = try optional("integrator", string) { name.lowercased() }
      else if try !isNil("tau") { "condlr" }
      else if try bugSettings.contains(where: { try !isNil($0) }) { "bug" }
      else { nil }
    switch chosen {
    case nil: break  // only β: the layer keeps its integrator
    case "bug", "dlrt":
      var settings = RankAdaptiveSettings()
      if case .rankAdaptive(let current) = base.integrator { settings = current }
      if let theta = try optional("theta", number) {
        guard theta >= 0, theta < 1 else { throw bad("theta", expected: "a tolerance ϑ in [0, 1)") }
        settings.theta = theta
      }
      settings.minRank = try optional("r_min", positiveInt) ?? settings.minRank
      if try !isNil("r_max") { settings.maxRank = try positiveInt("r_max") }
      if let maxRank = settings.maxRank, maxRank < settings.minRank {
        throw bad("r_max", expected: "a rank ≥ r_min (\(settings.minRank))")
      }
      settings.period = try optional("period", positiveInt) ?? settings.period
      // A cap far above any useful period, so position counters never approach overflow.
      guard settings.period <= 1_000_000 else {
        throw bad("period", expected: "a period of at most 1000000 steps")
      }
      try refuse(["tau"], for: "bug")
      rule.integrator = .rankAdaptive(settings)
    case "fixed":
      try refuse(bugSettings + ["tau"], for: "fixed")
      rule.integrator = .fixedRank
    case "condlr":
      let tau = try optional("tau", number) ?? 0.1
      guard tau >= 0, tau <= 1e6 else { throw bad("tau", expected: "a non-negative τ") }
      try refuse(bugSettings, for: "condlr")
      rule.integrator = .condLR(tau: tau)
    default:
      throw bad("integrator", expected: "\"bug\", \"fixed\" or \"condlr\"")
    }
    if let beta = try optional("beta", number) {
      guard beta >= 0, beta <= 1e6 else { throw bad("beta", expected: "a non-negative β") }
      rule.regularizer = beta > 0 ? SpectralRegularizer(beta: beta, squared: try bool("squared")) : nil
    }
    return rule
  }

  /// Sets the rule of `trainingRuleParameters` on every low-rank layer of `model` (or only
  /// on layer `index`), each on top of its current rule; returns whether any was given.
  @discardableResult
  func setTraining(on model: Sequential, layer index: Int? = nil) throws -> Bool {
    var any = false
    for (i, layer) in model.layers.enumerated() where layer is any LowRankLayer {
      guard index == nil || index == i else { continue }
      guard let rule = try lowRankTraining(over: model.layerTraining[i] ?? LowRankTraining())
      else { return false }
      model.layerTraining[i] = rule
      any = true
    }
    return any
  }

  private func isNil(_ name: String) throws -> Bool {
    if case .nil = try value(name) { return true }
    return false
  }

  /// Throws when a setting of another integrator was given (e.g. `tau` with "bug").
  private func refuse(_ names: [String], for integrator: String) throws {
    for name in names where try !isNil(name) {
      throw RuntimeError(
        "bad argument '\(name)' to \(callee) (it does not apply to integrator \"\(integrator)\")")
    }
  }
}

/// How *lr* shows a training rule, e.g. `bug ϑ=0.15 r∈[2, auto]` or `condlr τ=0.1 β=0.05`.
func describe(_ rule: LowRankTraining) -> String {
  var text: String
  switch rule.integrator {
  case .fixedRank: text = "fixed"
  case .rankAdaptive(let s):
    text = "bug ϑ=\(formatNumber(s.theta)) r∈[\(s.minRank), \(s.maxRank.map(String.init) ?? "auto")]"
    if s.period > 1 { text += " period \(s.period)" }
  case .condLR(let tau): text = "condlr τ=\(formatNumber(tau))"
  }
  if let r = rule.regularizer, r.beta > 0 {
    text += " β=\(formatNumber(r.beta))" + (r.squared ? " (squared)" : "")
  }
  return text
}
