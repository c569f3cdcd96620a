// The low-rank training rules of a model in its file's metadata, as JSON keyed by layer index.
import Foundation

extension Sequential {
  /// `layerTraining` as JSON: `{"7": {"integrator": {"condLR": {"tau": 0.1}}, …}}`.
  func encodeLayerTraining() throws -> String {
    let keyed = Dictionary(uniqueKeysWithValues: layerTraining.map { (String($0.key), $0.value) })
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: try encoder.encode(keyed), as: UTF8.self)
  }

  /// Reads what `encodeLayerTraining` wrote, checking indices and settings.
  static func decodeLayerTraining(_ text: String, layers: Int) throws -> [Int: LowRankTraining] {
    let keyed = try JSONDecoder().decode([String: LowRankTraining].self, from: Data(text.utf8))
    var result: [Int: LowRankTraining] = [:]
    for (key, rule) in keyed {
      guard let index = Int(key), (0..<layers).contains(index) else {
        throw NeuralNetError.invalidArgument("no layer \(key)")
      }
      try rule.validate()
      result[index] = rule
    }
    return result
  }
}
