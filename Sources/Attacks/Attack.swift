// What an attack is: its method, norm, budget ε, steps and step size, random start.
import Foundation

/// The norm that measures a perturbation δ = x′ − x, per example.
public enum Norm: String, Sendable, CaseIterable {
  /// ‖δ‖∞ = maxᵢ |δᵢ|: every pixel moves by at most ε.
  case linf
  /// ‖δ‖₂ = √Σᵢ δᵢ²: the Euclidean length of the whole perturbation.
  case l2

  /// `L∞` or `L2`, for names and tables.
  public var symbol: String { self == .linf ? "L∞" : "L2" }
}

/// A white-box attack on a classifier, in pixel units: inputs in [0, 1], the budget ε in
/// the same units, every adversarial input clipped to [0, 1] (DESIGN §7).
///
/// - FGSM: x′ = clip(x + ε·sign(∇ₓL)).
/// - FGM: x′ = clip(x + ε·g/‖g‖) with ‖·‖∞ or ‖·‖₂ per example.
/// - PGD: `steps` ascent steps of size α (sign steps for L∞, g/‖g‖₂ steps for L2), each
///   followed by projection onto the ε-ball around x and onto [0, 1]; optionally from a
///   random point of the ε-ball. α defaults to 2.5·ε/steps (Madry et al.).
/// - Noise: a random perturbation of norm ε (±ε per pixel for L∞, a random direction of
///   length ε for L2), the non-adversarial control.
///
/// ```swift
/// let pgd = try Attack.pgd(epsilon: 0.1)            // L∞, 10 steps of 0.025, random start
/// let xAdv = try pgd.perturb(net, inputs: x, labels: y, seed: 7)
/// ```
public struct Attack: Sendable, Equatable, CustomStringConvertible {
  /// The attack families.
  public enum Method: String, Sendable, CaseIterable {
    /// Fast gradient sign method (Goodfellow et al., 2015).
    case fgsm
    /// Fast gradient method with a normalised gradient.
    case fgm
    /// Projected gradient descent (Madry et al., 2018).
    case pgd
    /// Random noise of norm ε.
    case noise
  }

  /// The most PGD steps one attack may take: far beyond the 10–100 used in practice, and
  /// small enough that a mistyped count fails at once instead of running for days.
  public static let maxSteps = 10_000

  /// The family.
  public let method: Method
  /// The norm of the ε-ball (always L∞ for FGSM).
  public let norm: Norm
  /// The budget ε in pixel units.
  public let epsilon: Float
  /// Ascent steps (PGD; 1 for the one-step attacks).
  public let steps: Int
  /// The step size α when chosen explicitly; nil means 2.5·ε/steps.
  public let explicitStepSize: Float?
  /// Whether PGD starts from a random point of the ε-ball.
  public let randomStart: Bool

  /// An attack; the factories `fgsm`, `fgm`, `pgd` and `noise` read better.
  /// - Throws: `AttackError.invalidArgument` for a negative or non-finite ε or step size,
  ///   steps outside 1…`maxSteps`, or FGSM with the L2 norm (use FGM for that).
  public init(
    _ method: Method, epsilon: Float, norm: Norm = .linf, steps: Int = 10,
    stepSize: Float? = nil, randomStart: Bool = true
  ) throws {
    guard epsilon.isFinite, epsilon >= 0 else {
      throw AttackError.invalidArgument("ε must be a finite number ≥ 0, got \(epsilon)")
    }
    guard (1...Self.maxSteps).contains(steps) else {
      throw AttackError.invalidArgument("steps must be in 1...\(Self.maxSteps), got \(steps)")
    }
    if let stepSize, !(stepSize.isFinite && stepSize >= 0) {
      throw AttackError.invalidArgument(
        "the step size must be a finite number ≥ 0, got \(stepSize)")
    }
    guard method != .fgsm || norm == .linf else {
      throw AttackError.invalidArgument(
        "FGSM is the L∞ attack (the sign of the gradient); use FGM for the L2 norm")
    }
    self.method = method
    self.epsilon = epsilon
    self.norm = norm
    self.steps = method == .pgd ? steps : 1
    self.explicitStepSize = method == .pgd ? stepSize : nil
    self.randomStart = method == .pgd && randomStart
  }

  /// FGSM with budget ε.
  /// - Throws: `AttackError` for a bad ε.
  public static func fgsm(epsilon: Float) throws -> Attack { try Attack(.fgsm, epsilon: epsilon) }

  /// FGM with budget ε in `norm` (L2 by default, as usually meant by "FGM").
  /// - Throws: `AttackError` for a bad ε.
  public static func fgm(epsilon: Float, norm: Norm = .l2) throws -> Attack {
    try Attack(.fgm, epsilon: epsilon, norm: norm)
  }

  /// PGD with budget ε in `norm`: `steps` steps of `stepSize` (default 2.5·ε/steps).
  /// - Throws: `AttackError` for a bad ε, step count or step size.
  public static func pgd(
    epsilon: Float, norm: Norm = .linf, steps: Int = 10, stepSize: Float? = nil,
    randomStart: Bool = true
  ) throws -> Attack {
    try Attack(
      .pgd, epsilon: epsilon, norm: norm, steps: steps, stepSize: stepSize,
      randomStart: randomStart)
  }

  /// Random noise of norm ε in `norm`.
  /// - Throws: `AttackError` for a bad ε.
  public static func noise(epsilon: Float, norm: Norm = .linf) throws -> Attack {
    try Attack(.noise, epsilon: epsilon, norm: norm)
  }

  /// The same attack with budget `epsilon` (the step size follows ε unless explicit).
  /// - Throws: `AttackError` for a bad ε.
  public func with(epsilon: Float) throws -> Attack {
    try Attack(
      method, epsilon: epsilon, norm: norm, steps: steps, stepSize: explicitStepSize,
      randomStart: randomStart)
  }

  /// The PGD step size α: explicit, or 2.5·ε/steps.
  public var stepSize: Float { explicitStepSize ?? 2.5 * epsilon / Float(steps) }

  /// The family and norm: `FGSM`, `FGM-L2`, `PGD-L∞`, `noise-L∞` …
  public var name: String {
    switch method {
    case .fgsm: "FGSM"
    case .fgm: "FGM-\(norm.symbol)"
    case .pgd: "PGD-\(norm.symbol)"
    case .noise: "noise-\(norm.symbol)"
    }
  }

  /// The name with its settings, e.g. `PGD-L∞ (ε = 0.1, 10 steps of 0.025, random start)`.
  public var description: String {
    let budget = "ε = \(short(epsilon))"
    guard method == .pgd else { return "\(name) (\(budget))" }
    return "\(name) (\(budget), \(steps) steps of \(short(stepSize))"
      + (randomStart ? ", random start)" : ")")
  }
}

/// A float with at most four significant digits and no trailing zeros, e.g. 0.025.
func short(_ x: Float) -> String {
  var text = String(format: "%.4g", Double(x))
  if text.contains("."), !text.contains("e") {
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
  }
  return text
}
