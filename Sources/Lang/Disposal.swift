// Releasing deeply nested values without deep recursion. Swift releases a list of
// lists recursively, one native stack frame per level, so dropping the last reference
// to a value nested ~50,000 levels deep (built by `x = [x]` in a loop) would exhaust
// the stack. Where the interpreter drops values (frames, assignments, discarded
// statement values, native arguments) it hands containers to `Disposal`, which takes
// uniquely owned nested containers apart with an explicit work list instead.

enum Disposal {
  /// Drops `value`; a uniquely owned list or record holding other containers is taken
  /// apart iteratively.
  @inline(__always)
  static func dispose(_ value: consuming Value) {
    switch value {
    case .list, .record: disposeContainer(value)
    default: break
    }
  }

  /// Stores `value` at `slot`, disposing of the value it replaces.
  @inline(__always)
  static func assign(_ slot: UnsafeMutablePointer<Value>, _ value: consuming Value) {
    switch slot.pointee {
    case .list, .record:
      let old = slot.move()
      slot.initialize(to: value)
      disposeContainer(old)
    default:
      slot.pointee = value
    }
  }

  private static func disposeContainer(_ value: consuming Value) {
    guard var items = takeItems(value), isUnique(&items), items.contains(where: isContainer)
    else { return }
    var pending: [[Value]] = [items]
    while var current = pending.popLast() {
      for i in current.indices where isContainer(current[i]) {
        var child = Value.nil
        swap(&child, &current[i])
        if var inner = takeItems(child), isUnique(&inner), inner.contains(where: isContainer) {
          pending.append(inner)
        }
        // Otherwise `child` held nothing nested or is shared: dropping it is shallow.
      }
      // `current` now holds no containers, so releasing it does not recurse.
    }
  }

  @inline(__always)
  private static func isContainer(_ v: Value) -> Bool {
    switch v {
    case .list, .record: return true
    default: return false
    }
  }

  /// The items of a list or the values of a record, taking ownership of them.
  private static func takeItems(_ value: consuming Value) -> [Value]? {
    switch consume value {
    case .list(let items): return items
    case .record(let record): return record.takeValues()
    default: return nil
    }
  }

  /// Whether `items` is the only reference to its storage. An array's one stored
  /// property is a reference to its storage object (a stable ABI on every platform
  /// Swift supports); the size check makes any other layout answer "shared", which
  /// merely skips the iterative path.
  static func isUnique(_ items: inout [Value]) -> Bool {
    guard MemoryLayout<[Value]>.size == MemoryLayout<AnyObject>.size else { return false }
    return withUnsafeMutablePointer(to: &items) { pointer in
      pointer.withMemoryRebound(to: AnyObject.self, capacity: 1) {
        isKnownUniquelyReferenced(&$0.pointee)
      }
    }
  }
}

extension Record {
  /// The values, taking ownership of them (the keys are dropped).
  consuming func takeValues() -> [Value] { values }
}
