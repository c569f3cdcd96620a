// Model files: safetensors with the architecture in the header metadata, round-tripping exactly.
import Foundation
import Tensors

extension Sequential {
  /// The metadata key holding the architecture as JSON: `{"name", "input_shape", "layers":
  /// [{"kind": "Conv2d", "inputs": 1, …}, …]}`.
  public static let architectureKey = "lrnb.architecture"
  /// The metadata key holding `layerTraining` as JSON (absent when the model has none).
  public static let trainingKey = "lrnb.training"

  /// Writes the model to a safetensors file: every parameter as F32 under its full name
  /// (`layers.0.weight`, `layers.3.U`, … — PyTorch's layouts), the architecture in the
  /// metadata. The write is atomic.
  ///
  /// ```swift
  /// try net.save(to: URL(fileURLWithPath: "lenet.safetensors"))
  /// let copy = try Sequential.load(contentsOf: URL(fileURLWithPath: "lenet.safetensors"))
  /// ```
  /// - Throws: `SafeTensorsError` naming the file when it cannot be written.
  public func save(to url: URL) throws {
    let (tensors, metadata) = try fileContents()
    try SafeTensors.write(tensors, metadata: metadata, to: url)
  }

  /// The model as the bytes of a safetensors file (what `save(to:)` writes).
  /// - Throws: `SafeTensorsError` for a name the format cannot hold.
  public func fileBytes() throws -> [UInt8] {
    let (tensors, metadata) = try fileContents()
    return try SafeTensors.encode(tensors, metadata: metadata)
  }

  /// Reads a model from the bytes of a safetensors file; `fileName` names it in errors.
  /// - Throws: as `load(contentsOf:)`.
  public static func decode(_ bytes: [UInt8], fileName: String) throws -> Sequential {
    try model(from: SafeTensors.decode(bytes, fileName: fileName), path: fileName)
  }

  private func fileContents() throws -> ([String: Tensor], [String: String]) {
    let layers = self.layers.map { layer -> [String: Any] in
      var entry: [String: Any] = ["kind": layer.kind]
      for (key, value) in layer.config { entry[key] = value }
      return entry
    }
    let architecture: [String: Any] = ["name": name, "input_shape": inputShape, "layers": layers]
    let json = try JSONSerialization.data(withJSONObject: architecture, options: [.sortedKeys])
    var tensors: [String: Tensor] = [:]
    for (name, parameter) in namedParameters { tensors[name] = parameter.value }
    var metadata = [Self.architectureKey: String(decoding: json, as: UTF8.self), "format": "pt"]
    if !layerTraining.isEmpty { metadata[Self.trainingKey] = try encodeLayerTraining() }
    return (tensors, metadata)
  }

  /// Reads a model written by `save(to:)`.
  /// - Throws: `SafeTensorsError` or `NeuralNetError.file` naming the file when it is
  ///   missing, truncated, corrupt, or describes a model that does not fit together.
  public static func load(contentsOf url: URL) throws -> Sequential {
    try model(from: SafeTensors.read(contentsOf: url), path: url.path)
  }

  private static func model(from archive: SafeTensorsArchive, path: String) throws -> Sequential {
    func fail(_ message: String) -> NeuralNetError { .file(path: path, message: message) }
    guard let text = archive.metadata[architectureKey],
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
      let architecture = object as? [String: Any],
      let entries = architecture["layers"] as? [[String: Any]],
      let inputShape = architecture["input_shape"] as? [Int]
    else {
      throw fail("not an lrnb model file (no readable '\(architectureKey)' metadata)")
    }
    var layers: [any Layer] = []
    for (index, entry) in entries.enumerated() {
      let reader = LayerEntry(index: index, entry: entry, tensors: archive.tensors, fail: fail)
      do {
        layers.append(try reader.layer())
      } catch let error as NeuralNetError {
        if case .file = error { throw error }
        throw fail("layer \(index): \(error)")
      }
    }
    let model: Sequential
    do {
      model = try Sequential(
        name: architecture["name"] as? String ?? "model", inputShape: inputShape, layers)
    } catch {
      throw fail("the layers do not fit together: \(error)")
    }
    if let text = archive.metadata[trainingKey] {
      guard let training = try? decodeLayerTraining(text, layers: layers.count) else {
        throw fail("the '\(trainingKey)' metadata is not readable")
      }
      model.layerTraining = training
    }
    return model
  }
}

/// One layer's entry of a model file, with its tensors.
private struct LayerEntry {
  let index: Int
  let entry: [String: Any]
  let tensors: [String: Tensor]
  let fail: (String) -> NeuralNetError

  func int(_ key: String) throws -> Int {
    guard let value = entry[key] as? Int else {
      throw fail("layer \(index) has no integer '\(key)'")
    }
    return value
  }

  func tensor(_ name: String, rank: Int) throws -> Tensor {
    guard let t = tensors["layers.\(index).\(name)"] else {
      throw fail("tensor layers.\(index).\(name) is missing")
    }
    guard t.rank == rank else {
      throw fail("tensor layers.\(index).\(name) has shape \(t.shape), expected rank \(rank)")
    }
    return t
  }

  func bias() throws -> Tensor? { try int("bias") == 1 ? try tensor("bias", rank: 1) : nil }

  func layer() throws -> any Layer {
    guard let kind = entry["kind"] as? String else { throw fail("layer \(index) has no kind") }
    switch kind {
    case "Dense":
      let (w, b) = (try tensor("weight", rank: 2), try bias())
      try Limits.check("Dense", features: w.shape)
      try checkFactors(w.shape[0], b)
      return Dense(weight: w, bias: b)
    case "Conv2d":
      let (w, b) = (try tensor("weight", rank: 4), try bias())
      try Limits.check(
        "Conv2d", features: [w.shape[0], w.shape[1]], kernels: [w.shape[2], try int("stride")])
      guard w.shape[2] == w.shape[3] else {
        throw fail("layer \(index): kernel \(w.shape) is not square")
      }
      try checkFactors(w.shape[0], b)
      return Conv2d(weight: w, bias: b, stride: try int("stride"), padding: try padding())
    case "LowRankDense":
      let (u, s, v) = try factors()
      let b = try bias()
      try Limits.check("LowRankDense", features: [u.shape[0], v.shape[0]])
      try checkFactors(u.shape[0], b)
      return LowRankDense(u: u, s: s, v: v, bias: b)
    case "LowRankConv2d":
      let (u, s, v) = try factors()
      let b = try bias()
      let k = try int("kernel")
      try Limits.check(
        "LowRankConv2d", features: [u.shape[0], v.shape[0]], kernels: [k, try int("stride")])
      guard v.shape[0] % (k * k) == 0 else {
        throw fail("layer \(index): V has \(v.shape[0]) rows, not a multiple of \(k * k)")
      }
      try checkFactors(u.shape[0], b)
      return LowRankConv2d(
        u: u, s: s, v: v, bias: b, kernel: k, stride: try int("stride"), padding: try padding())
    case "ReLU": return Activation(.relu)
    case "Tanh": return Activation(.tanh)
    case "Sigmoid": return Activation(.sigmoid)
    case "LeakyReLU": return Activation(.leakyRelu)
    case "Flatten": return Flatten()
    case "MaxPool2d": return try Pool2d(.max, size: try int("size"), stride: try int("stride"))
    case "AvgPool2d": return try Pool2d(.average, size: try int("size"), stride: try int("stride"))
    case "Dropout": return try Dropout(rate: Float(try int("rate_permille")) / 1000)
    default: throw fail("layer \(index) has an unknown kind '\(kind)'")
    }
  }

  func padding() throws -> Int {
    let p = try int("padding")
    guard p >= 0, p <= Limits.maxKernel else {
      throw fail("layer \(index): padding \(p) is out of range")
    }
    return p
  }

  /// U `[out, r]`, S `[r, r]`, V `[in, r]` with matching ranks.
  func factors() throws -> (Tensor, Tensor, Tensor) {
    let (u, s, v) = (try tensor("U", rank: 2), try tensor("S", rank: 2), try tensor("V", rank: 2))
    let r = s.shape[0]
    guard r >= 1, s.shape == [r, r], u.shape[1] == r, v.shape[1] == r else {
      throw fail(
        "layer \(index): factors U \(u.shape), S \(s.shape), V \(v.shape) do not share a rank")
    }
    return (u, s, v)
  }

  func checkFactors(_ outputs: Int, _ bias: Tensor?) throws {
    if let bias, bias.shape != [outputs] {
      throw fail("layer \(index): bias \(bias.shape) does not match \(outputs) outputs")
    }
  }
}
