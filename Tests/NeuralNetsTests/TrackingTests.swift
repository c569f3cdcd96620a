// Ranks, κ, singular values and compression per epoch; compress-then-finetune; saved training rules.
import Foundation
import Tensors
import Testing

@testable import NeuralNets

@Suite struct TrackingTests {
  func options(_ rule: LowRankTraining, epochs: Int = 2) -> TrainingOptions {
    var options = TrainingOptions()
    options.epochs = epochs
    options.batchSize = 16
    options.lowRank = rule
    options.seed = 3
    return options
  }

  @Test func historyTracksTheLowRankLayers() throws {
    let net = try smallLowRankNet(rank: 4, seed: 31)
    let (x, y) = try syntheticTask(samples: 64, shape: [2, 6, 6], classes: 4, seed: 32)
    let rule = LowRankTraining(integrator: .rankAdaptive(.init(theta: 0.2)))
    let history = try net.fit(TensorData(inputs: x, labels: y), options: options(rule))
    #expect(history.trackedLayers == [0, 3, 5, 7])
    #expect(history.ranks.map(\.count) == [2, 2, 2, 2])
    let reports = try net.layerReports().filter { $0.rank != nil }
    #expect(history.ranks.map { $0.last } == reports.map(\.rank))
    #expect(zip(history.kappa.compactMap(\.last), reports.compactMap(\.kappa)).allSatisfy {
      abs($0 - $1) <= 1e-9 * $1
    })
    #expect(history.singularValues.map { $0.last?.count } == reports.map(\.rank))
    #expect(abs((history.kappaProduct.last ?? 0) - (try net.kappaProduct())) < 1e-6 * (try net.kappaProduct()))
    #expect(history.compression.last == net.compression)
  }

  @Test func sameSeedSameRun() throws {
    let (x, y) = try syntheticTask(samples: 64, shape: [2, 6, 6], classes: 4, seed: 33)
    let rule = LowRankTraining(
      integrator: .rankAdaptive(.init(theta: 0.15, period: 3)), regularizer: .init(beta: 0.05))
    var runs: [(History, [Tensor])] = []
    for _ in 0..<2 {
      let net = try smallLowRankNet(rank: 4, seed: 34)
      let history = try net.fit(TensorData(inputs: x, labels: y), options: options(rule))
      runs.append((history, net.namedParameters.map(\.parameter.value)))
    }
    #expect(runs[0].0 == runs[1].0)
    #expect(runs[0].1 == runs[1].1)
  }

  @Test func compressThenFinetune() throws {
    var rng = RNG(seed: 35)
    let dense = try Architectures.mlp([20, 16, 12, 4], using: &rng)
    let x = try Tensor.randn([8, 20], using: &rng)
    let exact = try dense.compressed(.rank(16))
    #expect(try (exact.predict(x) - dense.predict(x)).abs().max() < 1e-4)
    #expect(exact.layers[4] is Dense)  // the classifier stays dense
    let small = try dense.compressed(.rank(0.25))
    #expect((small.layers[0] as? LowRankDense)?.rank == 4)
    #expect((small.layers[2] as? LowRankDense)?.rank == 3)
    let tolerant = try dense.compressed(.tolerance(0.3))
    let sigma = try dense.layers[0].parameters[0].value.singularValues().scalars
    let expected = RankAdaptiveBUG.truncationRank(sigma, theta: 0.3, minRank: 1, maxRank: 16)
    #expect((tolerant.layers[0] as? LowRankDense)?.rank == expected)
    // The copy is independent of the original, and fine-tunes with any integrator.
    let (xs, ys) = try syntheticTask(samples: 64, shape: [20], classes: 4, seed: 36)
    let before = try dense.predict(x)
    let history = try small.fit(
      TensorData(inputs: xs, labels: ys), options: options(LowRankTraining(integrator: .condLR(tau: 0.5)), epochs: 4))
    #expect(try dense.predict(x) == before)
    #expect(history.trainLoss[3] < history.trainLoss[0])
    #expect(throws: NeuralNetError.self) { try dense.compressed(.tolerance(1.5)) }
  }

  @Test func trainingRulesAreSavedWithTheModel() throws {
    let net = try smallLowRankNet(rank: 3, seed: 37)
    net.layerTraining = [
      0: LowRankTraining(integrator: .condLR(tau: 0.1)),
      3: LowRankTraining(
        integrator: .rankAdaptive(.init(theta: 0.2, minRank: 1, maxRank: 8, period: 5)),
        regularizer: .init(beta: 0.3, squared: true)),
    ]
    let copy = try Sequential.decode(try net.fileBytes(), fileName: "net")
    #expect(copy.layerTraining == net.layerTraining)
    #expect(try Sequential.decode(try smallLowRankNet(rank: 3, seed: 37).fileBytes(), fileName: "n").layerTraining.isEmpty)
  }
}
