// Seeded synthetic datasets for teaching: moons, spirals, blobs, low-rank regression.
import Foundation
import Tensors

/// Small generated datasets whose structure is known, drawn from a caller's `RNG` (same
/// seed, same data). The classification sets are shuffled, like scikit-learn's.
///
/// ```swift
/// var rng = RNG(seed: 0)
/// let moons = try Synthetic.moons(count: 500, noise: 0.1, using: &rng)   // [500, 2], 2 classes
/// let (data, w) = try Synthetic.lowRankRegression(
///   count: 1000, features: 50, outputs: 20, rank: 3, noise: 0.01, using: &rng)
/// ```
public enum Synthetic {
  /// Two interleaving half circles (scikit-learn's `make_moons`): the upper moon is class
  /// 0, the lower class 1; Gaussian noise of standard deviation `noise` on both coordinates.
  /// - Throws: `DatasetError` for a count below 2 or a negative noise.
  public static func moons(count: Int, noise: Double = 0.1, using rng: inout RNG) throws -> Dataset
  {
    try check(count: count, minimum: 2, features: 2, noise: noise, name: "moons")
    let outer = count / 2
    var points: [Float] = []
    var labels: [Int] = []
    for i in 0..<count {
      let upper = i < outer
      let m = upper ? outer : count - outer
      let t = m > 1 ? Double.pi * Double(upper ? i : i - outer) / Double(m - 1) : 0
      let (x, y) = upper ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
      points += [Float(x + noise * rng.nextNormal()), Float(y + noise * rng.nextNormal())]
      labels.append(upper ? 0 : 1)
    }
    return try shuffledDataset("moons", points, labels, features: 2, classes: 2, &rng)
  }

  /// `classes` interleaved spiral arms of `turns` revolutions each, growing from the
  /// centre to radius 1; Gaussian noise of standard deviation `noise` on the coordinates.
  /// - Throws: `DatasetError` for bad counts or a negative noise.
  public static func spirals(
    count: Int, classes: Int = 2, turns: Double = 1, noise: Double = 0.05, using rng: inout RNG
  ) throws -> Dataset {
    try check(count: count, minimum: classes, features: 2, noise: noise, name: "spirals")
    guard classes >= 2, classes <= 100, turns.isFinite, turns > 0, turns <= 100 else {
      throw DatasetError(
        "spirals: needs 2…100 classes and 0 < turns ≤ 100 (got \(classes), \(turns))")
    }
    var points: [Float] = []
    var labels: [Int] = []
    for i in 0..<count {
      let k = i % classes
      let r = Double(i / classes + 1) / Double((count + classes - 1) / classes)
      let angle = 2 * Double.pi * (turns * r + Double(k) / Double(classes))
      points += [
        Float(r * cos(angle) + noise * rng.nextNormal()),
        Float(r * sin(angle) + noise * rng.nextNormal()),
      ]
      labels.append(k)
    }
    return try shuffledDataset("spirals", points, labels, features: 2, classes: classes, &rng)
  }

  /// Gaussian clusters (scikit-learn's `make_blobs`): `centers` centres drawn uniformly in
  /// [−10, 10]^features, examples dealt to them in turn with standard deviation `spread`.
  /// - Throws: `DatasetError` for bad counts or a negative spread.
  public static func blobs(
    count: Int, centers: Int = 3, features: Int = 2, spread: Double = 1, using rng: inout RNG
  ) throws -> Dataset {
    try check(count: count, minimum: centers, features: features, noise: spread, name: "blobs")
    guard centers >= 1, centers <= 1000 else {
      throw DatasetError("blobs: needs 1…1000 centers, got \(centers)")
    }
    let middles = (0..<(centers * features)).map { _ in -10 + 20 * rng.nextDouble() }
    var points: [Float] = []
    var labels: [Int] = []
    for i in 0..<count {
      let k = i % centers
      for f in 0..<features {
        points.append(Float(middles[k * features + f] + spread * rng.nextNormal()))
      }
      labels.append(k)
    }
    return try shuffledDataset("blobs", points, labels, features: features, classes: centers, &rng)
  }

  /// A linear regression problem whose true weight matrix has rank `rank`: inputs
  /// X ~ N(0, 1) of shape [count, features], W = A·B with Gaussian A [outputs, rank] and
  /// B [rank, features] scaled so that outputs have unit variance on average, targets
  /// Y = X·Wᵀ + noise·ε. Returns the dataset and W, so a low-rank fit can be compared with
  /// the truth (its singular values, its rank).
  /// - Throws: `DatasetError` for bad sizes or a negative noise.
  public static func lowRankRegression(
    count: Int, features: Int, outputs: Int, rank: Int, noise: Double = 0.01,
    using rng: inout RNG
  ) throws -> (dataset: Dataset, weights: Tensor) {
    try check(
      count: count, minimum: 1, features: features, noise: noise, name: "low-rank regression")
    // Y is [count, outputs] and W [outputs, features]: both must fit under the size limit.
    guard outputs >= 1, rank >= 1, rank <= min(features, outputs),
      outputs <= Tensor.maxElements / max(count, features)
    else {
      throw DatasetError(
        "low-rank regression: needs outputs ≥ 1 and 1 ≤ rank ≤ min(features, outputs)"
          + " (got outputs \(outputs), rank \(rank), features \(features))")
    }
    let a = try Tensor.randn([outputs, rank], using: &rng) / Float(Double(rank).squareRoot())
    let b = try Tensor.randn([rank, features], using: &rng) / Float(Double(features).squareRoot())
    let w = try a.matmul(b)
    let x = try Tensor.randn([count, features], using: &rng)
    let y =
      try x.matmul(w, transposeOther: true) + Tensor.randn([count, outputs], using: &rng)
      * Float(noise)
    return (try Dataset(name: "low-rank regression", inputs: x, targets: y), w)
  }

  /// Refuses sizes that are too small, or too large to allocate, before any work.
  private static func check(count: Int, minimum: Int, features: Int, noise: Double, name: String)
    throws
  {
    guard count >= max(minimum, 1), features >= 1 else {
      throw DatasetError(
        "\(name): needs at least \(max(minimum, 1)) examples and 1 feature (got \(count), \(features))"
      )
    }
    guard count <= Tensor.maxElements / features else {
      throw DatasetError(
        "\(name): \(count) × \(features) values exceed the tensor size limit (\(Tensor.maxElements))"
      )
    }
    guard noise.isFinite, noise >= 0 else {
      throw DatasetError("\(name): noise must be finite and ≥ 0, got \(noise)")
    }
  }

  private static func shuffledDataset(
    _ name: String, _ points: [Float], _ labels: [Int], features: Int, classes: Int,
    _ rng: inout RNG
  ) throws -> Dataset {
    let n = labels.count
    let data = try Dataset(
      name: name, inputs: try Tensor(shape: [n, features], scalars: points), labels: labels,
      classNames: (0..<classes).map(String.init))
    var shuffled = try data.shuffled(using: &rng)
    shuffled.name = name
    return shuffled
  }
}
