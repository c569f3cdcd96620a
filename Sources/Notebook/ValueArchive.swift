// lr values to cache bytes and back: plain values as JSON, native objects as payloads.
import Foundation
import Lang

/// A value as the cache stores it. Native objects are payloads filed under their
/// `cacheTag`, stored as separate blobs so tensors stay binary.
indirect enum StoredValue: Codable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case list([StoredValue])
  case record(keys: [String], values: [StoredValue])
  case range(lower: Int, upper: Int, closed: Bool)
  case native(tag: String, blob: Int)
  /// The very object another global, unchanged by the cell, holds (`let b = a` keeps one
  /// model, not two copies).
  case global(String)
}

/// One global as stored: its name, whether it was a `let`, and its value.
struct StoredGlobal: Codable, Equatable {
  var name: String
  var constant: Bool
  var value: StoredValue
}

/// The manifest `InterpreterKernel` writes into a `StoredState`.
struct StoredGlobals: Codable, Equatable {
  /// Bumped when the layout changes, so old entries are misses rather than misreads.
  static let currentFormat = 1
  var format = currentFormat
  var globals: [StoredGlobal]
  /// The blob holding the session state (random stream), if the kernel has one.
  var sessionState: Int?
}

/// Encodes values, collecting native payloads as blobs. An object met twice is stored
/// once, and an object that an unchanged global holds is stored as a reference to it,
/// so restored globals share objects the way the originals did.
struct ValueArchiver {
  private(set) var blobs: [[UInt8]] = []
  /// Objects held (at top level) by globals the cell did not change.
  var unchangedHolders: [ObjectIdentifier: String] = [:]
  private var stored: [ObjectIdentifier: StoredValue] = [:]

  /// The stored form of global `name`'s value.
  /// - Throws: `CacheRefusal` for functions and natives that cannot be stored.
  mutating func encode(_ value: Value, name: String) throws(CacheRefusal) -> StoredValue {
    try encode(value, name: name, depth: 0)
  }

  /// Adds a blob and returns its position.
  mutating func add(_ blob: [UInt8]) -> Int {
    blobs.append(blob)
    return blobs.count - 1
  }

  private mutating func encode(_ value: Value, name: String, depth: Int) throws(CacheRefusal)
    -> StoredValue
  {
    guard depth <= ValueFingerprinter.maxDepth else {
      throw CacheRefusal("'\(name)' is nested more than \(ValueFingerprinter.maxDepth) levels deep")
    }
    switch value {
    case .nil: return .null
    case .bool(let b): return .bool(b)
    case .number(let x): return .number(x)
    case .string(let s): return .string(s)
    case .list(let items):
      var stored: [StoredValue] = []
      stored.reserveCapacity(items.count)
      for item in items { stored.append(try encode(item, name: name, depth: depth + 1)) }
      return .list(stored)
    case .record(let record):
      var stored: [StoredValue] = []
      for item in record.values { stored.append(try encode(item, name: name, depth: depth + 1)) }
      return .record(keys: record.keys, values: stored)
    case .range(let r): return .range(lower: r.lower, upper: r.upper, closed: r.isClosed)
    case .function:
      throw CacheRefusal(
        "'\(name)' \(depth == 0 ? "is" : "holds") a function, which the cache cannot store "
          + "(define functions in a cell without cache: true)")
    case .native(let object):
      let identity = ObjectIdentifier(object)
      if let holder = unchangedHolders[identity] { return .global(holder) }
      if let earlier = stored[identity] { return earlier }
      guard let cacheable = object as? any CacheableNative else {
        throw CacheRefusal(
          "'\(name)' holds \(article(object.typeName)), which the cache cannot store")
      }
      let payload: [UInt8]
      do {
        payload = try cacheable.cachePayload()
      } catch {
        throw CacheRefusal(
          "'\(name)' holds \(article(object.typeName)) that cannot be stored: \(error)")
      }
      let value = StoredValue.native(tag: type(of: cacheable).cacheTag, blob: add(payload))
      stored[identity] = value
      return value
    }
  }
}

extension StoredGlobals {
  /// The manifest as JSON bytes (NaN and infinities as strings: JSON has no such numbers).
  func encoded() throws(CacheRefusal) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do {
      return [UInt8](try encoder.encode(self))
    } catch {
      throw CacheRefusal("the values cannot be written: \(error)")
    }
  }

  /// Reads a manifest written by `encoded()`.
  static func decode(_ bytes: [UInt8]) throws(CacheRefusal) -> StoredGlobals {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let manifest: StoredGlobals
    do {
      manifest = try decoder.decode(StoredGlobals.self, from: Data(bytes))
    } catch {
      throw CacheRefusal("the stored values are unreadable")
    }
    guard manifest.format == currentFormat else {
      throw CacheRefusal("the stored values have an older format")
    }
    return manifest
  }
}
