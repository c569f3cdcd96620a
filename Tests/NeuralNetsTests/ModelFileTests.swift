// Model files: exact round trips, and errors naming the file for truncated or corrupt ones.
import Foundation
import NeuralNets
import Tensors
import Testing

@Suite struct ModelFileTests {
  func temporaryURL(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "lrnb-nn-\(UUID().uuidString)-\(name)")
  }

  @Test func lowRankLeNetRoundTripsExactly() throws {
    var rng = RNG(seed: 5)
    let net = try Architectures.lenet5(ranks: RankPlan(rank: 0.2), using: &rng)
    let x = try Tensor.rand([3, 1, 28, 28], using: &rng)
    let url = temporaryURL("lenet.safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    try net.save(to: url)
    let loaded = try Sequential.load(contentsOf: url)
    #expect(loaded.layers.map(\.description) == net.layers.map(\.description))
    #expect(try loaded.predict(x) == net.predict(x))
    for ((a, p), (b, q)) in zip(net.namedParameters, loaded.namedParameters) {
      #expect(a == b && p.value == q.value && p.constraint == q.constraint)
    }
  }

  @Test func everyLayerKindRoundTrips() throws {
    var rng = RNG(seed: 6)
    let net = try Sequential(
      name: "zoo", inputShape: [2, 8, 8],
      [
        Conv2d(2, 3, kernel: 3, stride: 2, padding: 1, using: &rng), Activation(.leakyRelu),
        LowRankConv2d(3, 4, kernel: 2, rank: 2, using: &rng), Activation(.tanh),
        try Pool2d(.average, size: 3),
        Flatten(), try Dropout(rate: 0.25), LowRankDense(4, 6, rank: 3, using: &rng),
        Activation(.sigmoid),
        Dense(6, 2, bias: false, using: &rng),
      ])
    let url = temporaryURL("zoo.safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    try net.save(to: url)
    let loaded = try Sequential.load(contentsOf: url)
    #expect(loaded.name == "zoo")
    #expect(loaded.layers.map(\.description) == net.layers.map(\.description))
    let x = try Tensor.rand([2, 2, 8, 8], using: &rng)
    #expect(try loaded.predict(x) == net.predict(x))
  }

  @Test func truncatedAndCorruptFilesNameTheFile() throws {
    var rng = RNG(seed: 7)
    let net = try Architectures.mlp([6, 5, 3], using: &rng)
    let url = temporaryURL("mlp.safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    try net.save(to: url)
    let bytes = try Data(contentsOf: url)
    for cut in [0, 4, 12, bytes.count / 2, bytes.count - 1] {
      try bytes.prefix(cut).write(to: url)
      do {
        _ = try Sequential.load(contentsOf: url)
        Issue.record("a file cut at \(cut) bytes loaded")
      } catch {
        #expect("\(error)".contains(url.path))
      }
    }
    // A valid safetensors file that is not a model.
    try SafeTensors.write(["x": Tensor([1, 2])], to: url)
    #expect(throws: NeuralNetError.self) { try Sequential.load(contentsOf: url) }
    // A model whose tensors do not match its architecture.
    try SafeTensors.write(
      ["layers.0.weight": Tensor([1, 2])],
      metadata: [
        Sequential.architectureKey: #"{"input_shape":[2],"layers":[{"kind":"Dense","bias":0}]}"#
      ], to: url)
    do {
      _ = try Sequential.load(contentsOf: url)
      Issue.record("a mismatched model loaded")
    } catch {
      #expect("\(error)".contains(url.path) && "\(error)".contains("layers.0.weight"))
    }
    #expect(throws: (any Error).self) {
      try Sequential.load(contentsOf: temporaryURL("missing.safetensors"))
    }
  }
}
