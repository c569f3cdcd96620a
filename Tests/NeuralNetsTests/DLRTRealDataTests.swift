// The real-data claims for DLRT on Fashion-MNIST LeNet5: ranks shrink, β lowers κ.
import NeuralNets
import Tensors
import Testing

/// Fashion-MNIST, read once for the suite.
private let fashion = Result { try TestData.fashionMNIST() }

/// The runs share one budget: every model sees the same `epochs` over the same data with
/// the same seed and SGD settings, so accuracies compare like for like.
private let epochs = 2

private func options(seed: UInt64, rule: LowRankTraining? = nil) -> TrainingOptions {
  var options = TrainingOptions()
  options.epochs = epochs
  options.learningRate = 0.05
  options.rule = .sgd(momentum: 0.9)
  options.batchSize = 128
  options.seed = seed
  options.lowRank = rule
  return options
}

/// The dense LeNet5 reference accuracy, trained once for the suite.
private let denseAccuracy = Result { () throws -> Double in
  let (train, test) = try fashion.get()
  var rng = RNG(seed: 41)
  let net = try Architectures.lenet5(using: &rng)
  _ = try net.fit(train, options: options(seed: 41))
  let accuracy = try net.accuracy(test)
  print("Fashion-MNIST, dense LeNet5, \(epochs) epochs: test accuracy \(accuracy)")
  return accuracy
}

/// The mean over the low-rank layers of κ(S) at the end of training.
private func meanKappa(_ net: Sequential) throws -> Double {
  let kappas = try net.layerReports().filter { $0.rank != nil }.compactMap(\.kappa)
  return kappas.reduce(0, +) / Double(kappas.count)
}

@Suite(.serialized) struct DLRTRealDataTests {
  @Test func rankAdaptiveTrainingShrinksRanksAndKeepsAccuracy() throws {
    let (train, test) = try fashion.get()
    var rng = RNG(seed: 41)
    // Start at r_max = half of full rank (10, 25, 250), classifier dense, as the DLRT paper.
    let net = try Architectures.lenet5(ranks: RankPlan(rank: 0.5), using: &rng)
    let start = net.layers.compactMap { ($0 as? any LowRankLayer)?.rank }
    let rule = LowRankTraining(integrator: .rankAdaptive(RankAdaptiveSettings(theta: 0.15)))
    let history = try net.fit(train, options: options(seed: 41, rule: rule))
    let accuracy = try net.accuracy(test)
    let dense = try denseAccuracy.get()
    let ranks = net.layers.compactMap { ($0 as? any LowRankLayer)?.rank }
    print(
      "Fashion-MNIST, LeNet5 rank-adaptive ϑ = 0.15, \(epochs) epochs: ranks \(start) → \(ranks)"
        + " (per epoch \(history.ranks)), compression \(net.compression), test accuracy"
        + " \(accuracy) (dense \(dense))")
    #expect(zip(start, ranks).allSatisfy { $0.1 < $0.0 }, "every low-rank layer shrinks")
    #expect(net.compression >= 0.80)
    #expect(accuracy >= dense - 0.03)
  }

  @Test func spectralRegularizerLowersKappa() throws {
    let (train, test) = try fashion.get()
    var results: [(kappa: Double, accuracy: Double)] = []
    for beta in [0.0, 0.1] {
      var rng = RNG(seed: 43)
      // Fixed rank at 20% of full rank (4, 10, 100), as in the PyTorch reference run.
      let net = try Architectures.lenet5(ranks: RankPlan(rank: 0.2), using: &rng)
      let rule = LowRankTraining(
        integrator: .fixedRank, regularizer: beta > 0 ? SpectralRegularizer(beta: beta) : nil)
      _ = try net.fit(train, options: options(seed: 43, rule: rule))
      results.append((try meanKappa(net), try net.accuracy(test)))
      print(
        "Fashion-MNIST, LeNet5 fixed rank 20%, β = \(beta), \(epochs) epochs: mean κ(S)"
          + " \(results[results.count - 1].kappa), test accuracy \(results[results.count - 1].accuracy)")
    }
    #expect(results[1].kappa * 5 <= results[0].kappa)
    #expect(results[1].accuracy >= results[0].accuracy - 0.02)
  }
}
