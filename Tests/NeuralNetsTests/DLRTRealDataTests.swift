// The real-data claims for DLRT on Fashion-MNIST LeNet5: ranks shrink, β lowers κ.
import Foundation
import NeuralNets
import Tensors
import Testing

/// Fashion-MNIST, read once for the suite.
private let fashion = Result { try TestData.fashionMNIST() }

/// The first `count` training and 5,000 test images: a budget that keeps each test under
/// two minutes on one core (see `docs/reproduction.md` for full-data runs).
private func reducedFashion(_ count: Int = 20_000) throws -> (train: Subset, test: Subset) {
  let (train, test) = try fashion.get()
  return (Subset(train, indices: Array(0..<count)), Subset(test, indices: Array(0..<5_000)))
}

/// Adam at 10⁻³, as the 2025 paper's code trains (AdamW there, without weight decay), on
/// every weight: dense layers, biases and the low-rank S-steps alike.
private func options(epochs: Int, seed: UInt64, rule: LowRankTraining? = nil) -> TrainingOptions {
  var options = TrainingOptions()
  options.epochs = epochs
  options.learningRate = 0.001
  options.rule = .adam()
  options.schedule = .cosine(epochs: epochs)
  options.batchSize = 128
  options.seed = seed
  options.lowRank = rule
  return options
}

/// κ(S) = σ_max/σ_min of every low-rank layer (the dense classifier left out).
private func kappas(_ net: Sequential) throws -> [Double] {
  try net.layers.compactMap { $0 as? any LowRankLayer }.map { layer in
    let sigma = try layer.singularValues().scalars
    return Double(sigma[0] / sigma[sigma.count - 1])
  }
}

@Suite(.serialized) struct DLRTRealDataTests {
  @Test func rankAdaptiveTrainingShrinksRanksAndCompresses() throws {
    // Four epochs on 15,000 images (~85 s for both models): more passes over fewer images
    // end closer to dense than three over 20,000 (2.5 against 2.7 points) in less time.
    let (train, test) = try reducedFashion(15_000)
    let epochs = 4
    // As the 2025 paper's code trains DLRT (compressed_transfer_learning.py): Adam and an
    // augmentation period (there 10; 5 here, see below); the dense reference gets the same
    // optimiser and schedule. With SGD, momentum 0.9 and period 1 the same budget ends 6–7
    // points below dense; docs/reproduction.md lists what each change measured.
    var settings = options(epochs: epochs, seed: 41)
    var rng = RNG(seed: 41)
    let dense = try Architectures.lenet5(using: &rng)
    _ = try dense.fit(train, options: settings)
    let denseAccuracy = try dense.accuracy(test)
    // Start at r_max = half of full rank (10, 25, 250), classifier dense, as the DLRT paper.
    let net = try Architectures.lenet5(ranks: RankPlan(rank: 0.5), using: &rng)
    let start = net.layers.compactMap { ($0 as? any LowRankLayer)?.rank }
    // Period 5: the paper code's 10 leaves FC1 near rank 65 after this budget (75 %
    // compression): the longer S-only stretch grows more directions above ϑ.
    settings.lowRank = LowRankTraining(
      integrator: .rankAdaptive(RankAdaptiveSettings(theta: 0.15, period: 5)))
    let history = try net.fit(train, options: settings)
    let accuracy = try net.accuracy(test)
    let ranks = net.layers.compactMap { ($0 as? any LowRankLayer)?.rank }
    print(
      "Fashion-MNIST (15k/5k), LeNet5 rank-adaptive ϑ = 0.15, period 5, Adam 1e-3, \(epochs)"
        + " epochs: ranks \(start) → \(ranks) (per epoch \(history.ranks)), compression"
        + " \(net.compression), test accuracy \(accuracy); dense LeNet5 \(denseAccuracy)")
    #expect(zip(start, ranks).allSatisfy { $0.1 <= $0.0 })
    #expect(ranks.reduce(0, +) < start.reduce(0, +) / 2, "the ranks shrink from r_max")
    #expect(net.compression >= 0.80)
    #expect(accuracy >= denseAccuracy - 0.03)
  }

  @Test func spectralRegularizerLowersKappa() throws {
    let (train, test) = try reducedFashion()
    var results: [(kappas: [Double], mean: Double, accuracy: Double)] = []
    // β = 1.0. The PyTorch reference used 0.1 (where 1.0 collapsed its SGD run to
    // chance); here, with Adam from the squared-normal start, 1.0 trains as well as β = 0
    // (81.0 vs 80.7 %), while 0.1 lowered the mean only 3.5–30× depending on rounding in
    // the first layer's tiny singular values — the pull of R on σᵢ is proportional to σᵢ,
    // so the ones that start near 1e-4 rise slowly.
    for beta in [0.0, 1.0] {
      var rng = RNG(seed: 43)
      // Fixed rank at 20% of full rank (4, 10, 100), as in the PyTorch reference run, from
      // the 2025 paper's start: random orthonormal U, V and S = diag(sorted zᵢ²), whose
      // κ(S) is in the thousands (lrnb's default Kaiming-SVD start has κ ≈ 1.2, which no
      // regulariser can divide by 5).
      let plan = RankPlan(rank: 0.2, initialization: .squaredNormalSpectrum)
      let net = try Architectures.lenet5(ranks: plan, using: &rng)
      let rule = LowRankTraining(
        integrator: .fixedRank, regularizer: beta > 0 ? SpectralRegularizer(beta: beta) : nil)
      // Adam: from this start, SGD with momentum 0.9 at 0.05 diverges without β (NaN loss
      // at step 189). A constant rate: the cosine schedule's last steps would also shrink
      // β's steps.
      var settings = options(epochs: 2, seed: 43, rule: rule)
      settings.schedule = .constant
      _ = try net.fit(train, options: settings)
      let perLayer = try kappas(net)
      let mean = perLayer.reduce(0, +) / Double(perLayer.count)
      results.append((perLayer, mean, try net.accuracy(test)))
      print(
        "Fashion-MNIST (20k/5k), LeNet5 fixed rank 20% from S = diag(sorted zᵢ²), Adam 1e-3,"
          + " β = \(beta), 2 epochs: κ(S) per layer \(perLayer), mean \(mean), test accuracy"
          + " \(results[results.count - 1].accuracy)")
    }
    let (plain, regularized) = (results[0], results[1])
    #expect(regularized.mean * 5 <= plain.mean, "β lowers the mean κ(S) at least 5×")
    // The mean is dominated by the fully connected layer's κ (thousands); the geometric
    // mean shows the fall is not that layer's alone.
    let geometric = { (k: [Double]) in exp(k.map { log($0) }.reduce(0, +) / Double(k.count)) }
    #expect(geometric(regularized.kappas) * 2 <= geometric(plain.kappas))
    #expect(regularized.accuracy >= plain.accuracy - 0.02)
  }
}
