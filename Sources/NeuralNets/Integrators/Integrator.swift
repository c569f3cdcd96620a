// The training rules of low-rank layers (DESIGN §6): which integrator, its settings, the regulariser.
import Tensors

/// How the factors `U`, `S`, `V` of one low-rank layer are trained.
///
/// Dense layers and every bias always take plain optimiser steps; an integrator decides
/// what happens to a low-rank layer's factors after each forward/backward pass.
///
/// ```swift
/// var options = TrainingOptions()
/// options.lowRank = LowRankTraining(integrator: .rankAdaptive(RankAdaptiveSettings(theta: 0.15)))
/// options.layerTraining[7] = LowRankTraining(integrator: .condLR(tau: 0.1))  // layer 7 only
/// ```
public enum Integrator: Sendable, Equatable, Codable {
  /// Gradient steps on `U`, `S`, `V` with `U`, `V` kept orthonormal (tangent projection
  /// and QR retraction); the rank never changes.
  case fixedRank
  /// The rank-adaptive augmented BUG integrator of DLRT (Schotthöfer et al., 2022): one
  /// forward/backward per step, bases augmented with the gradient directions, a Galerkin
  /// S-step, truncation to the smallest rank within the tolerance ϑ.
  case rankAdaptive(RankAdaptiveSettings)
  /// CondLR (Savostianova et al., 2023): fixed rank with κ(S) ≤ 1 + τ after every step;
  /// τ = 0 keeps `S` a scaled orthogonal matrix.
  case condLR(tau: Double)

  /// The rank-adaptive integrator with its default settings (ϑ = 0.1, r_min = 2).
  public static var rankAdaptive: Integrator { .rankAdaptive(RankAdaptiveSettings()) }

  /// `fixed`, `bug` or `condlr`, as *lr* names the integrators.
  public var name: String {
    switch self {
    case .fixedRank: return "fixed"
    case .rankAdaptive: return "bug"
    case .condLR: return "condlr"
    }
  }
}

/// The settings of the rank-adaptive BUG integrator.
public struct RankAdaptiveSettings: Sendable, Equatable, Codable {
  /// The relative truncation tolerance ϑ: the discarded singular values σ_{r₁+1}, … of the
  /// augmented core have ‖(σ_{r₁+1}, …)‖₂ ≤ ϑ‖σ‖₂. 0 keeps everything up to `maxRank`.
  public var theta: Double
  /// The smallest rank truncation may leave (capped at the layer's full rank).
  public var minRank: Int
  /// The largest rank; nil means half the layer's smaller side (as both papers' code),
  /// or its initial rank when that is larger.
  public var maxRank: Int?
  /// Augment the bases every `period` steps and train only `S` in between, truncating at
  /// the end of each period (the 2025 paper's code uses 10); 1 augments, takes the Galerkin
  /// S-step and truncates every step.
  public var period: Int

  /// Settings with the given tolerance, rank bounds and augmentation period.
  public init(theta: Double = 0.1, minRank: Int = 2, maxRank: Int? = nil, period: Int = 1) {
    self.theta = theta
    self.minRank = minRank
    self.maxRank = maxRank
    self.period = period
  }
}

/// The training rule of one low-rank layer: its integrator and an optional spectral
/// regulariser added to the loss.
public struct LowRankTraining: Sendable, Equatable, Codable {
  /// How the factors are updated.
  public var integrator: Integrator
  /// The penalty β‖SSᵀ − (‖S‖²_F/r)·I‖_F on the core, or nil for none.
  public var regularizer: SpectralRegularizer?

  /// A rule; the default is rank-adaptive BUG without a regulariser (DESIGN §6).
  public init(integrator: Integrator = .rankAdaptive, regularizer: SpectralRegularizer? = nil) {
    self.integrator = integrator
    self.regularizer = regularizer
  }

  /// Throws unless every setting is in range (ϑ in [0, 1), τ ≥ 0, ranks ≥ 1, period ≥ 1, β ≥ 0).
  public func validate() throws {
    switch integrator {
    case .fixedRank: break
    case .rankAdaptive(let s):
      guard s.theta >= 0, s.theta < 1, s.minRank >= 1, s.period >= 1, s.period <= 1_000_000,
        (s.maxRank ?? s.minRank) >= s.minRank
      else {
        throw NeuralNetError.invalidArgument(
          "rank-adaptive training needs ϑ in [0, 1), 1 ≤ r_min ≤ r_max and a period ≥ 1, got ϑ = \(s.theta), r_min = \(s.minRank), r_max = \(s.maxRank.map(String.init) ?? "auto"), period \(s.period)"
        )
      }
    case .condLR(let tau):
      guard tau >= 0, tau.isFinite else {
        throw NeuralNetError.invalidArgument("CondLR needs a finite τ ≥ 0, got \(tau)")
      }
    }
    if let regularizer, !(regularizer.beta >= 0 && regularizer.beta.isFinite) {
      throw NeuralNetError.invalidArgument(
        "the spectral regulariser needs a finite β ≥ 0, got \(regularizer.beta)")
    }
  }
}

/// One low-rank layer's integrator during a training run (with its state, e.g. where it is
/// in an augmentation period).
protocol LayerIntegrator: AnyObject {
  /// The factors the coming forward/backward pass must not differentiate (their gradients
  /// are not needed, so the tape skips the products that would form them).
  func frozenParameters() -> [Parameter]
  /// Updates the layer's factors after backward; `name` prefixes its parameters'
  /// optimiser state (`layers.3`).
  func update(name: String, optimizer: Optimizer) throws
  /// Leaves the layer in its stored form at the end of a run or epoch (e.g. truncates bases
  /// left augmented in the middle of a period).
  func finish(name: String, optimizer: Optimizer) throws
}

extension LowRankTraining {
  /// The integrator object that trains `layer` under this rule.
  func makeIntegrator(for layer: any LowRankLayer) throws -> any LayerIntegrator {
    try validate()
    switch integrator {
    case .fixedRank: return FixedRankIntegrator(layer, regularizer: regularizer)
    case .rankAdaptive(let settings):
      return try RankAdaptiveBUG(layer, settings: settings, regularizer: regularizer)
    case .condLR(let tau): return CondLRIntegrator(layer, tau: tau, regularizer: regularizer)
    }
  }
}
