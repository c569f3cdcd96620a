// Attacks: FGSM and PGD on LeNet5 models trained by lrnb on Fashion-MNIST — adversarial
// accuracy (for the PyTorch cross-check, python/attacks.py) and attack throughput.
import Attacks
import Datasets
import Foundation
import NeuralNets
import Tensors

/// Where the trained models and the manifest for the Python side live (git ignores it).
let attacksCache = URL(fileURLWithPath: "bench/.cache/attacks", isDirectory: true)

/// The settings both sides run, written to `manifest.json` for python/attacks.py.
struct AttackManifest: Codable {
  struct Model: Codable { var name: String, file: String }
  struct Case: Codable { var attack: String, epsilon: Float, steps: Int }
  var models: [Model]
  var examples: Int
  var batch: Int
  var cases: [Case]
}

/// One attack's result on one side, printed as a JSON line (median time and adversarial accuracy).
struct AttackMeasurement: Encodable {
  var suite = "attacks"
  var `case`: String
  var impl: String
  var medianMs: Double
  var minMs: Double
  var repeats: Int
  var rate: Double
  var rateUnit = "examples/s"
  var accuracy: Double
}

func attacksBench(repeats: Int) throws {
  let environment = ProcessInfo.processInfo.environment
  BLAS.threadCount = Int(environment["LRNB_BENCH_THREADS"] ?? "2") ?? 2
  let examples = Int(environment["LRNB_ATTACK_EXAMPLES"] ?? "2000") ?? 2000
  let batch = Int(environment["LRNB_ATTACK_BATCH"] ?? "250") ?? 250
  // PGD on thousands of images takes seconds: a few timed runs give a stable median.
  let runs = max(1, min(repeats, 3))
  try FileManager.default.createDirectory(at: attacksCache, withIntermediateDirectories: true)
  let test = try FashionMNIST.load(split: .test, limit: examples)
  let data = try TensorData(inputs: test.inputs, labels: test.labelTensor)
  let manifest = AttackManifest(
    models: [
      .init(name: "LeNet5 dense", file: "lenet5-dense.safetensors"),
      .init(name: "LeNet5 low-rank 20%", file: "lenet5-lowrank.safetensors"),
    ],
    examples: data.count, batch: batch,
    cases: [0.02, 0.05, 0.1].flatMap { e in
      [.init(attack: "fgsm", epsilon: e, steps: 1), .init(attack: "pgd", epsilon: e, steps: 10)]
    })
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  try encoder.encode(manifest).write(to: attacksCache.appendingPathComponent("manifest.json"))
  for model in manifest.models {
    let net = try trainedAttackModel(model)
    var clean = 0.0
    let inference = try time(repeats: runs, warmup: 1) { clean = try net.accuracy(data) }
    emitAttack(
      case: "\(model.name) clean", impl: "lrnb", samples: inference, examples: data.count,
      accuracy: clean)
    for spec in manifest.cases {
      let attack =
        spec.attack == "fgsm"
        ? try Attack.fgsm(epsilon: spec.epsilon)
        : try Attack.pgd(epsilon: spec.epsilon, steps: spec.steps, randomStart: false)
      var adversarial: [Tensor] = []
      let samples = try time(repeats: runs, warmup: 1) {
        adversarial = try stride(from: 0, to: data.count, by: batch).map { start in
          let (x, y) = try data.batch(Array(start..<min(start + batch, data.count)))
          return try attack.perturb(net, inputs: x, labels: y)
        }
      }
      let attacked = try TensorData(inputs: try Tensor.concat(adversarial), labels: data.labels)
      emitAttack(
        case: "\(model.name) \(attack.name) ε=\(spec.epsilon)", impl: "lrnb", samples: samples,
        examples: data.count, accuracy: try net.accuracy(attacked))
    }
  }
}

/// The model from the cache, or trained now (2 epochs of SGD on Fashion-MNIST) and saved.
private func trainedAttackModel(_ entry: AttackManifest.Model) throws -> Sequential {
  let url = attacksCache.appendingPathComponent(entry.file)
  if FileManager.default.fileExists(atPath: url.path) {
    return try Sequential.load(contentsOf: url)
  }
  var rng = RNG(seed: 17)
  let ranks = entry.name.contains("low-rank") ? RankPlan(rank: 0.2) : RankPlan()
  let net = try Architectures.lenet5(ranks: ranks, using: &rng)
  let train = try FashionMNIST.load(split: .train)
  var options = TrainingOptions()
  options.epochs = 2
  options.seed = 17
  options.schedule = .cosine(epochs: 2)
  FileHandle.standardError.write(Data("training \(entry.name) for the attacks suite…\n".utf8))
  _ = try net.fit(TensorData(inputs: train.inputs, labels: train.labelTensor), options: options)
  try net.save(to: url)
  return net
}

private func emitAttack(
  case name: String, impl: String, samples: [Double], examples: Int, accuracy: Double
) {
  let med = median(samples)
  let m = AttackMeasurement(
    case: name, impl: impl, medianMs: med, minMs: samples.min() ?? .nan, repeats: samples.count,
    rate: med > 0 ? Double(examples) / (med / 1e3) : 0, accuracy: accuracy)
  let encoder = JSONEncoder()
  encoder.keyEncodingStrategy = .convertToSnakeCase
  if let data = try? encoder.encode(m), let line = String(data: data, encoding: .utf8) {
    print(line)
  }
}
