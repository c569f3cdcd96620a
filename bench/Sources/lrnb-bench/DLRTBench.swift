// Rank-adaptive (DLRT) training steps: LeNet5 on MNIST, against fixed-rank and dense steps.
import Datasets
import Foundation
import NeuralNets
import Tensors

/// The `dlrt` suite. First one epoch of the DLRT paper's LeNet5 run (ranks from half of
/// full rank, ϑ = 0.15, SGD at 0.05, batch 128) timing every step — what the paper's own
/// code was timed on (`docs/benchmarks.md`). Then, at the ranks that epoch reached, steps of
/// the same model trained rank-adaptively, of a copy trained at fixed rank, and of a dense
/// LeNet5, alternated so machine noise hits all three alike; `python/dlrt.py` times
/// PyTorch's dense LeNet5 step. All of it three times: from lrnb's default start, from the
/// 2022 paper's code's half-normal spectrum and from the 2025 code's squared-normal one.
func dlrtBench(repeats: Int) throws {
  BLAS.threadCount = Int(ProcessInfo.processInfo.environment["LRNB_BENCH_THREADS"] ?? "2") ?? 2
  let train = try mnistTrain()
  // lrnb's default start (the truncated SVD of a Kaiming matrix), then the 2022 paper's
  // code's (random orthonormal U, V; S = diag(sorted |zᵢ|)), the start of the code the
  // issue timed, and the 2025 code's (S = diag(sorted zᵢ²)): spread spectra ϑ cuts sooner.
  for (start, label) in [
    (LowRankInitialization.kaimingSVD, ""), (.halfNormalSpectrum, ", half-normal start"),
    (.squaredNormalSpectrum, ", squared-normal start"),
  ] {
    try dlrtBench(train: train, start: start, label: label, repeats: repeats)
  }
}

/// The suite for one initialisation of the low-rank layers (`label` tells them apart).
private func dlrtBench(
  train: TensorData, start: LowRankInitialization, label: String, repeats: Int
) throws {
  var rng = RNG(seed: 1)
  let net = try Architectures.lenet5(
    ranks: RankPlan(rank: 0.5, initialization: start), using: &rng)
  let adaptive = try Trainer(net, options: dlrtOptions(.rankAdaptive(.init(theta: 0.15))))
  let batch = 128
  let order = try rng.permutation(train.count)
  let steps = train.count / batch
  // LRNB_BENCH_STEPS shortens the first epoch (for profiling).
  let epochSteps = min(
    steps, Int(ProcessInfo.processInfo.environment["LRNB_BENCH_STEPS"] ?? "") ?? steps)
  var epoch: [Double] = []
  for step in 0..<epochSteps {
    let (x, y) = try train.batch(Array(order[(step * batch)..<((step + 1) * batch)]))
    epoch += try time(repeats: 1, warmup: 0) { try adaptive.step(inputs: x, labels: y, rng: &rng) }
  }
  let ranks = net.layers.compactMap { ($0 as? any LowRankLayer)?.rank }
  emit(
    suite: "dlrt", case: "LeNet5 MNIST epoch 1 from ranks [10, 25, 250], ϑ=0.15\(label)",
    impl: "lrnb rank-adaptive step (ends at ranks \(ranks))", samples: epoch,
    work: Double(batch), rateUnit: "examples/s")

  let fixedNet = try Sequential(
    name: "lenet5", inputShape: net.inputShape, net.layers.map { $0.copied() })
  let fixed = try Trainer(fixedNet, options: dlrtOptions(.fixedRank))
  let dense = try Architectures.lenet5(using: &rng)
  let denseTrainer = try Trainer(dense, options: dlrtOptions(.fixedRank))
  var samples: [[Double]] = [[], [], []]
  for i in 0..<(repeats + 3) {
    let start = (i % steps) * batch
    let (x, y) = try train.batch(Array(order[start..<(start + batch)]))
    // Rotating the order too: a step runs faster after one that left its data in cache.
    let trainers = [adaptive, fixed, denseTrainer]
    for j in 0..<3 {
      let k = (i + j) % 3
      let t = try measure { try trainers[k].step(inputs: x, labels: y, rng: &rng) }
      if i >= 3 { samples[k] += t }  // the first rounds warm caches and allocators
    }
  }
  // The case name matches python/dlrt.py's, so PyTorch's dense step is the reference.
  let impls = [
    "lrnb rank-adaptive at ranks \(ranks)\(label)", "lrnb fixed-rank at ranks \(ranks)\(label)",
    "lrnb dense",
  ]
  for (k, impl) in impls.enumerated() where label.isEmpty || k < 2 {
    emit(
      suite: "dlrt", case: "LeNet5 training step, batch 128", impl: impl, samples: samples[k],
      work: Double(batch), rateUnit: "examples/s")
  }
  // The 1.5× budget: the same samples, with the fixed-rank step as the reference.
  let pair = "rank-adaptive vs fixed-rank step at ranks \(ranks)\(label)"
  emit(suite: "dlrt", case: pair, impl: "fixed-rank step", samples: samples[1])
  emit(suite: "dlrt", case: pair, impl: "lrnb rank-adaptive step", samples: samples[0])
}

/// One run of `body` in ms: wall time, or with `LRNB_BENCH_CPU=1` the thread's CPU time
/// (steady on a loaded machine when BLAS runs on one thread, `LRNB_BENCH_THREADS=1`).
func measure(_ body: () throws -> Void) throws -> [Double] {
  if ProcessInfo.processInfo.environment["LRNB_BENCH_CPU"] == "1" {
    return try cpuTime(repeats: 1, warmup: 0, body)
  }
  return try time(repeats: 1, warmup: 0, body)
}

/// SGD at 0.05 without momentum, as the DLRT paper's LeNet5 run, with `integrator`.
func dlrtOptions(_ integrator: Integrator) -> TrainingOptions {
  var options = TrainingOptions()
  options.rule = .sgd()
  options.learningRate = 0.05
  options.lowRank = LowRankTraining(integrator: integrator)
  return options
}

/// MNIST's training split.
func mnistTrain() throws -> TensorData { try mnistSplit(.train) }

/// The MNIST folder: `LRNB_MNIST`, the project's `../shared/data/mnist` (`../../shared/…`
/// from a git worktree one level down), or nil (then `$LRNB_DATA/mnist`).
func mnistFolder() -> URL? {
  if let path = ProcessInfo.processInfo.environment["LRNB_MNIST"] {
    return URL(fileURLWithPath: path)
  }
  return ["../shared/data/mnist", "../../shared/data/mnist"].map { URL(fileURLWithPath: $0) }
    .first { FileManager.default.fileExists(atPath: $0.path) }
}
