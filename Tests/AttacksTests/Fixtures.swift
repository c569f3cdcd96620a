// Models and data the attack tests share: small random models of every layer kind, and
// an MLP trained on the UCI digits.
import Attacks
import Datasets
import NeuralNets
import Tensors

enum Fixtures {
  /// Untrained models on 1×8×8 inputs: dense and low-rank MLPs, and small dense and
  /// low-rank conv nets (conv, max-pool, ReLU, flatten, dense).
  static func models() throws -> [(name: String, model: Sequential)] {
    var rng = RNG(seed: 11)
    let mlp = try Architectures.mlp([64, 32, 10], using: &rng)
    let lowRank = try Architectures.mlp([64, 32, 10], ranks: RankPlan(rank: 4), using: &rng)
    func convNet(lowRank: Bool, _ rng: inout RNG) throws -> Sequential {
      let conv: any Layer =
        lowRank
        ? try LowRankConv2d(1, 6, kernel: 3, rank: 3, using: &rng)
        : try Conv2d(1, 6, kernel: 3, using: &rng)
      return try Sequential(
        name: lowRank ? "low-rank conv" : "conv", inputShape: [1, 8, 8],
        [
          conv, try Pool2d(.max, size: 2), Activation(.relu), Flatten(),
          try Dense(54, 10, using: &rng),
        ])
    }
    return [
      ("mlp", mlp), ("low-rank mlp", lowRank), ("conv", try convNet(lowRank: false, &rng)),
      ("low-rank conv", try convNet(lowRank: true, &rng)),
    ]
  }

  /// `rows` random pixel images of 1×8×8 (some exactly 0 or 1, so clipping matters) and labels.
  static func batch(rows: Int, seed: UInt64 = 3) throws -> (x: Tensor, y: Tensor) {
    var rng = RNG(seed: seed)
    let x = try Tensor.uniform([rows, 1, 8, 8], low: -0.3, high: 1.3, using: &rng)
      .clamped(to: 0...1)
    let y = Tensor((0..<rows).map { _ in Float(rng.nextInt(below: 10)) })
    return (x, y)
  }

  /// Every attack family and norm at budget `epsilon`.
  static func attacks(epsilon: Float) throws -> [Attack] {
    [
      try .fgsm(epsilon: epsilon), try .fgm(epsilon: epsilon, norm: .linf),
      try .fgm(epsilon: epsilon, norm: .l2), try .pgd(epsilon: epsilon),
      try .pgd(epsilon: epsilon, randomStart: false), try .pgd(epsilon: epsilon, norm: .l2),
      try .noise(epsilon: epsilon), try .noise(epsilon: epsilon, norm: .l2),
    ]
  }

  /// The UCI digits split 1437 / 360 by a seeded permutation.
  static func digitsSplit() throws -> (train: TensorData, test: TensorData) {
    let dataset = try UCIDigits.load()
    let all = try TensorData(inputs: dataset.inputs, labels: dataset.labelTensor)
    var rng = RNG(seed: 0)
    let order = try rng.permutation(all.count)
    let (train, test) = (try all.batch(Array(order[..<1437])), try all.batch(Array(order[1437...])))
    return (
      try TensorData(inputs: train.inputs, labels: train.labels),
      try TensorData(inputs: test.inputs, labels: test.labels)
    )
  }

  /// An MLP 64-64-10 trained for 30 epochs on the 1437 training digits, and the 360 others.
  // Attacks only read the model, so sharing it across concurrently running tests is safe.
  nonisolated(unsafe) static let digits = Result {
    () throws -> (net: Sequential, test: TensorData) in
    let (train, test) = try digitsSplit()
    var rng = RNG(seed: 1)
    let net = try Architectures.mlp([64, 64, 10], using: &rng)
    var options = TrainingOptions()
    options.epochs = 30
    options.seed = 1
    _ = try net.fit(train, options: options)
    return (net, test)
  }
}

/// The largest ‖x′ − x‖ over the rows, in `norm`, computed in Double.
func largestNorm(_ a: Tensor, _ b: Tensor, _ norm: Norm) -> Double {
  let rows = a.shape.first ?? 0
  let features = rows == 0 ? 0 : a.count / rows
  let (x, y) = (a.scalars, b.scalars)
  return (0..<rows).map { r -> Double in
    let d = (0..<features).map { Double(x[r * features + $0]) - Double(y[r * features + $0]) }
    return norm == .linf
      ? d.map(abs).max() ?? 0 : d.reduce(0) { $0 + $1 * $1 }.squareRoot()
  }.max() ?? 0
}
