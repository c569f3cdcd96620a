// Training on real data to the accuracies the issue asks for; prints what each run reaches.
import NeuralNets
import Tensors
import Testing

/// Fashion-MNIST, read once for every test of the suite.
private let fashion = Result { try TestData.fashionMNIST() }

@Suite(.serialized) struct RealDataTests {
  func options(epochs: Int, rate: Float, seed: UInt64 = 1) -> TrainingOptions {
    var options = TrainingOptions()
    options.epochs = epochs
    options.learningRate = rate
    options.rule = .sgd(momentum: 0.9)
    options.batchSize = 128
    options.seed = seed
    return options
  }

  @Test func mlpOnUCIDigits() throws {
    let digits = try TestData.uciDigits()
    var rng = RNG(seed: 0)
    let order = try rng.permutation(digits.count)
    let train = Subset(digits, indices: Array(order[..<1437]))
    let test = Subset(digits, indices: Array(order[1437...]))
    let net = try Architectures.mlp([64, 64, 10], using: &rng)
    let history = try net.fit(train, options: options(epochs: 30, rate: 0.05))
    let accuracy = try net.accuracy(test)
    print("UCI digits, MLP 64-64-10, 30 epochs: test accuracy \(accuracy)")
    #expect(accuracy >= 0.95)
    #expect((history.trainLoss.last ?? 9) < history.trainLoss[0])
  }

  @Test func denseMLPOnFashionMNIST() throws {
    let (train, test) = try fashion.get()
    var rng = RNG(seed: 1)
    let net = try Architectures.mlp([784, 256, 256, 10], using: &rng)
    _ = try net.fit(train, options: options(epochs: 3, rate: 0.05))
    let accuracy = try net.accuracy(test)
    print("Fashion-MNIST, dense MLP 784-256-256-10, 3 epochs: test accuracy \(accuracy)")
    #expect(accuracy >= 0.85)
  }

  @Test func denseLeNet5OnFashionMNIST() throws {
    let (train, test) = try fashion.get()
    var rng = RNG(seed: 2)
    let net = try Architectures.lenet5(using: &rng)
    var settings = options(epochs: 3, rate: 0.05)
    settings.schedule = .cosine(epochs: 3)
    _ = try net.fit(train, options: settings)
    let accuracy = try net.accuracy(test)
    print("Fashion-MNIST, dense LeNet5, 3 epochs (cosine): test accuracy \(accuracy)")
    #expect(accuracy >= 0.88)
  }

  @Test func lowRankLeNet5OnFashionMNIST() throws {
    let (train, test) = try fashion.get()
    var rng = RNG(seed: 3)
    // Hidden layers at 20% of full rank (4, 10, 100), classifier dense.
    let net = try Architectures.lenet5(ranks: RankPlan(rank: 0.2), using: &rng)
    var settings = options(epochs: 3, rate: 0.05)
    settings.lowRank = LowRankTraining(integrator: .fixedRank)  // rank-adaptive is the default
    _ = try net.fit(train, options: settings)
    let accuracy = try net.accuracy(test)
    print(
      "Fashion-MNIST, low-rank LeNet5 (ranks 4/10/100, compression \(net.compression)), 3 epochs:"
        + " test accuracy \(accuracy)")
    #expect(accuracy >= 0.84)
  }
}
