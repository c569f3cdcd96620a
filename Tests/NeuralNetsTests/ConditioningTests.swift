// CondLR's clamp of the singular values and the spectral regulariser's value and gradient.
import Tensors
import Testing

@testable import NeuralNets

@Suite struct ConditioningTests {
  func kappa(_ s: Tensor) throws -> Double {
    let sigma = try s.singularValues().scalars
    return Double(sigma[0] / sigma[sigma.count - 1])
  }

  @Test(arguments: [0.0, 0.1, 0.5, 2.0]) func clampBoundsKappa(_ tau: Double) throws {
    var rng = RNG(seed: 21)
    // A core with κ ≈ 10⁴: singular values spread over four decades.
    let (p, _, qt) = try Tensor.randn([6, 6], using: &rng).svd()
    let s = try p.scalingColumns(by: [10, 3, 1, 0.1, 0.01, 0.001]).matmul(qt)
    let conditioned = try CondLRIntegrator.condition(s, kappaMax: 1 + tau)
    #expect(try kappa(conditioned) <= 1 + tau + 1e-4)
    if tau == 0 {
      // Scaled orthogonal: every singular value is the RMS of the old ones (‖S‖_F is kept).
      #expect(abs(conditioned.frobeniusNorm() - s.frobeniusNorm()) < 1e-4 * s.frobeniusNorm())
    } else {
      // The mean of the clamped values stays within the band around the old mean.
      let old = try s.singularValues().scalars, new = try conditioned.singularValues().scalars
      let m = old.reduce(0, +) / 6
      let e = m * Float(tau / (2 + tau))
      #expect(new.allSatisfy { $0 >= m - e - 1e-4 && $0 <= m + e + 1e-4 })
    }
    // Singular vectors are kept: Pᵀ·S′·Q is diagonal, the clamp only moves singular values.
    let rotated = try p.matmul(conditioned, transposeSelf: true).matmul(qt, transposeOther: true)
    let offDiagonal = try rotated - rotated * Tensor.eye(6)
    #expect(try offDiagonal.abs().max() < 1e-4 * rotated.abs().max())
  }

  @Test func condLRStepsKeepKappaBelowTheBound() throws {
    let net = try smallLowRankNet(rank: 4, seed: 22, decay: 0.1)
    let (x, y) = try syntheticTask(samples: 32, shape: [2, 6, 6], classes: 4, seed: 23)
    var options = TrainingOptions()
    options.lowRank = LowRankTraining(integrator: .condLR(tau: 0.2))
    let trainer = try Trainer(net, options: options)
    var rng = RNG(seed: 24)
    for _ in 0..<5 {
      try trainer.step(inputs: x, labels: y, rng: &rng)
      for case let layer as any LowRankLayer in net.layers {
        #expect(try kappa(layer.s.value) <= 1.2 + 1e-4)
      }
    }
  }

  @Test(arguments: [false, true]) func regularizerGradientMatchesFiniteDifferences(_ squared: Bool)
    throws
  {
    var rng = RNG(seed: 25)
    let s = try Tensor.randn([4, 4], using: &rng)
    let penalty = SpectralRegularizer(beta: 0.7, squared: squared)
    let analytic = try penalty.gradient(s)
    let h: Float = 1e-2
    for i in 0..<4 {
      for j in 0..<4 {
        var plus = s, minus = s
        try plus.setScalar(try s.scalar(at: [i, j]) + h, at: [i, j])
        try minus.setScalar(try s.scalar(at: [i, j]) - h, at: [i, j])
        let numeric = (try penalty.value(plus) - penalty.value(minus)) / (2 * Double(h))
        let exact = Double(try analytic.scalar(at: [i, j]))
        #expect(abs(numeric - exact) <= 2e-3 * max(1, abs(exact)), "∂R/∂S[\(i), \(j)]")
      }
    }
  }

  @Test func regularizerVanishesOnScaledOrthogonalCores() throws {
    var rng = RNG(seed: 26)
    let q = try Tensor.randn([5, 5], using: &rng).qr().q * 3
    let penalty = SpectralRegularizer(beta: 1)
    #expect(try penalty.value(q) < 1e-4)
    #expect(try penalty.gradient(try Tensor.eye(5)).abs().max() == 0)
    #expect(try penalty.value(try Tensor([[2, 0], [0, 1]])) > 0)
    #expect(throws: NeuralNetError.self) { try penalty.value(try Tensor.zeros([2, 3])) }
  }
}
