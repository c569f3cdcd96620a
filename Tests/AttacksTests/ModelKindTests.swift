// Attacks see the model in inference mode, and in pixel units when the data are standardised.
import Attacks
import NeuralNets
import Tensors
import Testing

@Suite struct ModelKindTests {
  @Test func dropoutIsOffWhileAttacking() throws {
    var rng = RNG(seed: 8)
    let (first, last) = (try Dense(64, 32, using: &rng), try Dense(32, 10, using: &rng))
    let plain = try Sequential(inputShape: [64], [first, Activation(.relu), last])
    let dropped = try Sequential(
      inputShape: [64], [first, try Dropout(rate: 0.5), Activation(.relu), last])
    let (x, y) = try Fixtures.batch(rows: 10)
    let attack = try Attack.pgd(epsilon: 0.1, randomStart: false)
    #expect(
      try attack.perturb(dropped, inputs: x, labels: y)
        == attack.perturb(plain, inputs: x, labels: y))
  }

  @Test func standardisedDataAreAttackedInPixelUnits() throws {
    // A model reading (p − m)/s with weights W·s and bias b + W·m computes W·p + b: the
    // same function of the pixels, so the attacks must agree in pixel units.
    var rng = RNG(seed: 12)
    let w = try Tensor.randn([10, 64], using: &rng)
    let b = try Tensor.randn([10], using: &rng)
    let (m, s): (Float, Float) = (0.3, 0.4)
    let onPixels = try Sequential(inputShape: [64], [Dense(weight: w, bias: b)])
    let shiftedBias = try b + (try w.sum(axis: 1) * m)
    let onStandardised = try Sequential(inputShape: [64], [Dense(weight: w * s, bias: shiftedBias)])
    let scale = try InputNormalization(
      mean: Tensor(scalar: m), standardDeviation: Tensor(scalar: s))
    let (x, y) = try Fixtures.batch(rows: 9)
    let pixels = try x.reshaped([9, 64])
    let standardised = (pixels - m) / s
    for attack in [
      try Attack.fgsm(epsilon: 0.1), try .fgm(epsilon: 0.5), try .pgd(epsilon: 0.1, norm: .l2),
    ] {
      let expected = try attack.perturb(onPixels, inputs: pixels, labels: y, seed: 3)
      let got = try attack.perturb(
        onStandardised, inputs: standardised, labels: y, normalization: scale, seed: 3)
      #expect(got.shape == standardised.shape)
      #expect(largestNorm(got * s + m, expected, .linf) < 1e-4, "\(attack)")
    }
  }

  @Test func inputsOutsideThePixelRangeAreRefused() throws {
    let model = try Fixtures.models()[0].model
    let x = try Tensor(shape: [2, 64], repeating: 1.5)
    let y = Tensor([0, 1])
    #expect(throws: AttackError.notPixels(low: 1.5, high: 1.5)) {
      try Attack.fgsm(epsilon: 0.1).perturb(model, inputs: x, labels: y)
    }
    #expect("\(AttackError.notPixels(low: -0.4, high: 2.8))".contains("[-0.4, 2.8]"))
  }

  @Test func badSettingsAreErrors() throws {
    #expect(throws: AttackError.self) { try Attack.fgsm(epsilon: -0.1) }
    #expect(throws: AttackError.self) { try Attack.fgsm(epsilon: .nan) }
    #expect(throws: AttackError.self) { try Attack.pgd(epsilon: 0.1, steps: 0) }
    #expect(throws: AttackError.self) { try Attack.pgd(epsilon: 0.1, stepSize: -1) }
    #expect(throws: AttackError.self) { try Attack(.fgsm, epsilon: 0.1, norm: .l2) }
    #expect(throws: AttackError.self) { try RobustnessSweep(attacks: [], epsilons: [0.1]) }
    #expect(throws: AttackError.self) {
      try AdversarialTraining(attack: .fgsm(epsilon: 0.1), fraction: 0)
    }
    let model = try Fixtures.models()[0].model
    let (x, _) = try Fixtures.batch(rows: 4)
    #expect(throws: AttackError.self) {
      try Attack.fgsm(epsilon: 0.1).perturb(model, inputs: x, labels: Tensor([1, 2]))
    }
  }

  @Test func descriptions() throws {
    #expect(
      try Attack.pgd(epsilon: 0.1).description
        == "PGD-L∞ (ε = 0.1, 10 steps of 0.025, random start)")
    #expect(try Attack.fgm(epsilon: 0.5).name == "FGM-L2")
    #expect(try Attack.noise(epsilon: 0.1).description == "noise-L∞ (ε = 0.1)")
    #expect(try Attack.pgd(epsilon: 0.3, steps: 20).with(epsilon: 0.1).stepSize == 2.5 * 0.1 / 20)
  }
}
