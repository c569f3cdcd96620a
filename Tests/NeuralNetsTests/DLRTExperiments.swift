// Opt-in runs behind the numbers of docs/reproduction.md: one LeNet5 on Fashion-MNIST per call.
import Foundation
import NeuralNets
import Tensors
import Testing

/// The run's settings, from `DLRT_*` environment variables (defaults in brackets).
private struct Experiment {
  let environment = ProcessInfo.processInfo.environment
  func text(_ key: String, _ fallback: String) -> String { environment["DLRT_" + key] ?? fallback }
  func number(_ key: String, _ fallback: Double) -> Double {
    environment["DLRT_" + key].flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } ?? fallback
  }
  /// A whole number in `range` (parsed as an integer, so nothing converts out of range).
  func count(_ key: String, _ fallback: Int, in range: ClosedRange<Int>) -> Int {
    Swift.min(
      Swift.max(environment["DLRT_" + key].flatMap { Int($0) } ?? fallback, range.lowerBound),
      range.upperBound)
  }
}

/// Trains a dense LeNet5 (unless `DLRT_DENSE=0`) and a low-rank one on the first `DLRT_N`
/// [20000] Fashion-MNIST training images and prints their test accuracy on 5,000 test
/// images, ranks, κ(S) and compression. Settings: `DLRT_EPOCHS` [2], `DLRT_SEED` [41],
/// `DLRT_OPTIMIZER` sgd|adam [sgd], `DLRT_LR` [0.05], `DLRT_MOMENTUM` [0.9],
/// `DLRT_SCHEDULE` cosine|constant [cosine], `DLRT_INTEGRATOR` bug|fixed [bug],
/// `DLRT_THETA` [0.15], `DLRT_PERIOD` [1], `DLRT_RANK` (fraction of full rank of the three
/// hidden layers) [0.5], `DLRT_INIT` kaiming_svd|squared_normal|half_normal [kaiming_svd], `DLRT_BETA` [0].
///
///     DLRT_RUN=1 DLRT_OPTIMIZER=adam DLRT_LR=0.001 DLRT_PERIOD=5 swift test --filter dlrtExperiment
@Test(.enabled(if: ProcessInfo.processInfo.environment["DLRT_RUN"] != nil))
func dlrtExperiment() throws {
  let e = Experiment()
  let (fullTrain, fullTest) = try TestData.fashionMNIST()
  let train = Subset(
    fullTrain, indices: Array(0..<e.count("N", 20_000, in: 1...fullTrain.count)))
  let test = Subset(fullTest, indices: Array(0..<5_000))
  let epochs = e.count("EPOCHS", 2, in: 1...100)
  let seed = UInt64(e.count("SEED", 41, in: 0...Int.max))
  var options = TrainingOptions()
  options.epochs = epochs
  options.learningRate = Float(e.number("LR", 0.05))
  options.rule =
    e.text("OPTIMIZER", "sgd") == "adam"
    ? .adam() : .sgd(momentum: Float(e.number("MOMENTUM", 0.9)))
  options.schedule = e.text("SCHEDULE", "cosine") == "cosine" ? .cosine(epochs: epochs) : .constant
  options.seed = seed
  var rng = RNG(seed: seed)
  if e.text("DENSE", "1") == "1" {
    let dense = try Architectures.lenet5(using: &rng)
    _ = try dense.fit(train, options: options)
    print("DLRT dense: test accuracy \(try dense.accuracy(test))")
  }
  let initialization = LowRankInitialization(rawValue: e.text("INIT", "kaiming_svd")) ?? .kaimingSVD
  let plan = RankPlan(rank: e.number("RANK", 0.5), initialization: initialization)
  let net = try Architectures.lenet5(ranks: plan, using: &rng)
  var rule = LowRankTraining(
    integrator: .rankAdaptive(
      RankAdaptiveSettings(
        theta: e.number("THETA", 0.15), period: e.count("PERIOD", 1, in: 1...1_000))))
  if e.text("INTEGRATOR", "bug") == "fixed" { rule.integrator = .fixedRank }
  let beta = e.number("BETA", 0)
  if beta > 0 { rule.regularizer = SpectralRegularizer(beta: beta) }
  options.lowRank = rule
  let history = try net.fit(train, options: options)
  let kappas = try net.layers.compactMap { $0 as? any LowRankLayer }.map { layer in
    let sigma = try layer.singularValues().scalars
    return Double(sigma[0] / sigma[sigma.count - 1])
  }
  print(
    "DLRT low-rank: test accuracy \(try net.accuracy(test)), ranks per epoch \(history.ranks),"
      + " compression \(net.compression), κ(S) \(kappas)")
}
