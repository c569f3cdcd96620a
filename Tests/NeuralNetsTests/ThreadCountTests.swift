// Training on one compute thread and on two gives bitwise the same parameters after every step.
import Tensors
import Testing

@testable import NeuralNets

/// `BLAS.threadCount` is process-wide: the suite runs its cases one at a time, and each
/// run restores the count it found.
@Suite(.serialized) struct ThreadCountTests {
  /// A model to train: its name, constructor (same seed every call) and training options.
  struct Model: CustomTestStringConvertible, Sendable {
    let name: String
    let inputShape: [Int]
    let make: @Sendable () throws -> (Sequential, TrainingOptions)
    var testDescription: String { name }
  }

  static let models: [Model] = [
    Model(name: "LeNet5 dense", inputShape: [1, 28, 28]) {
      var rng = RNG(seed: 11)
      return (try Architectures.lenet5(using: &rng), TrainingOptions())
    },
    Model(name: "LeNet5 fixed rank", inputShape: [1, 28, 28]) {
      var rng = RNG(seed: 12)
      var options = TrainingOptions()
      options.lowRank = LowRankTraining(integrator: .fixedRank)
      return (try Architectures.lenet5(ranks: RankPlan(rank: 0.2), using: &rng), options)
    },
    Model(name: "LeNet5 rank-adaptive", inputShape: [1, 28, 28]) {
      var rng = RNG(seed: 13)
      var options = TrainingOptions()
      options.lowRank = LowRankTraining(integrator: .rankAdaptive(.init(theta: 0.1)))
      return (try Architectures.lenet5(ranks: RankPlan(rank: 0.2), using: &rng), options)
    },
    Model(name: "MLP dense, Adam", inputShape: [784]) {
      var rng = RNG(seed: 14)
      var options = TrainingOptions()
      options.rule = .adam()
      options.learningRate = 0.001
      return (try Architectures.mlp([784, 256, 256, 10], using: &rng), options)
    },
    Model(name: "MLP rank-adaptive", inputShape: [784]) {
      var rng = RNG(seed: 15)
      var options = TrainingOptions()
      options.lowRank = LowRankTraining(integrator: .rankAdaptive(.init(theta: 0.1)))
      let net = try Architectures.mlp([784, 256, 256, 10], ranks: RankPlan(rank: 32), using: &rng)
      return (net, options)
    },
  ]

  /// Batches of 8 and 24 images: a LeNet5 convolution's im2col matrix is then one block
  /// (its products split by rows or columns) or several (blocks spread over the threads,
  /// each product whole), so both ways of using the threads are checked.
  static let batches = [0..<8, 8..<32, 0..<8]

  @Test(arguments: models)
  func parametersAreBitwiseEqualOnOneAndTwoThreads(_ model: Model) throws {
    let serial = try train(model, threads: 1)
    let parallel = try train(model, threads: 2)
    #expect(serial.count == Self.batches.count && parallel.count == serial.count)
    for (step, (one, two)) in zip(serial, parallel).enumerated() {
      let differing = zip(one, two).filter { $0.value != $1.value }.map(\.0.name)
      #expect(differing.isEmpty, "\(model.name), step \(step + 1): differ: \(differing)")
      // Later steps start from different parameters: the first difference is the one to read.
      guard differing.isEmpty else { return }
    }
  }

  /// Every parameter after each step of training `model` on `threads` compute threads.
  private func train(_ model: Model, threads: Int) throws -> [[(name: String, value: Tensor)]] {
    let saved = BLAS.threadCount
    defer { BLAS.threadCount = saved }
    BLAS.threadCount = threads
    let (net, options) = try model.make()
    let trainer = try Trainer(net, options: options)
    var data = RNG(seed: 5)
    let x = try Tensor.rand([32] + model.inputShape, using: &data)
    let y = try Tensor(shape: [32], scalars: (0..<32).map { Float($0 % 10) })
    var rng = RNG(seed: 9)
    var after: [[(name: String, value: Tensor)]] = []
    for batch in Self.batches {
      let rows = Array(batch)
      try trainer.step(inputs: x.gatherRows(rows), labels: y.gatherRows(rows), rng: &rng)
      after.append(net.namedParameters.map { ($0.name, $0.parameter.value) })
    }
    try trainer.finish()
    return after
  }
}
