// Releasing deeply nested values without deep recursion. Swift releases a list of
// lists recursively, one native stack frame per level, so dropping the last reference
// to a value nested ~50,000 levels deep (built by `x = [x]` in a loop) would exhaust
// the stack. Where the interpreter drops values (frames, assignments, discarded
// statement values, native arguments, boxes and globals) it hands them to `Disposal`,
// which takes uniquely owned nested containers apart with an explicit work list.
//
// Ownership is made explicit (values are cleared in place, temporaries end before a
// uniqueness check) so the result does not depend on what the optimizer does.

enum Disposal {
  /// Drops `value`, taking a uniquely owned nested list or record apart iteratively.
  @inline(__always)
  static func dispose(_ value: consuming Value) {
    var owned = consume value
    clear(&owned)
  }

  /// Drops `value` when there is one, as `dispose(_:)`.
  @inline(__always)
  static func dispose(_ value: consuming Value?) {
    var owned = (consume value) ?? .nil
    clear(&owned)
  }

  /// Stores `value` at `slot`, disposing of the value it replaces.
  @inline(__always)
  static func assign(_ slot: UnsafeMutablePointer<Value>, _ value: consuming Value) {
    var old = consume value
    swap(&slot.pointee, &old)
    clear(&old)
  }

  /// Sets `value` to nil, disposing of what it held.
  @inline(__always)
  static func clear(_ value: inout Value) {
    if isContainer(value) { clearContainer(&value) } else { value = .nil }
  }

  private static func clearContainer(_ value: inout Value) {
    guard var items = extractItems(&value), isUnique(&items), items.contains(where: isContainer)
    else { return }
    var pending: [[Value]] = []
    pending.append(items)
    items = []
    while var current = pending.popLast() {
      for i in current.indices where isContainer(current[i]) {
        // `current` is uniquely owned, so this updates it in place.
        guard var inner = extractItems(&current[i]) else { continue }
        if isUnique(&inner), inner.contains(where: isContainer) {
          pending.append(inner)
          inner = []
        }
        // Otherwise `inner` holds nothing nested or is shared: dropping it is shallow.
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

  /// The items of a list or the values of a record, leaving nil in `value`: afterwards
  /// the caller holds the only reference the value held.
  private static func extractItems(_ value: inout Value) -> [Value]? {
    let items: [Value]?
    switch value {
    case .list(let list): items = list
    case .record(let record): items = record.values
    default: items = nil
    }
    if items != nil { value = .nil }
    return items
  }

  /// Whether `items` is the only reference to its storage. An array's one stored
  /// property is a reference to its storage object (a stable ABI on every platform
  /// Swift supports); the size check makes any other layout answer "shared", which
  /// merely skips the iterative path.
  static func isUnique(_ items: inout [Value]) -> Bool {
    guard MemoryLayout<[Value]>.size == MemoryLayout<StorageReference>.size else { return false }
    return withUnsafeMutablePointer(to: &items) { pointer in
      // Only the reference count is read, which every native class keeps alike.
      pointer.withMemoryRebound(to: StorageReference.self, capacity: 1) {
        isKnownUniquelyReferenced(&$0.pointee)
      }
    }
  }
}

/// Stands in for an array's storage class when asking for its reference count.
private final class StorageReference {}
