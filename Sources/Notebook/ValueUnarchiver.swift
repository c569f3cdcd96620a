// Cached values back to lr values, natives through the bindings' decoders.
import Lang

/// Decodes stored values, rebuilding native objects through the bindings' decoders. A
/// blob is decoded once, so objects shared before storing are shared after restoring.
struct ValueUnarchiver {
  var blobs: [[UInt8]]
  var decoders: NativeDecoders
  /// The current value of a global, for `.global` references.
  var lookup: (String) -> Value?
  private var decoded: [Int: Value] = [:]

  init(blobs: [[UInt8]], decoders: NativeDecoders, lookup: @escaping (String) -> Value?) {
    self.blobs = blobs
    self.decoders = decoders
    self.lookup = lookup
  }

  /// The value `stored` describes.
  /// - Throws: `CacheRefusal` for a missing decoder, a bad blob reference or bad bytes.
  mutating func decode(_ stored: StoredValue) throws(CacheRefusal) -> Value {
    switch stored {
    case .null: return .nil
    case .bool(let b): return .bool(b)
    case .number(let x): return .number(x)
    case .string(let s): return .string(s)
    case .list(let items):
      var values: [Value] = []
      values.reserveCapacity(items.count)
      for item in items { values.append(try decode(item)) }
      return .list(values)
    case .record(let keys, let values):
      guard keys.count == values.count else { throw CacheRefusal("a stored record is malformed") }
      var fields: [(String, Value)] = []
      for (key, item) in zip(keys, values) { fields.append((key, try decode(item))) }
      return .record(fields)
    case .range(let lower, let upper, let closed):
      return .range(RangeValue(lower: lower, upper: upper, isClosed: closed))
    case .native(let tag, let blob):
      if let earlier = decoded[blob] { return earlier }
      guard let decoder = decoders.decoder(for: tag) else {
        throw CacheRefusal("no decoder for a stored \(tag)")
      }
      guard blobs.indices.contains(blob) else { throw CacheRefusal("a stored \(tag) is missing") }
      do {
        let value = Value.native(try decoder(blobs[blob]))
        decoded[blob] = value
        return value
      } catch {
        throw CacheRefusal("a stored \(tag) cannot be read: \(error)")
      }
    case .global(let name):
      guard let value = lookup(name) else {
        throw CacheRefusal("the stored values refer to '\(name)', which is not defined")
      }
      return value
    }
  }
}
