// After every step of every integrator: orthonormal bases, ranks in bounds, ϑ respected, κ(S) ≤ κ_max.
import Tensors
import Testing

@testable import NeuralNets

/// A learnable synthetic task: labels are the argmax of a fixed random linear map.
func syntheticTask(samples: Int, shape: [Int], classes: Int, seed: UInt64) throws -> (
  Tensor, Tensor
) {
  var rng = RNG(seed: seed)
  let features = shape.reduce(1, *)
  let x = try Tensor.randn([samples] + shape, using: &rng)
  let map = try Tensor.randn([features, classes], using: &rng)
  let y = try x.reshaped([samples, features]).matmul(map).argmax(axis: 1)
  return (x, y)
}

/// A model with a low-rank convolution and two low-rank dense layers (classifier dense).
/// The cores' singular values are scaled by 1, `decay`, `decay²`, … so that a tolerance
/// has something to cut.
func smallLowRankNet(rank: Int, seed: UInt64, decay: Float = 0.5) throws -> Sequential {
  var rng = RNG(seed: seed)
  let net = try Sequential(
    inputShape: [2, 6, 6],
    [
      LowRankConv2d(2, 8, kernel: 3, rank: rank, padding: 1, using: &rng), Activation(.relu),
      Flatten(), LowRankDense(8 * 36, 24, rank: rank, using: &rng), Activation(.relu),
      LowRankDense(24, 16, rank: rank, using: &rng), Activation(.relu),
      Dense(16, 4, using: &rng),
    ])
  for case let layer as any LowRankLayer in net.layers {
    var factor: Float = 1
    let scales = (0..<rank).map { _ in
      defer { factor *= decay }; return factor * 2
    }
    layer.s.value = try layer.s.value.scalingColumns(by: scales)
  }
  return net
}

func orthonormalityError(_ u: Tensor) throws -> Float {
  try (u.matmul(u, transposeSelf: true) - Tensor.eye(u.shape[1])).abs().max()
}

@Suite struct IntegratorInvariantTests {
  static let rules: [(String, LowRankTraining, Optimizer.Rule)] = [
    ("fixed rank, SGD", LowRankTraining(integrator: .fixedRank), .sgd(momentum: 0.9)),
    (
      "BUG ϑ=0.2, SGD", LowRankTraining(integrator: .rankAdaptive(.init(theta: 0.2))),
      .sgd(momentum: 0.9)
    ),
    ("BUG ϑ=0.05, Adam", LowRankTraining(integrator: .rankAdaptive(.init(theta: 0.05))), .adam()),
    (
      "BUG ϑ=0.1, period 3, r ∈ [3, 5], Adam",
      LowRankTraining(
        integrator: .rankAdaptive(.init(theta: 0.1, minRank: 3, maxRank: 5, period: 3))),
      .adam()
    ),
    (
      "BUG ϑ=0.3 with regulariser",
      LowRankTraining(integrator: .rankAdaptive(.init(theta: 0.3)), regularizer: .init(beta: 0.1)),
      .sgd(momentum: 0.9)
    ),
    ("CondLR τ=0.5", LowRankTraining(integrator: .condLR(tau: 0.5)), .sgd(momentum: 0.9)),
    ("CondLR τ=0, Adam", LowRankTraining(integrator: .condLR(tau: 0)), .adam()),
  ]

  @Test(arguments: 0..<rules.count) func invariantsHoldAfterEveryStep(_ which: Int) throws {
    let (label, rule, optimizerRule) = Self.rules[which]
    let net = try smallLowRankNet(rank: 4, seed: 7)
    let (x, y) = try syntheticTask(samples: 96, shape: [2, 6, 6], classes: 4, seed: 8)
    var options = TrainingOptions()
    options.lowRank = rule
    options.rule = optimizerRule
    options.learningRate = if case .adam = optimizerRule { 0.01 } else { 0.05 }
    let trainer = try Trainer(net, options: options)
    var rng = RNG(seed: 9)
    var losses: [Double] = []
    var ranksSeen: Set<[Int]> = [net.layers.compactMap { ($0 as? any LowRankLayer)?.rank }]
    for step in 0..<24 {
      let rows = Array((step % 3 * 32)..<(step % 3 * 32 + 32))
      losses.append(
        try trainer.step(inputs: x.gatherRows(rows), labels: y.gatherRows(rows), rng: &rng).loss)
      for (index, integrator) in trainer.integrators {
        let layer = try #require(net.layers[index] as? any LowRankLayer)
        let where_ = "\(label), step \(step + 1), layer \(index)"
        #expect(try orthonormalityError(layer.u.value) <= 1e-4, "UᵀU ≠ I: \(where_)")
        #expect(try orthonormalityError(layer.v.value) <= 1e-4, "VᵀV ≠ I: \(where_)")
        try checkRule(integrator, layer: layer, where: where_)
      }
      ranksSeen.insert(net.layers.compactMap { ($0 as? any LowRankLayer)?.rank })
    }
    try trainer.finish()
    ranksSeen.insert(net.layers.compactMap { ($0 as? any LowRankLayer)?.rank })
    print(
      "\(label): ranks seen \(ranksSeen.sorted { $0.lexicographicallyPrecedes($1) }), loss \(losses[0]) → \(losses[losses.count - 1])"
    )
    if case .rankAdaptive(let settings) = rule.integrator, settings.theta >= 0.1 {
      #expect(ranksSeen.count > 1, "\(label): the ranks never changed")
    }
    for case let layer as any LowRankLayer in net.layers {
      #expect(layer.u.value.shape[1] == layer.rank && layer.v.value.shape[1] == layer.rank)
    }
    #expect(losses.suffix(3).reduce(0, +) < losses.prefix(3).reduce(0, +), "\(label): \(losses)")
  }

  /// Rounding errors must not pile up in U and V over a long run: every K- and L-step
  /// re-orthonormalises the whole augmented basis, U₀ included. (A basis that kept U₀ as
  /// it was and only orthonormalised the new directions against it let ‖UᵀU − I‖ creep up
  /// step after step, and a 20-epoch MNIST run then diverged.)
  @Test func basesStayOrthonormalOverALongRun() throws {
    let net = try smallLowRankNet(rank: 4, seed: 3)
    let (x, y) = try syntheticTask(samples: 96, shape: [2, 6, 6], classes: 4, seed: 4)
    var options = TrainingOptions()
    options.lowRank = LowRankTraining(integrator: .rankAdaptive(.init(theta: 0.1)))
    options.rule = .sgd()
    options.learningRate = 0.05
    let trainer = try Trainer(net, options: options)
    var rng = RNG(seed: 5)
    var worst: Float = 0
    for step in 0..<600 {
      let rows = Array((step % 3 * 32)..<(step % 3 * 32 + 32))
      try trainer.step(inputs: x.gatherRows(rows), labels: y.gatherRows(rows), rng: &rng)
      for case let layer as any LowRankLayer in net.layers {
        worst = max(
          worst, try orthonormalityError(layer.u.value), try orthonormalityError(layer.v.value))
      }
    }
    print("largest |UᵀU − I|, |VᵀV − I| over 600 steps: \(worst)")
    #expect(worst <= 1e-5)
  }

  func checkRule(_ integrator: any LayerIntegrator, layer: any LowRankLayer, where place: String)
    throws
  {
    switch integrator {
    case let bug as RankAdaptiveBUG:
      let augmented = bug.position != 0
      let bound =
        augmented
        ? Swift.min(2 * bug.maxRank, layer.u.value.shape[0], layer.v.value.shape[0]) : bug.maxRank
      #expect(layer.rank >= bug.minRank && layer.rank <= bound, "rank \(layer.rank): \(place)")
      if !augmented, let cut = bug.lastTruncation {
        let total = (cut.kept + cut.discarded).reduce(0) { $0 + Double($1) * Double($1) }
        let tail = cut.discarded.reduce(0) { $0 + Double($1) * Double($1) }
        if layer.rank < bug.maxRank {
          #expect(
            tail.squareRoot() <= bug.settings.theta * total.squareRoot() * (1 + 1e-6), "ϑ: \(place)"
          )
        }
        if layer.rank > bug.minRank, let last = cut.kept.last {
          // Keeping one value fewer would have broken the tolerance.
          let wider = tail + Double(last) * Double(last)
          #expect(
            wider.squareRoot() > bug.settings.theta * total.squareRoot() * (1 - 1e-6),
            "minimal: \(place)")
        }
      }
    case let cond as CondLRIntegrator:
      #expect(layer.rank == 4, "\(place)")
      let s = try layer.s.value.singularValues().scalars
      let kappa = Double(s[0] / s[s.count - 1])
      #expect(kappa <= cond.kappaMax + 1e-4, "κ(S) = \(kappa): \(place)")
    default:
      #expect(layer.rank == 4, "\(place)")
    }
  }
}
