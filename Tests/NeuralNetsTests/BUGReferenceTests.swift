// The BUG step against the same equations evaluated with the dense gradient G (formed only here).
import Autodiff
import Tensors
import Testing

@testable import NeuralNets

@Suite struct BUGReferenceTests {
  /// ∂L/∂W and ∂L/∂b of softmax cross-entropy for a dense layer y = x·Wᵀ + b.
  func denseGradient(_ w: Tensor, _ b: Tensor, _ x: Tensor, _ y: Tensor) throws -> (Tensor, Tensor) {
    let dense = Dense(weight: w, bias: b)
    let model = try Sequential(inputShape: [w.shape[1]], [dense])
    let pass = ForwardPass(training: true)
    try pass.backward(from: try model.forward(pass.input(x), in: pass).softmaxCrossEntropy(labels: y))
    return (try #require(dense.weight.grad), try #require(dense.bias?.grad))
  }

  /// The orthogonal projector onto the span of an orthonormal basis.
  func projector(_ q: Tensor) throws -> Tensor { try q.matmul(q, transposeOther: true) }

  func trainer(_ net: Sequential, maxRank: Int, momentum: Float, rate: Float) throws -> Trainer {
    var options = TrainingOptions()
    options.rule = .sgd(momentum: momentum)
    options.learningRate = rate
    options.lowRank = LowRankTraining(integrator: .rankAdaptive(.init(theta: 0, maxRank: maxRank)))
    return try Trainer(net, options: options)
  }

  @Test func oneStepMatchesTheDenseEquations() throws {
    var rng = RNG(seed: 11)
    let layer = try LowRankDense(6, 5, rank: 2, using: &rng)
    let net = try Sequential(inputShape: [6], [layer])
    let (x, y) = (try Tensor.randn([8, 6], using: &rng), Tensor([0, 1, 2, 3, 4, 0, 1, 2]))
    let (u0, v0, w0, b0) = (layer.u.value, layer.v.value, try layer.denseWeight(), try #require(layer.bias?.value))
    let (g, gb) = try denseGradient(w0, b0, x, y)
    let h: Float = 0.1
    try trainer(net, maxRank: 4, momentum: 0, rate: h).step(inputs: x, labels: y, rng: &rng)
    // K-step Û = orth([U₀, K₁]), L-step V̂ = orth([V₀, L₁]), S₁ = Ûᵀ(W₀ − hG)V̂ (= S̃ − hÛᵀGV̂).
    let s0 = try u0.matmul(w0, transposeSelf: true).matmul(v0)
    let k1 = try u0.matmul(s0) - g.matmul(v0) * h
    let l1 = try v0.matmul(s0, transposeOther: true) - g.matmul(u0, transposeSelf: true) * h
    let uHat = try Tensor.concat([u0, k1], axis: 1).qr().q
    let vHat = try Tensor.concat([v0, l1], axis: 1).qr().q
    let reference = try projector(uHat).matmul(w0 - g * h).matmul(projector(vHat))
    #expect(layer.rank == 4)
    #expect(try (layer.denseWeight() - reference).abs().max() < 1e-5)
    #expect(try (try #require(layer.bias?.value) - (b0 - gb * h)).abs().max() < 1e-6)
  }

  @Test func momentumIsCarriedThroughTheBasisChange() throws {
    var rng = RNG(seed: 12)
    let layer = try LowRankDense(8, 8, rank: 1, using: &rng)
    let net = try Sequential(inputShape: [8], [layer])
    let x = try Tensor.randn([16, 8], using: &rng)
    let y = Tensor((0..<16).map { Float($0 % 8) })
    let (h, mu): (Float, Float) = (0.2, 0.9)
    let bug = try trainer(net, maxRank: 4, momentum: mu, rate: h)
    var velocity = try Tensor.zeros([8, 8])  // the S-step's velocity, in W coordinates
    for step in 1...2 {
      let (u0, v0, w0) = (layer.u.value, layer.v.value, try layer.denseWeight())
      let (g, _) = try denseGradient(w0, try #require(layer.bias?.value), x, y)
      let uHat = try Tensor.concat([u0, g.matmul(v0)], axis: 1).qr().q
      let vHat = try Tensor.concat([v0, g.matmul(u0, transposeSelf: true)], axis: 1).qr().q
      // Nothing is truncated (ϑ = 0), so the old velocity lies in the new bases unchanged.
      velocity = try velocity * mu + projector(uHat).matmul(g).matmul(projector(vHat))
      try bug.step(inputs: x, labels: y, rng: &rng)
      #expect(layer.rank == 2 * u0.shape[1], "step \(step)")
      #expect(try (layer.denseWeight() - (w0 - velocity * h)).abs().max() < 1e-5, "step \(step)")
    }
  }

  @Test func adamMomentsFollowTheRank() throws {
    var rng = RNG(seed: 13)
    let net = try smallLowRankNet(rank: 4, seed: 14)
    let (x, y) = try syntheticTask(samples: 32, shape: [2, 6, 6], classes: 4, seed: 15)
    var options = TrainingOptions()
    options.rule = .adam()
    options.learningRate = 0.01
    options.lowRank = LowRankTraining(integrator: .rankAdaptive(.init(theta: 0.2)))
    let trainer = try Trainer(net, options: options)
    for _ in 0..<5 {
      try trainer.step(inputs: x, labels: y, rng: &rng)
      for (index, layer) in net.layers.enumerated() {
        guard let lowRank = layer as? any LowRankLayer else { continue }
        let moments = try #require(trainer.optimizer.state["layers.\(index).S"])
        #expect(moments.map(\.shape) == [[lowRank.rank, lowRank.rank], [lowRank.rank, lowRank.rank]])
        #expect(try moments[1].min() >= 0)
      }
    }
  }

  @Test func truncationRankFollowsTheTolerance() {
    let sigma: [Float] = [4, 2, 1, 0.5]  // energies 16, 4, 1, 0.25 of 21.25
    #expect(RankAdaptiveBUG.truncationRank(sigma, theta: 0, minRank: 1, maxRank: 4) == 4)
    // Tail of the last value: √0.25 = 0.5 ≤ 0.15·√21.25 ≈ 0.69, the last two: √1.25 ≈ 1.12.
    #expect(RankAdaptiveBUG.truncationRank(sigma, theta: 0.15, minRank: 1, maxRank: 4) == 3)
    // ϑ = 0.3: 0.09·21.25 ≈ 1.91 ≥ 1 + 0.25 but < 4 + 1 + 0.25; ϑ = 0.5: 5.31 ≥ 5.25.
    #expect(RankAdaptiveBUG.truncationRank(sigma, theta: 0.3, minRank: 1, maxRank: 4) == 2)
    #expect(RankAdaptiveBUG.truncationRank(sigma, theta: 0.5, minRank: 1, maxRank: 4) == 1)
    #expect(RankAdaptiveBUG.truncationRank(sigma, theta: 0.5, minRank: 3, maxRank: 4) == 3)
    #expect(RankAdaptiveBUG.truncationRank(sigma, theta: 0, minRank: 1, maxRank: 2) == 2)
    #expect(RankAdaptiveBUG.truncationRank([0, 0], theta: 0.1, minRank: 1, maxRank: 2) == 1)
  }
}
