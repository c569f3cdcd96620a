// List methods that reorder or regroup: sorted, reversed, enumerate, zip, flatten,
// unique, take, drop.

extension MethodTables {
  func installListReshaping() {
    for method in [
      reading(
        "sorted", [Parameter("key", default: .nil), Parameter("reverse", default: .bool(false))],
        "The items in increasing order (numbers, strings, bools, lists), or ordered by key(item); stable.\n\n    [\"b\", \"a\", \"c\"].sorted()"
      ) { receiver, args in
        .list(try sortedItems(try items(receiver), args))
      },
      reading(
        "reversed", [], "The items in reverse order.\n\n    [1, 2, 3].reversed()"
      ) { receiver, _ in .list(try items(receiver).reversed()) },
      reading(
        "enumerate", [Parameter("start", default: .number(0))],
        "[position, item] pairs, counting from start.\n\n    [\"a\", \"b\"].enumerate()"
      ) { receiver, args in
        let start = try args.int("start")
        return .list(
          try items(receiver).enumerated().map { .list([.number(Double(start + $0)), $1]) })
      },
      reading(
        "zip", [Parameter("other")],
        "[item, other item] pairs, as long as the shorter list.\n\n    [1, 2].zip([\"a\", \"b\"])"
      ) { receiver, args in
        .list(zip(try items(receiver), try args.list("other")).map { .list([$0, $1]) })
      },
      reading(
        "flatten", [], "The items of the items, one level deep.\n\n    [[1, 2], [3]].flatten()"
      ) { receiver, _ in
        var out: [Value] = []
        for item in try items(receiver) {
          if case .list(let inner) = item { out += inner } else { out.append(item) }
          guard out.count <= Limits.maxSequenceLength else {
            throw RuntimeError("flatten: the list is too long")
          }
        }
        return .list(out)
      },
      reading(
        "unique", [],
        "The items without repeats, first occurrences in order.\n\n    [1, 2, 1, 3].unique()"
      ) { receiver, args in
        var out: [Value] = []
        for (i, item) in try items(receiver).enumerated() {
          if i % 4096 == 0 { try args.checkInterrupted() }
          if !out.contains(where: { Ops.equal($0, item) }) { out.append(item) }
        }
        return .list(out)
      },
      reading(
        "take", [Parameter("n")],
        "The first n items (all of them if fewer).\n\n    [1, 2, 3].take(2)"
      ) { receiver, args in
        .list(Array(try items(receiver).prefix(try args.nonNegativeInt("n"))))
      },
      reading(
        "drop", [Parameter("n")], "The items after the first n.\n\n    [1, 2, 3].drop(1)"
      ) { receiver, args in
        .list(Array(try items(receiver).dropFirst(try args.nonNegativeInt("n"))))
      },
    ] {
      MethodTables.add(method, to: &list)
    }
  }
}

/// `items` sorted by `key` (when given) and `reverse`, stably, for `sorted` and `sort`.
func sortedItems(_ items: [Value], _ args: Arguments) throws -> [Value] {
  let keys =
    try args.optionalFunction("key").map { f in try items.map { try args.call(f, [$0]) } }
    ?? items
  let reverse = try args.bool("reverse")
  var order = Array(items.indices)
  var comparisons = 0
  try order.sort { i, j in
    comparisons += 1
    if comparisons % 65_536 == 0 { try args.checkInterrupted() }
    let (a, b) = reverse ? (keys[j], keys[i]) : (keys[i], keys[j])
    if try Ops.lessOrThrow(a, b) { return true }
    if try Ops.lessOrThrow(b, a) { return false }
    return i < j
  }
  return order.map { items[$0] }
}
