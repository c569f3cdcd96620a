// The training loop on small synthetic data: determinism, history, validation, NaN, metrics.
import NeuralNets
import Tensors
import Testing

@Suite struct TrainingTests {
  /// Two Gaussian blobs per class, 3 classes, 8 features.
  func blobs(_ n: Int, seed: UInt64) throws -> TensorData {
    var rng = RNG(seed: seed)
    let labels = try Tensor(shape: [n]) { out in for i in 0..<n { out[i] = Float(i % 3) } }
    let noise = try Tensor.randn([n, 8], using: &rng)
    let centres = try Tensor.randn([3, 8], using: &rng) * 3
    let x = try noise + centres.gatherRows(labels.scalars.map { Int($0) })
    return try TensorData(inputs: x, labels: labels)
  }

  func train(seed: UInt64) throws -> (History, [Float]) {
    var rng = RNG(seed: 11)
    let net = try Architectures.mlp([8, 16, 3], ranks: RankPlan(overrides: [0: 4]), using: &rng)
    var options = TrainingOptions()
    options.epochs = 3
    options.batchSize = 32
    options.validationFraction = 0.2
    options.seed = seed
    let history = try net.fit(try blobs(300, seed: 5), options: options)
    return (history, net.namedParameters.flatMap { $0.parameter.value.scalars })
  }

  @Test func sameSeedSameWeightsAndHistory() throws {
    let (h1, w1) = try train(seed: 7)
    let (h2, w2) = try train(seed: 7)
    #expect(h1 == h2)
    #expect(w1 == w2)
    let (h3, _) = try train(seed: 8)
    #expect(h1 != h3)
  }

  @Test func historyRecordsEveryEpoch() throws {
    let (history, _) = try train(seed: 1)
    #expect(history.epochs == 3)
    #expect(history.validationAccuracy.count == 3 && history.seconds.count == 3)
    #expect(history.learningRate == [0.05, 0.05, 0.05].map { Double(Float($0)) })
    #expect((history.validationAccuracy.last ?? 0) > 0.9)
  }

  @Test func progressIsReportedPerStep() throws {
    var rng = RNG(seed: 1)
    let net = try Architectures.mlp([8, 3], using: &rng)
    var reports: [TrainingProgress] = []
    var options = TrainingOptions()
    options.epochs = 2
    options.batchSize = 50
    options.progress = { reports.append($0) }
    _ = try net.fit(try blobs(120, seed: 2), options: options)
    #expect(reports.count == 6)
    #expect(reports.last.map { ($0.epoch, $0.step, $0.steps) } ?? (0, 0, 0) == (2, 3, 3))
  }

  @Test func divergenceNamesTheStep() throws {
    var rng = RNG(seed: 1)
    let net = try Architectures.mlp([8, 16, 3], using: &rng)
    var options = TrainingOptions()
    options.learningRate = 1e30
    options.epochs = 2
    do {
      _ = try net.fit(try blobs(256, seed: 3), options: options)
      Issue.record("expected divergence")
    } catch let error as NeuralNetError {
      #expect("\(error)".contains("training diverged at step"))
    }
  }

  @Test func earlyStoppingStopsAPlateau() throws {
    var rng = RNG(seed: 1)
    let net = try Architectures.mlp([8, 3], using: &rng)
    var options = TrainingOptions()
    options.epochs = 50
    options.learningRate = 0
    options.patience = 2
    let history = try net.fit(try blobs(60, seed: 4), options: options)
    #expect(history.stoppedEarly && history.epochs == 3)
  }

  @Test func evaluationAndConfusionMatrix() throws {
    var rng = RNG(seed: 1)
    let net = try Architectures.mlp([8, 16, 3], using: &rng)
    var options = TrainingOptions()
    options.epochs = 5
    let data = try blobs(300, seed: 6)
    _ = try net.fit(data, options: options)
    let confusion = try net.confusionMatrix(data)
    #expect(confusion.shape == [3, 3] && confusion.sum() == 300)
    let diagonal = (0..<3).reduce(Float(0)) { $0 + ((try? confusion.scalar(at: [$1, $1])) ?? 0) }
    #expect(abs(Double(diagonal) / 300 - (try net.accuracy(data))) < 1e-9)
    #expect(try net.predictClasses(data.inputs).shape == [300])
  }

  @Test func metricsOfLeNet5() throws {
    var rng = RNG(seed: 1)
    let dense = try Architectures.lenet5(using: &rng)
    #expect(dense.parameterCount == 20 * 25 + 20 + 50 * 500 + 50 + 800 * 500 + 500 + 500 * 10 + 10)
    #expect(dense.compression == 0)
    #expect(dense.flopsPerSample == 576 * 20 * 25 + 64 * 50 * 500 + 800 * 500 + 5000)
    let lowRank = try Architectures.lenet5(ranks: RankPlan(rank: 0.2), using: &rng)
    let ranks = try lowRank.layerReports().compactMap(\.rank)
    #expect(ranks == [4, 10, 100, 10])
    #expect(lowRank.denseParameterCount == dense.parameterCount)
    #expect(lowRank.compression > 0.6)
    let kappas = try lowRank.conditionNumbers()
    #expect(kappas.count == 4 && kappas.allSatisfy { $0 >= 1 })
    #expect(abs(try lowRank.kappaProduct() - kappas.reduce(1, *)) < 1e-6 * kappas.reduce(1, *))
    let vgg = try Architectures.vgg(ranks: RankPlan(rank: 8), using: &rng)
    #expect(try vgg.predict(try Tensor.rand([2, 1, 28, 28], using: &rng)).shape == [2, 10])
    #expect(try vgg.layerReports().compactMap(\.rank) == [8, 8, 8, 8, 8, 10])
  }
}
