// Optimisers against closed forms, and schedules.
import NeuralNets
import Tensors
import Testing

@Suite struct OptimizerTests {
  /// Runs `steps` updates on w with the gradient ∇½‖w‖² = w.
  func minimise(_ rule: Optimizer.Rule, rate: Float, decay: Float = 0, steps: Int) throws -> [Float]
  {
    let w = Parameter("w", Tensor([1, -2]))
    let optimizer = try Optimizer(rule, learningRate: rate, weightDecay: decay)
    for _ in 0..<steps {
      w.grad = w.value
      try optimizer.step([("w", w)])
    }
    return w.value.scalars
  }

  @Test func sgdMatchesClosedForms() throws {
    #expect(try minimise(.sgd(), rate: 0.1, steps: 1) == [0.9, -1.8])
    #expect(try minimise(.sgd(), rate: 0.1, decay: 1, steps: 1) == [0.8, -1.6])
    // Momentum 0.5: v₁ = w₀, w₁ = 0.9w₀; v₂ = 0.5w₀ + 0.9w₀ = 1.4w₀, w₂ = 0.9w₀ − 0.14w₀.
    let two = try minimise(.sgd(momentum: 0.5), rate: 0.1, steps: 2)
    #expect(abs(two[0] - 0.76) < 1e-6)
    // Nesterov: w₁ = w₀ − 0.1(w₀ + 0.5w₀) = 0.85w₀.
    #expect(
      abs(try minimise(.sgd(momentum: 0.5, nesterov: true), rate: 0.1, steps: 1)[0] - 0.85) < 1e-6)
  }

  @Test func adamFirstStepIsTheLearningRate() throws {
    // Bias-corrected m/√v = sign(g) on the first step.
    let w = try minimise(.adam(), rate: 0.01, steps: 1)
    #expect(abs(w[0] - 0.99) < 1e-5 && abs(w[1] + 1.99) < 1e-5)
    let decoupled = try minimise(.adamW(), rate: 0.01, decay: 0.5, steps: 1)
    #expect(abs(decoupled[0] - (0.99 - 0.005)) < 1e-5)
    let converged = try minimise(.adam(), rate: 0.05, steps: 500)
    #expect(converged.allSatisfy { abs($0) < 0.05 })
  }

  @Test func badSettingsAreErrors() {
    #expect(throws: NeuralNetError.self) { try Optimizer(.sgd(), learningRate: -1) }
    #expect(throws: NeuralNetError.self) { try Optimizer(.sgd(momentum: 1), learningRate: 0.1) }
    #expect(throws: NeuralNetError.self) { try Optimizer(.adam(), learningRate: .nan) }
  }

  @Test func schedules() {
    #expect(Schedule.constant.rate(epoch: 9, base: 0.1) == 0.1)
    #expect(Schedule.step(every: 2, gamma: 0.5).rate(epoch: 5, base: 0.8) == 0.2)
    let cosine = Schedule.cosine(epochs: 4, minimum: 0.01)
    #expect(cosine.rate(epoch: 0, base: 0.1) == 0.1)
    #expect(abs(cosine.rate(epoch: 2, base: 0.1) - 0.055) < 1e-6)
    #expect(abs(cosine.rate(epoch: 4, base: 0.1) - 0.01) < 1e-6)
  }
}
