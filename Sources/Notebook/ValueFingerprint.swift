// Fingerprints of lr values, to tell which globals a cell changed.
import Lang

/// Hashes a value's content: plain values by content, functions and native objects by
/// identity (plus a native's `cacheFingerprint`, which changes when it is changed in
/// place). It also notes what the cache cannot follow: natives that do not adopt
/// `CacheableNative` and values nested too deeply to walk.
struct ValueFingerprinter {
  /// Nesting deeper than this is refused rather than walked: the walk, the encoder and
  /// JSON decoding all recurse, and a hostile cell can nest lists a million deep.
  static let maxDepth = 100

  /// The first thing found that the cache cannot follow, in words.
  private(set) var problem: String?
  /// Every function and native object seen, kept alive by the mark.
  private(set) var retained: [Any] = []

  /// The fingerprint of global `name`.
  mutating func fingerprint(_ value: Value, name: String) -> Int {
    var hasher = Hasher()
    walk(value, name: name, depth: 0, into: &hasher)
    return hasher.finalize()
  }

  private mutating func walk(_ value: Value, name: String, depth: Int, into hasher: inout Hasher) {
    guard depth <= Self.maxDepth else {
      note("'\(name)' is nested more than \(Self.maxDepth) levels deep")
      return
    }
    switch value {
    case .nil: hasher.combine(0)
    case .bool(let b):
      hasher.combine(1)
      hasher.combine(b)
    case .number(let x):
      hasher.combine(2)
      hasher.combine(x.bitPattern)
    case .string(let s):
      hasher.combine(3)
      hasher.combine(s)
    case .list(let items):
      hasher.combine(4)
      hasher.combine(items.count)
      for item in items { walk(item, name: name, depth: depth + 1, into: &hasher) }
    case .record(let record):
      hasher.combine(5)
      hasher.combine(record.keys)
      for item in record.values { walk(item, name: name, depth: depth + 1, into: &hasher) }
    case .range(let r):
      hasher.combine(6)
      hasher.combine(r)
    case .function(let f):
      hasher.combine(7)
      hasher.combine(ObjectIdentifier(f))
      retained.append(f)
    case .native(let object):
      hasher.combine(8)
      hasher.combine(ObjectIdentifier(object))
      retained.append(object)
      if let cacheable = object as? any CacheableNative {
        hasher.combine(cacheable.cacheFingerprint)
      } else {
        note("'\(name)' holds \(article(object.typeName)), whose changes the cache cannot follow")
      }
    }
  }

  private mutating func note(_ text: String) {
    if problem == nil { problem = text }
  }
}

/// `a model`, `an opaque`: the noun with its indefinite article, for messages.
func article(_ noun: String) -> String {
  guard let first = noun.lowercased().first else { return noun }
  return ("aeiou".contains(first) ? "an " : "a ") + noun
}
