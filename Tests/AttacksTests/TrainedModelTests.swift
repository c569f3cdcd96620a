// On a trained model: PGD ≤ FGSM ≤ noise in accuracy, reports and sweeps agree, ε = 0 is clean.
import Attacks
import NeuralNets
import Tensors
import Testing

@Suite(.serialized) struct TrainedModelTests {
  @Test(arguments: [Float(0.05), 0.1, 0.2])
  func pgdBeatsFGSMBeatsNoise(epsilon: Float) throws {
    let (net, test) = try Fixtures.digits.get()
    let clean = try net.accuracy(test)
    let noise = try Attack.noise(epsilon: epsilon).evaluate(net, on: test, seed: 1)
    let fgsm = try Attack.fgsm(epsilon: epsilon).evaluate(net, on: test)
    let pgd = try Attack.pgd(epsilon: epsilon).evaluate(net, on: test, seed: 1)
    print(
      "UCI digits MLP, ε = \(epsilon): clean \(clean), noise \(noise.accuracy), "
        + "FGSM \(fgsm.accuracy), PGD \(pgd.accuracy)")
    #expect(clean >= 0.9)
    #expect(pgd.accuracy <= fgsm.accuracy)
    #expect(fgsm.accuracy <= noise.accuracy)
    #expect(fgsm.accuracy < clean - 0.05)  // the attack does something at all
    #expect(fgsm.cleanAccuracy == clean)
  }

  @Test func l2AttacksOrderAlike() throws {
    let (net, test) = try Fixtures.digits.get()
    let noise = try Attack.noise(epsilon: 1, norm: .l2).evaluate(net, on: test, seed: 2)
    let fgm = try Attack.fgm(epsilon: 1, norm: .l2).evaluate(net, on: test)
    let pgd = try Attack.pgd(epsilon: 1, norm: .l2).evaluate(net, on: test, seed: 2)
    print(
      "UCI digits MLP, L2 ε = 1: noise \(noise.accuracy), FGM \(fgm.accuracy), PGD \(pgd.accuracy)")
    #expect(pgd.accuracy <= fgm.accuracy)
    #expect(fgm.accuracy <= noise.accuracy)
  }

  @Test func reportPerExample() throws {
    let (net, test) = try Fixtures.digits.get()
    let report = try Attack.fgsm(epsilon: 0.1).evaluate(net, on: test, batchSize: 64)
    #expect(report.count == test.count)
    #expect(report.norms.allSatisfy { $0 <= 0.1 + 1e-6 })
    #expect(report.norms.allSatisfy { $0 > 0.09 })  // FGSM moves some pixel by the full ε
    #expect(report.lossChange > 0)
    #expect(abs(report.lossChange - (report.loss - report.cleanLoss)) < 1e-12)
    let flipped = zip(report.cleanCorrect, report.correct).filter { $0 && !$1 }.count
    #expect(report.successRate == Double(flipped) / Double(report.cleanCorrect.filter { $0 }.count))
    // Batching does not change the deterministic attack's outcome per example.
    let whole = try Attack.fgsm(epsilon: 0.1).evaluate(net, on: test, batchSize: 1000)
    #expect(whole.correct == report.correct)
  }

  @Test func sweepMatchesSingleEvaluations() throws {
    let (net, test) = try Fixtures.digits.get()
    var rng = RNG(seed: 5)
    let other = try Architectures.mlp([64, 16, 10], using: &rng)
    let sweep = try RobustnessSweep(
      attacks: [.fgsm(epsilon: 0), .pgd(epsilon: 0)], epsilons: [0, 0.05, 0.1])
    let rows = try sweep.run([("trained", net), ("untrained", other)], on: test)
    #expect(rows.count == 2 * 2 * 3)
    #expect(
      rows.map(\.model) == Array(repeating: "trained", count: 6)
        + Array(repeating: "untrained", count: 6))
    #expect(rows.prefix(3).map(\.attack) == ["FGSM", "FGSM", "FGSM"])
    #expect(rows[3].attack == "PGD-L∞")
    #expect(rows.map(\.epsilon).prefix(3) == [0, 0.05, 0.1])
    let clean = try net.evaluate(test)
    #expect(rows[0].accuracy == clean.accuracy && rows[3].accuracy == clean.accuracy)
    #expect(abs(rows[0].loss - clean.loss) < 1e-4)
    let pgd = try Attack.pgd(epsilon: 0.1).evaluate(net, on: test, seed: sweep.seed)
    #expect(rows[5].accuracy == pgd.accuracy)
    #expect(rows[2].accuracy == (try Attack.fgsm(epsilon: 0.1).evaluate(net, on: test)).accuracy)
  }

  @Test func sweepNamesTellAttacksOfOneFamilyApart() throws {
    let (net, test) = try Fixtures.digits.get()
    let sweep = try RobustnessSweep(
      attacks: [.pgd(epsilon: 0), .pgd(epsilon: 0, steps: 3, randomStart: false)], epsilons: [0])
    let names = try sweep.run([("net", net)], on: test).map(\.attack)
    #expect(names == ["PGD-L∞ (10 steps, random start)", "PGD-L∞ (3 steps, no random start)"])
  }
}
