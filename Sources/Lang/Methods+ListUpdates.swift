// List methods that update the list in place (they need a `var`): append, extend,
// insert, pop, remove, clear, sort, reverse.

extension MethodTables {
  func installListUpdates() {
    for method in [
      updating(
        "append", [Parameter("x")],
        "Adds x at the end of the list.\n\n    var xs = [1]\n    xs.append(2)"
      ) { receiver, args in
        guard receiver.appendToList(try args.value("x")) else {
          throw RuntimeError("append needs a list")
        }
        return .nil
      },
      updating(
        "extend", [Parameter("xs")],
        "Adds the items of xs at the end of the list.\n\n    var xs = [1]\n    xs.extend([2, 3])"
      ) { receiver, args in
        let more = try args.list("xs")
        try update(&receiver) { items in
          guard items.count + more.count <= Limits.maxSequenceLength else {
            throw RuntimeError("extend: the list would be too long")
          }
          items += more
        }
        return .nil
      },
      updating(
        "insert", [Parameter("index"), Parameter("x")],
        "Inserts x before position index (len(xs) appends).\n\n    var xs = [1, 3]\n    xs.insert(1, 2)"
      ) { receiver, args in
        let x = try args.value("x")
        try update(&receiver) { items in
          let i = try args.int("index")
          let p = i < 0 ? i + items.count : i
          guard p >= 0, p <= items.count else {
            throw RuntimeError(
              "index \(i) out of range for insert into a list of length \(items.count)")
          }
          items.insert(x, at: p)
        }
        return .nil
      },
      updating(
        "pop", [Parameter("index", default: .number(-1))],
        "Removes the item at index (the last by default) and returns it.\n\n    var xs = [1, 2]\n    xs.pop()"
      ) { receiver, args in
        var removed = Value.nil
        try update(&receiver) { items in
          let i = try args.int("index")
          let p = i < 0 ? i + items.count : i
          guard p >= 0, p < items.count else {
            throw RuntimeError("cannot pop index \(i) from a list of length \(items.count)")
          }
          removed = items.remove(at: p)
        }
        return removed
      },
      updating(
        "remove", [Parameter("x")],
        "Removes the first item equal to x.\n\n    var xs = [1, 2, 1]\n    xs.remove(1)"
      ) { receiver, args in
        let x = try args.value("x")
        try update(&receiver) { items in
          guard let p = items.firstIndex(where: { Ops.equal($0, x) }) else {
            throw RuntimeError("remove: \(describeForMessage(x)) is not in the list")
          }
          items.remove(at: p)
        }
        return .nil
      },
      updating(
        "clear", [], "Removes every item.\n\n    var xs = [1, 2]\n    xs.clear()"
      ) { receiver, _ in
        try update(&receiver) { items in items.removeAll() }
        return .nil
      },
      updating(
        "sort", [Parameter("key", default: .nil), Parameter("reverse", default: .bool(false))],
        "Sorts the list in place, as sorted does.\n\n    var xs = [3, 1, 2]\n    xs.sort()"
      ) { receiver, args in
        try update(&receiver) { items in items = try sortedItems(items, args) }
        return .nil
      },
      updating(
        "reverse", [], "Reverses the list in place.\n\n    var xs = [1, 2, 3]\n    xs.reverse()"
      ) { receiver, _ in
        try update(&receiver) { items in items.reverse() }
        return .nil
      },
    ] {
      MethodTables.add(method, to: &list)
    }
  }
}

/// Runs `body` on the items of a list receiver in place (the receiver is uniquely
/// held while it runs, so the list is not copied).
private func update(_ receiver: inout Value, _ body: (inout [Value]) throws -> Void) throws {
  guard case .list(var items) = receiver else { throw RuntimeError("expected a list") }
  receiver = .nil
  defer { receiver = .list(items) }
  try body(&items)
}
