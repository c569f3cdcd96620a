// Models and histories in the notebook cache, and their members for REPL completion.
import Foundation
import Lang
import NeuralNets
import Tensors

extension ModelObject: CacheableNative {
  static var cacheTag: String { "model" }

  /// Models change in place when trained, so the fingerprint hashes every parameter (and
  /// the layer list): FNV-1a over the scalars' bits, deterministic across runs.
  var cacheFingerprint: Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ bits: UInt64) { hash = (hash ^ bits) &* 0x0000_0100_0000_01b3 }
    for layer in model.layers { for byte in layer.description.utf8 { mix(UInt64(byte)) } }
    for (_, parameter) in model.namedParameters {
      parameter.value.withUnsafeBufferPointer { p in
        for x in p { mix(UInt64(x.bitPattern)) }
      }
    }
    return Int(truncatingIfNeeded: hash)
  }

  /// The model file's bytes (safetensors, architecture in the metadata).
  func cachePayload() throws -> [UInt8] { try model.fileBytes() }
}

extension HistoryObject: CacheableNative {
  /// Histories are immutable.
  static var cacheTag: String { "history" }
  var cacheFingerprint: Int { 0 }

  /// Every per-epoch list as JSON, each number as the hex of its bits so that it reads
  /// back exactly (decimal JSON numbers need not round-trip).
  func cachePayload() throws -> [UInt8] {
    func bits(_ xs: [Double]) -> [String] { xs.map { String($0.bitPattern, radix: 16) } }
    let fields: [String: Any] = [
      "loss": bits(history.trainLoss), "accuracy": bits(history.trainAccuracy),
      "val_loss": bits(history.validationLoss), "val_accuracy": bits(history.validationAccuracy),
      "time": bits(history.seconds), "lr": bits(history.learningRate),
      "stopped_early": history.stoppedEarly,
      // Tracking of the weight layers: ranks, κ, singular values, Πκ, compression.
      "tracked_layers": history.trackedLayers, "ranks": history.ranks,
      "kappa": history.kappa.map(bits), "singular_values": history.singularValues.map { $0.map(bits) },
      "prod_kappa": bits(history.kappaProduct), "compression": bits(history.compression),
    ]
    return [UInt8](try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]))
  }
}

/// Decoders for the network objects the cache stores.
func registerNNCacheDecoders(_ decoders: inout NativeDecoders) {
  decoders.register(ModelObject.cacheTag) {
    ModelObject(try Sequential.decode($0, fileName: "cache"))
  }
  decoders.register(HistoryObject.cacheTag) { bytes in
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
      throw RuntimeError("the cached history is not readable")
    }
    func numbers(_ item: Any?) -> [Double] {
      (item as? [String] ?? []).compactMap { UInt64($0, radix: 16).map(Double.init(bitPattern:)) }
    }
    func list(_ key: String) -> [Double] { numbers(object[key]) }
    var history = History()
    history.trainLoss = list("loss")
    history.trainAccuracy = list("accuracy")
    history.validationLoss = list("val_loss")
    history.validationAccuracy = list("val_accuracy")
    history.seconds = list("time")
    history.learningRate = list("lr")
    history.stoppedEarly = object["stopped_early"] as? Bool ?? false
    history.trackedLayers = object["tracked_layers"] as? [Int] ?? []
    history.ranks = object["ranks"] as? [[Int]] ?? []
    history.kappa = (object["kappa"] as? [Any] ?? []).map(numbers)
    history.singularValues = (object["singular_values"] as? [[Any]] ?? []).map { $0.map(numbers) }
    history.kappaProduct = list("prod_kappa")
    history.compression = list("compression")
    let layers = history.trackedLayers.count
    guard history.trainAccuracy.count == history.epochs,
      history.learningRate.count == history.epochs,
      history.seconds.count == history.epochs,
      history.ranks.count == layers, history.kappa.count == layers,
      history.singularValues.count == layers,
      history.compression.isEmpty || history.compression.count == history.epochs,
      history.kappaProduct.count == history.compression.count
    else { throw RuntimeError("the cached history is inconsistent") }
    return HistoryObject(history)
  }
}

extension ModelObject: MemberListing {
  var memberList: [NativeMember] {
    [
      "layers", "name", "parameters", "dense_parameters", "compression", "flops", "input_shape",
      "output_shape", "kappa", "training",
    ].map { NativeMember($0, isMethod: false) }
  }
}

extension LayerObject: MemberListing {
  var memberList: [NativeMember] {
    (["kind", "parameters", "rank", "input_shape", "output_shape"] + layer.parameters.map(\.name))
      .map { NativeMember($0, isMethod: false) }
  }
}

extension HistoryObject: MemberListing {
  var memberList: [NativeMember] {
    [
      "loss", "accuracy", "val_loss", "val_accuracy", "time", "lr", "epochs", "stopped_early",
      "tracked_layers", "ranks", "kappa", "singular_values", "prod_kappa", "compression",
    ].map { NativeMember($0, isMethod: false) }
  }
}
