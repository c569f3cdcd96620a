// Training steps (forward, cross-entropy, backward, SGD update) of the DESIGN §10 models.
import Foundation
import NeuralNets
import Tensors

/// The models timed by the `training` suite, built with one seed; the Python side
/// (`python/training.py`) builds the same architectures and ranks.
func trainingModels() throws -> [(String, Sequential, [Int])] {
  var rng = RNG(seed: 1)
  return [
    ("MLP 784-256-256-10 dense", try Architectures.mlp([784, 256, 256, 10], using: &rng), [784]),
    (
      "MLP 784-256-256-10 low-rank r=32",
      try Architectures.mlp([784, 256, 256, 10], ranks: RankPlan(rank: 32), using: &rng), [784]
    ),
    ("LeNet5 dense", try Architectures.lenet5(using: &rng), [1, 28, 28]),
    (
      "LeNet5 low-rank 20%", try Architectures.lenet5(ranks: RankPlan(rank: 0.2), using: &rng),
      [1, 28, 28]
    ),
  ]
}

func trainingBench(repeats: Int) throws {
  BLAS.threadCount = Int(ProcessInfo.processInfo.environment["LRNB_BENCH_THREADS"] ?? "2") ?? 2
  var rng = RNG(seed: 2)
  let batch = 128
  // LRNB_BENCH_CASE=LeNet5 runs only the cases whose name contains it (for profiling).
  let only = ProcessInfo.processInfo.environment["LRNB_BENCH_CASE"]
  for (name, net, shape) in try trainingModels() where only.map({ name.contains($0) }) ?? true {
    let x = try Tensor.rand([batch] + shape, using: &rng)
    let y = try Tensor(shape: [batch]) { out in for i in 0..<batch { out[i] = Float(i % 10) } }
    let optimizer = try Optimizer(.sgd(momentum: 0.9), learningRate: 0.01)
    var stepRNG = RNG(seed: 3)
    let samples = try time(repeats: repeats, warmup: 3) {
      try net.trainStep(inputs: x, labels: y, optimizer: optimizer, rng: &stepRNG)
    }
    emit(
      suite: "training", case: name, impl: "lrnb", samples: samples, work: Double(batch),
      rateUnit: "examples/s")
  }
}
