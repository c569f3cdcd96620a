// Reruns the DLRT paper's LeNet5/MNIST experiment and prints its table beside the paper's.
import Datasets
import Foundation
import NeuralNets
import Tensors

/// One row of the DLRT paper's LeNet5/MNIST table (Schotthöfer et al., NeurIPS 2022,
/// Table 1): test accuracy (%), ranks of conv1, conv2, fc1, compression (%).
private let paper: [(theta: Double?, accuracy: Double, ranks: [Int], compression: Double)] = [
  (nil, 98.82, [], 0), (0.09, 98.16, [10, 23, 62], 91.3), (0.15, 98.14, [9, 16, 28], 95.3),
  (0.2, 98.12, [8, 8, 15], 97.0), (0.3, 97.45, [4, 6, 8], 97.8),
]

/// `lrnb-bench reproduce [EPOCHS]`: the paper's run — LeNet5 (conv 1→20, conv 20→50,
/// FC 800→500 low-rank from half of full rank; classifier dense), plain SGD at 0.05,
/// batch 128 on MNIST's 60,000 training images — dense and at each ϑ, for EPOCHS epochs
/// (the paper: 20), then test accuracy on MNIST's 10,000 test images. Prints a Markdown
/// table for `docs/reproduction.md`.
func reproduceDLRT(epochs: Int) throws {
  BLAS.threadCount = Int(ProcessInfo.processInfo.environment["LRNB_BENCH_THREADS"] ?? "2") ?? 2
  let train = try mnistTrain()
  let test = try mnistSplit(.test)
  print(
    "| ϑ | test accuracy (paper) | ranks (paper) | compression (paper) | compression, paper's count | training time |"
  )
  print("|---|---:|---|---:|---:|---:|")
  // LRNB_REPRO_ROWS=0.09,0.15 reruns only those rows ("dense" for the dense one).
  let only = ProcessInfo.processInfo.environment["LRNB_REPRO_ROWS"]?.split(separator: ",")
    .map(String.init)
  // LRNB_REPRO_INIT=half_normal starts the low-rank layers as the paper's code does.
  let start = try reproductionStart()
  for row in paper where only?.contains(row.theta.map { String($0) } ?? "dense") ?? true {
    var rng = RNG(seed: 7)
    let net = try Architectures.lenet5(
      ranks: RankPlan(rank: row.theta == nil ? nil : 0.5, initialization: start), using: &rng)
    var options = dlrtOptions(.rankAdaptive(RankAdaptiveSettings(theta: row.theta ?? 0)))
    options.epochs = epochs
    options.seed = 7
    let history = try net.fit(train, options: options)
    let accuracy = try net.accuracy(test) * 100
    let ranks = net.layers.compactMap { ($0 as? any LowRankLayer)?.rank }
    let seconds = history.seconds.reduce(0, +)
    let theta = row.theta.map { String($0) } ?? "dense"
    let paperRanks = row.ranks.isEmpty ? "" : " (\(row.ranks))"
    print(
      "| \(theta) | \(fixed(accuracy, 2))% (\(fixed(row.accuracy, 2))%) | \(ranks.isEmpty ? "—" : "\(ranks)")\(paperRanks)"
        + " | \(fixed(net.compression * 100, 1))% (\(fixed(row.compression, 1))%)"
        + " | \(fixed(paperCompression(net) * 100, 1))% | \(fixed(seconds, 0)) s |")
  }
}

/// The low-rank start named by `LRNB_REPRO_INIT` (a `LowRankInitialization` raw value),
/// by default lrnb's own.
func reproductionStart() throws -> LowRankInitialization {
  let name = ProcessInfo.processInfo.environment["LRNB_REPRO_INIT"] ?? "kaiming_svd"
  guard let start = LowRankInitialization(rawValue: name) else {
    let names = LowRankInitialization.allCases.map(\.rawValue).joined(separator: ", ")
    throw BenchError.badSetting("LRNB_REPRO_INIT=\(name): expected one of \(names)")
  }
  return start
}

/// Compression as the paper's code counts it: low-rank layers store K = U·S and L = V·Sᵀ
/// (r·(n_out + n_in) numbers), other layers their weights; biases are not counted.
private func paperCompression(_ net: Sequential) -> Double {
  var stored = 0, dense = 0
  for layer in net.layers {
    if let l = layer as? any LowRankLayer {
      let (out, inputs) = (l.u.value.shape[0], l.v.value.shape[0])
      stored += l.rank * (out + inputs)
      dense += out * inputs
    } else if let w = layer.parameters.first(where: { $0.name == "weight" }) {
      stored += w.value.count
      dense += w.value.count
    }
  }
  return 1 - Double(stored) / Double(max(dense, 1))
}

private func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

/// MNIST's `split` from the folder `mnistTrain` uses.
func mnistSplit(_ split: Split) throws -> TensorData {
  let data = try MNIST.load(split: split, directory: mnistFolder())
  return try TensorData(inputs: data.inputs, labels: data.labelTensor)
}

/// A benchmark setting from the environment that does not parse.
enum BenchError: Error, CustomStringConvertible {
  case badSetting(String)
  var description: String {
    switch self { case .badSetting(let message): message }
  }
}
