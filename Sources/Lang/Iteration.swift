// The iteration protocol: what `for x in v` (and natives such as `list(v)`) walk.
// Lists give their items, ranges their numbers, strings their characters, records
// `[key, value]` pairs, and native objects whatever their `makeIterator` yields.

enum Iteration {
  /// Calls `body` with each item of `sequence` until it returns false (a `break`),
  /// checking the interrupt switch after each item.
  static func forEach(
    _ sequence: Value, _ machine: Machine, _ range: SourceRange,
    _ body: (Value) throws(Unwind) -> Bool
  ) throws(Unwind) {
    let interrupt = machine.interruptSwitch
    switch sequence {
    case .range(let r):
      var i = r.lower
      let end = r.end
      while i < end {
        guard try body(.number(Double(i))) else { return }
        if interrupt.isFired { throw machine.interrupted(range) }
        i += 1
      }
    case .list(let items):
      for item in items {
        guard try body(item) else { return }
        if interrupt.isFired { throw machine.interrupted(range) }
      }
    case .string(let text):
      for ch in text {
        guard try body(.string(String(ch))) else { return }
        if interrupt.isFired { throw machine.interrupted(range) }
      }
    case .record(let record):
      for (key, value) in zip(record.keys, record.values) {
        guard try body(.list([.string(key), value])) else { return }
        if interrupt.isFired { throw machine.interrupted(range) }
      }
    case .native(let object):
      guard let next = try catchingNative(range, { try object.makeIterator() }) else {
        throw .error("cannot iterate over \(withArticle(object.typeName))", range)
      }
      while let item = try catchingNative(range, { try next() }) {
        guard try body(item) else { return }
        if interrupt.isFired { throw machine.interrupted(range) }
      }
    default:
      throw .error("cannot iterate over \(withArticle(sequence.typeName))", range)
    }
  }

  /// The items of `sequence` as a list (for `list(v)` and friends), refusing more than
  /// `Limits.maxSequenceLength` items.
  static func items(_ sequence: Value, _ machine: Machine, _ range: SourceRange) throws(Unwind)
    -> [Value]
  {
    if case .list(let items) = sequence { return items }
    if case .range(let r) = sequence, r.count > Limits.maxSequenceLength {
      throw Limits.tooLong(r.count, range)
    }
    var items: [Value] = []
    try forEach(sequence, machine, range) { (item: Value) throws(Unwind) in
      guard items.count < Limits.maxSequenceLength else {
        throw Limits.tooLong(items.count + 1, range)
      }
      items.append(item)
      return true
    }
    return items
  }
}
