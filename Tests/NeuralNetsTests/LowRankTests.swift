// Low-rank layers: SVD initialisation, integrator data (G·V without G), orthonormal training.
import Autodiff
import NeuralNets
import Tensors
import Testing

@Suite struct LowRankTests {
  /// Max |a − b| over two equally shaped tensors.
  func distance(_ a: Tensor, _ b: Tensor) throws -> Float {
    try (a - b).abs().max()
  }

  func orthonormalityError(_ u: Tensor) throws -> Float {
    try distance(u.matmul(u, transposeSelf: true), Tensor.eye(u.shape[1]))
  }

  @Test func initialisedFromATrainedDenseLayer() throws {
    var rng = RNG(seed: 1)
    let dense = try Dense(12, 8, using: &rng)
    let full = try LowRankDense(from: dense, rank: 8)
    #expect(try distance(full.denseWeight(), dense.weight.value) < 1e-4)
    let truncated = try LowRankDense(from: dense, rank: 3)
    #expect(try orthonormalityError(truncated.u.value) < 1e-5)
    #expect(try orthonormalityError(truncated.v.value) < 1e-5)
    let sigma = try dense.weight.value.singularValues().scalars
    #expect(zip(try truncated.singularValues().scalars, sigma).allSatisfy { abs($0 - $1) < 1e-4 })
    #expect(throws: NeuralNetError.self) { try LowRankDense(from: dense, rank: 9) }
  }

  @Test func integratorDataGivesTheDenseGradientProducts() throws {
    var rng = RNG(seed: 2)
    let lowRank = try LowRankDense(7, 5, rank: 2, using: &rng)
    let dense = Dense(weight: try lowRank.denseWeight(), bias: lowRank.bias?.value)
    let x = try Tensor.randn([6, 7], using: &rng)
    let labels = Tensor([0, 1, 2, 3, 4, 0])
    for model in [
      try Sequential(inputShape: [7], [lowRank]), try Sequential(inputShape: [7], [dense]),
    ] {
      let pass = ForwardPass(training: true)
      try pass.backward(
        from: try model.forward(pass.input(x), in: pass).softmaxCrossEntropy(labels: labels))
    }
    let g = try #require(dense.weight.grad)  // G = ∂L/∂W, formed densely only here
    let v = lowRank.v.value, u = lowRank.u.value
    #expect(try distance(lowRank.gradientTimes(v), g.matmul(v)) < 1e-5)
    #expect(
      try distance(lowRank.gradientTransposeTimes(u), g.matmul(u, transposeSelf: true)) < 1e-5)
  }

  @Test func convIntegratorDataGivesTheDenseGradientProducts() throws {
    var rng = RNG(seed: 3)
    let lowRank = try LowRankConv2d(2, 4, kernel: 3, rank: 2, padding: 1, using: &rng)
    let conv = Conv2d(
      weight: try lowRank.denseWeight().reshaped([4, 2, 3, 3]), bias: lowRank.bias?.value,
      padding: 1)
    let x = try Tensor.randn([3, 2, 5, 5], using: &rng)
    for model in [
      try Sequential(inputShape: [2, 5, 5], [lowRank]),
      try Sequential(inputShape: [2, 5, 5], [conv]),
    ] {
      let pass = ForwardPass(training: true)
      try pass.backward(from: try model.forward(pass.input(x), in: pass).pow(2).sum())
    }
    let g = try #require(conv.weight.grad).reshaped([4, 18])
    let v = lowRank.v.value, u = lowRank.u.value
    #expect(try distance(lowRank.gradientTimes(v), g.matmul(v)) < 1e-3)
    #expect(
      try distance(lowRank.gradientTransposeTimes(u), g.matmul(u, transposeSelf: true)) < 1e-3)
  }

  @Test func fixedRankTrainingKeepsBasesOrthonormal() throws {
    var rng = RNG(seed: 4)
    let net = try Architectures.mlp(
      [10, 8, 3], ranks: RankPlan(rank: 3, classifier: true), using: &rng)
    let x = try Tensor.randn([32, 10], using: &rng)
    let y = try Tensor.rand([32], using: &rng).map { ($0 * 3).rounded(.down) }
    let optimizer = try Optimizer(.sgd(momentum: 0.9), learningRate: 0.1)
    var first = 0.0, last = 0.0
    for step in 0..<40 {
      let loss = try net.trainStep(inputs: x, labels: y, optimizer: optimizer, rng: &rng).loss
      if step == 0 { first = loss }
      last = loss
    }
    #expect(last < first * 0.8)
    for layer in net.layers.compactMap({ $0 as? any LowRankLayer }) {
      #expect(try orthonormalityError(layer.u.value) < 1e-5)
      #expect(try orthonormalityError(layer.v.value) < 1e-5)
      #expect(layer.rank == 3)
    }
  }
}
