// Ready-made models: MLP, LeNet5 (as in the CondLR code) and a small VGG-style CNN.
import Tensors

/// Which weight layers of a ready-made model are low-rank, and at what rank.
public struct RankPlan: Sendable {
  /// The rank of low-rank layers: a count (≥ 1) or a fraction of full rank (< 1); nil
  /// makes every layer dense.
  public var rank: Double?
  /// Whether the classifier (last) layer is low-rank too. Off by default, as in both
  /// papers' code: a rank-2 classifier over 10 classes costs ~13 points of accuracy.
  public var classifier: Bool
  /// Per-weight-layer overrides (index among the weight layers): a rank, or nil for dense.
  public var overrides: [Int: Double?]
  /// How the low-rank layers draw U, S, V; the default is the truncated SVD of a
  /// Kaiming-normal matrix.
  public var initialization: LowRankInitialization

  /// A plan; `RankPlan()` is all dense.
  public init(
    rank: Double? = nil, classifier: Bool = false, overrides: [Int: Double?] = [:],
    initialization: LowRankInitialization = .kaimingSVD
  ) {
    self.rank = rank
    self.classifier = classifier
    self.overrides = overrides
    self.initialization = initialization
  }

  /// The rank for weight layer `index` of `count` (nil: dense), given its full rank.
  func rank(forLayer index: Int, of count: Int, fullRank: Int) throws -> Int? {
    let chosen: Double?
    if let override = overrides[index] {
      chosen = override
    } else {
      chosen = index == count - 1 && !classifier ? nil : rank
    }
    guard let chosen else { return nil }
    // A count above a layer's full rank means "as much as it has" for a whole model.
    return try Initialization.resolveRank(
      chosen >= 1 ? Swift.min(chosen, Double(fullRank)) : chosen, fullRank: fullRank)
  }
}

/// Constructors of the models the notebooks use.
public enum Architectures {
  /// A multilayer perceptron `sizes[0] → … → sizes.last` with ReLU between layers.
  ///
  /// ```swift
  /// let net = try Architectures.mlp([784, 256, 256, 10], ranks: RankPlan(rank: 32), using: &rng)
  /// ```
  /// - Throws: `NeuralNetError` for fewer than two sizes or bad ranks.
  public static func mlp(_ sizes: [Int], ranks: RankPlan = RankPlan(), using rng: inout RNG) throws
    -> Sequential
  {
    guard sizes.count >= 2 else {
      throw NeuralNetError.invalidArgument(
        "an MLP needs at least an input and an output size, got \(sizes)")
    }
    try Limits.check("mlp", features: sizes)
    var layers: [any Layer] = []
    let count = sizes.count - 1
    for i in 0..<count {
      let (n, m) = (sizes[i], sizes[i + 1])
      if let r = try ranks.rank(forLayer: i, of: count, fullRank: Swift.min(n, m)) {
        layers.append(
          try LowRankDense(n, m, rank: r, initialization: ranks.initialization, using: &rng))
      } else {
        layers.append(try Dense(n, m, using: &rng))
      }
      if i < count - 1 { layers.append(Activation(.relu)) }
    }
    return try Sequential(name: "mlp", inputShape: [sizes[0]], layers)
  }

  /// LeNet5 as in the CondLR code: conv 1→20 5×5, max-pool 2, ReLU; conv 20→50 5×5,
  /// max-pool 2, ReLU; FC 800→500, ReLU; FC 500→10 (for 1×28×28 inputs). (Pooling before
  /// ReLU equals the usual ReLU-then-pool order exactly; it is cheaper.)
  /// - Throws: `NeuralNetError` for bad ranks or input sizes.
  public static func lenet5(
    inputShape: [Int] = [1, 28, 28], classes: Int = 10, ranks: RankPlan = RankPlan(),
    using rng: inout RNG
  ) throws -> Sequential {
    guard inputShape.count == 3, inputShape[1] >= 16, inputShape[2] >= 16 else {
      throw NeuralNetError.invalidArgument(
        "lenet5 needs an input shape [channels, height ≥ 16, width ≥ 16], got \(inputShape)")
    }
    try Limits.check("lenet5", features: inputShape + [classes])
    let c = inputShape[0]
    let side = { (size: Int) in ((size - 4) / 2 - 4) / 2 }
    let flat = 50 * side(inputShape[1]) * side(inputShape[2])
    let conv1 = try conv(
      c, 20, kernel: 5, padding: 0,
      rank: ranks.rank(forLayer: 0, of: 4, fullRank: Swift.min(20, c * 25)),
      initialization: ranks.initialization, using: &rng)
    let conv2 = try conv(
      20, 50, kernel: 5, padding: 0, rank: ranks.rank(forLayer: 1, of: 4, fullRank: 50),
      initialization: ranks.initialization, using: &rng)
    let fc1 = try dense(
      Swift.max(flat, 1), 500,
      rank: ranks.rank(forLayer: 2, of: 4, fullRank: Swift.min(500, Swift.max(flat, 1))),
      initialization: ranks.initialization, using: &rng)
    let fc2 = try dense(
      500, classes, rank: ranks.rank(forLayer: 3, of: 4, fullRank: Swift.min(500, classes)),
      initialization: ranks.initialization, using: &rng)
    // Max-pooling commutes with ReLU (both are monotone), so pooling first computes the
    // same function and gradients while the ReLU touches a quarter of the values.
    return try Sequential(
      name: "lenet5", inputShape: inputShape,
      [
        conv1, try Pool2d(.max, size: 2), Activation(.relu),
        conv2, try Pool2d(.max, size: 2), Activation(.relu),
        Flatten(), fc1, Activation(.relu), fc2,
      ])
  }

  /// A small VGG-style CNN: two blocks of two 3×3 convolutions (32 and 64 channels,
  /// padding 1) each followed by max-pool 2, then FC → 256 → classes.
  /// - Throws: `NeuralNetError` for bad ranks or input sizes.
  public static func vgg(
    inputShape: [Int] = [1, 28, 28], classes: Int = 10, ranks: RankPlan = RankPlan(),
    using rng: inout RNG
  ) throws -> Sequential {
    guard inputShape.count == 3, inputShape[1] >= 4, inputShape[2] >= 4 else {
      throw NeuralNetError.invalidArgument(
        "vgg needs an input shape [channels, height ≥ 4, width ≥ 4], got \(inputShape)")
    }
    try Limits.check("vgg", features: inputShape + [classes])
    let c = inputShape[0]
    let flat = 64 * (inputShape[1] / 4) * (inputShape[2] / 4)
    let widths = [(c, 32), (32, 32), (32, 64), (64, 64)]
    var convs: [any Layer] = []
    for (i, (n, m)) in widths.enumerated() {
      convs.append(
        try conv(
          n, m, kernel: 3, padding: 1,
          rank: ranks.rank(forLayer: i, of: 6, fullRank: Swift.min(m, n * 9)),
          initialization: ranks.initialization, using: &rng))
    }
    let fc1 = try dense(
      flat, 256, rank: ranks.rank(forLayer: 4, of: 6, fullRank: Swift.min(256, flat)),
      initialization: ranks.initialization, using: &rng)
    let fc2 = try dense(
      256, classes, rank: ranks.rank(forLayer: 5, of: 6, fullRank: Swift.min(256, classes)),
      initialization: ranks.initialization, using: &rng)
    return try Sequential(
      name: "vgg", inputShape: inputShape,
      [
        // Pool before the block's last ReLU: the same function, 4× less ReLU work.
        convs[0], Activation(.relu), convs[1], try Pool2d(.max, size: 2), Activation(.relu),
        convs[2], Activation(.relu), convs[3], try Pool2d(.max, size: 2), Activation(.relu),
        Flatten(), fc1, Activation(.relu), fc2,
      ])
  }

  private static func conv(
    _ n: Int, _ m: Int, kernel: Int, padding: Int, rank: Int?,
    initialization: LowRankInitialization, using rng: inout RNG
  ) throws -> any Layer {
    if let rank {
      return try LowRankConv2d(
        n, m, kernel: kernel, rank: rank, padding: padding, initialization: initialization,
        using: &rng)
    }
    return try Conv2d(n, m, kernel: kernel, padding: padding, using: &rng)
  }

  private static func dense(
    _ n: Int, _ m: Int, rank: Int?, initialization: LowRankInitialization, using rng: inout RNG
  ) throws -> any Layer {
    if let rank {
      return try LowRankDense(n, m, rank: rank, initialization: initialization, using: &rng)
    }
    return try Dense(n, m, using: &rng)
  }
}
