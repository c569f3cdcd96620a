// Adversarial training through fit's adversary hook: reproducible, and more robust.
import Attacks
import NeuralNets
import Tensors
import Testing

@Suite(.serialized) struct AdversarialTrainingTests {
  func train(adversary: (any TrainingAdversary)?, data: TensorData) throws -> (Sequential, History)
  {
    var rng = RNG(seed: 30)
    let net = try Architectures.mlp([64, 64, 10], using: &rng)
    var options = TrainingOptions()
    options.epochs = 20
    options.seed = 4
    options.adversary = adversary
    return (net, try net.fit(data, options: options))
  }

  @Test func fgsmTrainingRaisesRobustAccuracy() throws {
    let (_, test) = try Fixtures.digits.get()
    let dataset = try Fixtures.digitsSplit().train
    let attack = try Attack.fgsm(epsilon: 0.1)
    let (plain, _) = try train(adversary: nil, data: dataset)
    let (robust, history) = try train(
      adversary: try AdversarialTraining(attack: attack), data: dataset)
    let before = try attack.evaluate(plain, on: test)
    let after = try attack.evaluate(robust, on: test)
    print(
      "UCI digits, FGSM ε = 0.1: plain training \(before.cleanAccuracy) clean / \(before.accuracy) "
        + "robust; FGSM training \(after.cleanAccuracy) / \(after.accuracy)")
    #expect(after.accuracy > before.accuracy + 0.1)
    // Same seed, same adversarial run.
    let (_, again) = try train(adversary: try AdversarialTraining(attack: attack), data: dataset)
    #expect(again == history)
  }

  @Test func mixedBatchesAttackOnlyTheirShare() throws {
    let (net, test) = try Fixtures.digits.get()
    let (x, y) = try test.batch(Array(0..<10))
    var rng = RNG(seed: 1)
    let half = try AdversarialTraining(attack: .fgsm(epsilon: 0.1), fraction: 0.5)
    let mixed = try half.trainingInputs(for: net, inputs: x, labels: y, rng: &rng)
    #expect(try mixed.rows(5..<10) == x.rows(5..<10))
    #expect(largestNorm(try mixed.rows(0..<5), try x.rows(0..<5), .linf) > 0.09)
  }
}
