// Model files open in Python's safetensors/NumPy with PyTorch's names and layouts (checked
// when bench/.venv has them; skipped otherwise, since tests must not need the network).
import Foundation
import NeuralNets
import Tensors
import Testing

@Suite struct PythonInteropTests {
  static let python = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("bench/.venv/bin/python").path

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python)))
  func numpyReadsTheTensors() throws {
    var rng = RNG(seed: 8)
    let net = try Architectures.lenet5(ranks: RankPlan(overrides: [1: 10]), using: &rng)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lrnb-nn-\(UUID().uuidString).safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    try net.save(to: url)
    let script = """
      from safetensors.numpy import load_file
      t = load_file('\(url.path)')
      print(sorted((k, v.shape, str(v.dtype)) for k, v in t.items())[:3], float(t['layers.0.weight'][0, 0, 0, 0]))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python)
    process.arguments = ["-c", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let first = try net.layers[0].parameters[0].value.scalar(at: [0, 0, 0, 0])
    #expect(
      output.contains(
        "('layers.0.bias', (20,), 'float32'), ('layers.0.weight', (20, 1, 5, 5), 'float32')"))
    #expect(output.contains("('layers.3.S', (10, 10), 'float32')"))
    #expect(output.hasSuffix(" \(Double(first))\n") || output.contains("\(first)"))
  }
}
