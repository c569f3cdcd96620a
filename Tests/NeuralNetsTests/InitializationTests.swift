// Low-rank starts: the default truncated Kaiming SVD and the papers' squared- and half-normal spectra.
import NeuralNets
import Tensors
import Testing

@Suite struct InitializationTests {
  func orthonormalityError(_ u: Tensor) throws -> Float {
    try (u.matmul(u, transposeSelf: true) - Tensor.eye(u.shape[1])).abs().max()
  }

  /// The default is unchanged: the truncated SVD of the Kaiming draw the same seed gives.
  @Test func defaultIsTheTruncatedKaimingSVD() throws {
    var a = RNG(seed: 7)
    var b = RNG(seed: 7)
    let layer = try LowRankDense(30, 20, rank: 6, using: &a)
    let w = try Initialization.kaimingNormal([20, 30], fanIn: 30, using: &b)
    let sigma = try w.singularValues().scalars
    let kept = try layer.singularValues().scalars
    #expect(zip(kept, sigma.prefix(6)).allSatisfy { abs($0 - $1) < 1e-4 })
  }

  @Test(arguments: [
    (800, 500, 100, LowRankInitialization.squaredNormalSpectrum),
    (25, 20, 4, .squaredNormalSpectrum), (500, 50, 10, .squaredNormalSpectrum),
    (800, 500, 100, .halfNormalSpectrum), (25, 20, 4, .halfNormalSpectrum),
  ])
  func spectralStartsHaveOrthonormalBasesAndASortedDiagonalCore(
    inputs: Int, outputs: Int, rank: Int, start: LowRankInitialization
  ) throws {
    var rng = RNG(seed: 11)
    let (u, s, v) = try Initialization.lowRankFactors(
      outputs: outputs, inputs: inputs, rank: rank, initialization: start, using: &rng)
    #expect(u.shape == [outputs, rank] && v.shape == [inputs, rank] && s.shape == [rank, rank])
    #expect(try orthonormalityError(u) < 1e-5)
    #expect(try orthonormalityError(v) < 1e-5)
    let diagonal = try (0..<rank).map { try s.scalar(at: [$0, $0]) }
    let offDiagonal = s.scalars.enumerated().filter { $0.offset / rank != $0.offset % rank }
    #expect(offDiagonal.allSatisfy { $0.element == 0 }, "S is diagonal")
    #expect(diagonal == diagonal.sorted(by: >) && diagonal.allSatisfy { $0 >= 0 })
  }

  /// z² over r draws: the mean near E[z²] = 1 and κ far above the Kaiming start's.
  @Test func squaredNormalSpectrumIsIllConditioned() throws {
    var rng = RNG(seed: 3)
    let plan = RankPlan(rank: 0.2, initialization: .squaredNormalSpectrum)
    let net = try Architectures.lenet5(ranks: plan, using: &rng)
    let fc1 = try #require(net.layers.compactMap { $0 as? LowRankDense }.first)
    let sigma = try fc1.singularValues().scalars
    #expect(sigma.count == 100)
    #expect(abs(sigma.reduce(0, +) / 100 - 1) < 0.4)
    #expect(sigma[0] / sigma[99] > 100)
    var kaimingRNG = RNG(seed: 3)
    let kaiming = try Architectures.lenet5(ranks: RankPlan(rank: 0.2), using: &kaimingRNG)
    for layer in kaiming.layers.compactMap({ $0 as? any LowRankLayer }) {
      let values = try layer.singularValues().scalars
      #expect(values[0] / values[values.count - 1] < 3)
    }
  }

  /// |z| over r draws: the mean near E|z| = √(2/π) ≈ 0.80, and the same bases and draws as
  /// the squared-normal start of the same seed (only the spectrum's transform differs).
  @Test func halfNormalSpectrumIsTheAbsoluteValueOfTheSameDraws() throws {
    var a = RNG(seed: 5)
    var b = RNG(seed: 5)
    let half = try Initialization.lowRankFactors(
      outputs: 500, inputs: 800, rank: 100, initialization: .halfNormalSpectrum, using: &a)
    let squared = try Initialization.lowRankFactors(
      outputs: 500, inputs: 800, rank: 100, initialization: .squaredNormalSpectrum, using: &b)
    #expect(half.u.scalars == squared.u.scalars && half.v.scalars == squared.v.scalars)
    let h = try (0..<100).map { try half.s.scalar(at: [$0, $0]) }
    let q = try (0..<100).map { try squared.s.scalar(at: [$0, $0]) }
    #expect(zip(h, q).allSatisfy { abs($0 * $0 - $1) <= 1e-5 * Swift.max(1, $1) })
    #expect(abs(h.reduce(0, +) / 100 - 0.8) < 0.15)
  }

  @Test func squaredNormalSpectrumChecksTheRank() {
    var rng = RNG(seed: 1)
    #expect(throws: NeuralNetError.self) {
      try LowRankConv2d(
        1, 20, kernel: 5, rank: 26, initialization: .squaredNormalSpectrum, using: &rng)
    }
  }
}
