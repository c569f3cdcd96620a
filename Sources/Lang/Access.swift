// Reading through `x[i]` and `x.name`: list and string positions (negative from the
// end), slices by range, record fields, members of natives and bound methods.

enum Access {
  static func index(_ container: Value, _ i: Value, _ range: SourceRange) throws(Unwind) -> Value {
    switch container {
    case .list(let items):
      if case .range(let r) = i {
        return .list(Array(items[try slice(r, count: items.count, "list", range)]))
      }
      return items[try position(i, count: items.count, "list", range)]
    case .string(let s):
      let chars = Array(s)
      if case .range(let r) = i {
        return .string(String(chars[try slice(r, count: chars.count, "string", range)]))
      }
      return .string(String(chars[try position(i, count: chars.count, "string", range)]))
    case .record(let record):
      guard case .string(let key) = i else {
        throw .error("record keys are strings, got \(describeForMessage(i))", range)
      }
      guard let v = record[key] else { throw noField(key, record, range) }
      return v
    case .range(let r):
      let p = try position(i, count: r.count, "range", range)
      return .number(Double(r.lower + p))
    case .native(let n):
      if let v = try catchingNative(range, { try n.index(i) }) { return v }
      throw .error("\(n.typeName) cannot be indexed by \(describeForMessage(i))", range)
    default:
      throw .error("cannot index into \(withArticle(container.typeName))", range)
    }
  }

  static func noField(_ name: String, _ record: Record, _ range: SourceRange) -> Unwind {
    .error(withSuggestion("record has no field '\(name)'", for: name, among: record.keys), range)
  }

  /// A checked position in a sequence of `count` items; negative counts from the end.
  static func position(_ i: Value, count: Int, _ what: String, _ range: SourceRange)
    throws(Unwind) -> Int
  {
    guard case .number(let x) = i, let n = exactInt(x) else {
      throw .error("\(what) index must be an integer, got \(describeForMessage(i))", range)
    }
    let p = n < 0 ? n + count : n
    guard p >= 0, p < count else {
      throw .error("index \(n) out of range for \(what) of length \(count)", range)
    }
    return p
  }

  /// The positions a range selects in a sequence of `count` items: negative bounds
  /// count from the end (`xs[-2...]`), an upper bound of `Int.max` means "to the end"
  /// (`xs[2...]`), and the result must lie inside the sequence.
  static func slice(_ r: RangeValue, count: Int, _ what: String, _ range: SourceRange)
    throws(Unwind) -> Range<Int>
  {
    let lower = r.lower < 0 ? r.lower + count : r.lower
    var end = count
    if r.upper != Int.max {
      let upper = r.upper < 0 ? r.upper + count : r.upper
      end = r.isClosed ? upper + 1 : upper
    }
    guard lower >= 0, lower <= end, end <= count else {
      throw .error("range \(describeRange(r)) out of bounds for \(what) of length \(count)", range)
    }
    return lower..<end
  }

  /// A range as written, with an open upper bound shown as `a...`.
  static func describeRange(_ r: RangeValue) -> String {
    r.upper == Int.max ? "\(r.lower)..." : Value.range(r).description
  }

  /// `object.name`: a record field, a native member, or a method bound to the value.
  static func member(_ object: Value, _ name: String, _ machine: Machine, _ range: SourceRange)
    throws(Unwind) -> Value
  {
    switch object {
    case .record(let record):
      if let v = record[name] { return v }
    case .native(let n):
      if let v = try catchingNative(range, { try n.member(name) }) { return v }
      throw .error("no member '\(name)' on \(n.typeName)", range)
    default: break
    }
    if let method = machine.methods.lookup(object, name) {
      if method.isMutating {
        throw .error("mutating method '\(name)' must be called directly, as in x.\(name)(…)", range)
      }
      return .function(method.bound(to: object, machine: machine))
    }
    if case .record(let record) = object { throw noField(name, record, range) }
    throw .error("no member '\(name)' on \(object.typeName)", range)
  }
}
