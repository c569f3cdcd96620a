// Every adversarial input lies in the ε-ball around its clean input and in [0, 1].
import Attacks
import NeuralNets
import Tensors
import Testing

@Suite struct BallTests {
  @Test(arguments: [Float(0.01), 0.1, 0.3, 2])
  func withinTheBallAndThePixelRange(epsilon: Float) throws {
    let (x, y) = try Fixtures.batch(rows: 37)
    for (name, model) in try Fixtures.models() {
      for attack in try Fixtures.attacks(epsilon: epsilon) {
        let adversarial = try attack.perturb(model, inputs: x, labels: y, seed: 5)
        #expect(adversarial.shape == x.shape)
        let distance = largestNorm(adversarial, x, attack.norm)
        #expect(distance <= Double(epsilon) + 1e-6, "\(attack) on \(name): ‖δ‖ = \(distance)")
        #expect(try adversarial.min() >= 0 && adversarial.max() <= 1, "\(attack) on \(name)")
      }
    }
  }

  @Test func attacksMoveTheInputs() throws {
    // The ball test alone would pass for an attack that does nothing.
    let (x, y) = try Fixtures.batch(rows: 16)
    let model = try Fixtures.models()[0].model
    for attack in try Fixtures.attacks(epsilon: 0.1) {
      let distance = largestNorm(try attack.perturb(model, inputs: x, labels: y), x, attack.norm)
      #expect(distance > 0.05, "\(attack) moved the inputs by only \(distance)")
    }
  }

  @Test func epsilonZeroChangesNothing() throws {
    let (x, y) = try Fixtures.batch(rows: 20)
    for (name, model) in try Fixtures.models() {
      for attack in try Fixtures.attacks(epsilon: 0) {
        #expect(
          try attack.perturb(model, inputs: x, labels: y, seed: 9) == x, "\(attack) on \(name)")
      }
    }
  }

  @Test func sameSeedSameResultAcrossBatching() throws {
    let (x, y) = try Fixtures.batch(rows: 30)
    let model = try Fixtures.models()[2].model
    for attack in try Fixtures.attacks(epsilon: 0.2) {
      let a = try attack.perturb(model, inputs: x, labels: y, seed: 42)
      #expect(try attack.perturb(model, inputs: x, labels: y, seed: 42) == a, "\(attack)")
      if attack.method == .noise || attack.randomStart {
        #expect(try attack.perturb(model, inputs: x, labels: y, seed: 43) != a, "\(attack)")
      }
    }
    // Noise is drawn per example: the rows of a batch get what they get on their own.
    let noise = try Attack.noise(epsilon: 0.2, norm: .l2)
    let whole = try noise.perturb(model, inputs: x, labels: y, seed: 1)
    let tail = try noise.perturb(
      model, inputs: try x.rows(10..<30), labels: try y.rows(10..<30), seed: 1, firstIndex: 10)
    #expect(try whole.rows(10..<30) == tail)
  }

  @Test func noiseHasTheBudgetsNorm() throws {
    // Inputs of 0.5 are never clipped by ±0.2, so the noise keeps its full norm.
    let x = try Tensor(shape: [8, 64], repeating: 0.5)
    let y = Tensor([Float](repeating: 1, count: 8))
    let model = try Fixtures.models()[0].model
    for norm in Norm.allCases {
      let noisy = try Attack.noise(epsilon: 0.2, norm: norm).perturb(model, inputs: x, labels: y)
      for r in 0..<8 {
        let distance = largestNorm(try noisy.rows(r..<(r + 1)), try x.rows(r..<(r + 1)), norm)
        #expect(abs(distance - 0.2) < 1e-5, "\(norm): \(distance)")
      }
    }
  }
}
