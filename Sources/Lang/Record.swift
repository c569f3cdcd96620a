// Records: small ordered maps from field names to values, with value semantics.

/// The fields of a record value, in the order they were written.
///
///     var r = Record([("rank", .number(8))])
///     r["tau"] = .number(0.1)
///     r.keys   // ["rank", "tau"]
public struct Record {
  /// The field names, in order.
  public private(set) var keys: [String]
  /// The field values, parallel to `keys`.
  public private(set) var values: [Value]

  /// A record holding `fields` in order; a later duplicate replaces an earlier one.
  public init(_ fields: [(String, Value)] = []) {
    keys = []
    values = []
    keys.reserveCapacity(fields.count)
    values.reserveCapacity(fields.count)
    for (key, value) in fields { self[key] = value }
  }

  /// A record from keys the parser already checked for duplicates.
  init(uniqueKeys keys: [String], values: [Value]) {
    self.keys = keys
    self.values = values
  }

  /// The number of fields.
  public var count: Int { keys.count }

  /// The fields as (name, value) pairs, in order.
  public var fields: [(String, Value)] { Array(zip(keys, values)) }

  /// The position of `key`, or nil. Records are small, so a linear scan beats hashing.
  func position(of key: String) -> Int? {
    keys.firstIndex(of: key)
  }

  /// The value of field `key`, or nil when absent; setting a new key appends it,
  /// setting nil removes it.
  public subscript(key: String) -> Value? {
    get {
      guard let i = position(of: key) else { return nil }
      return values[i]
    }
    set {
      if let i = position(of: key) {
        if let newValue {
          values[i] = newValue
        } else {
          keys.remove(at: i)
          values.remove(at: i)
        }
      } else if let newValue {
        keys.append(key)
        values.append(newValue)
      }
    }
  }

  /// Replaces the value at `position` in place (the caller found it with `position(of:)`).
  mutating func modifyValue<R>(
    at position: Int, _ body: (inout Value) throws(Unwind) -> R
  ) throws(Unwind) -> R {
    try body(&values[position])
  }
}
