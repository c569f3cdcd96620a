// List methods that read the list: map, filter, reduce, sorted, join, enumerate, …
// Each doc ends with an example that the docs tests run.

extension MethodTables {
  func installListMethods() {
    for method in [
      reading(
        "map", [Parameter("f")],
        "A new list with f applied to every item.\n\n    [1, 2, 3].map(fn(x) { x * x })"
      ) { receiver, args in
        let f = try args.function("f")
        return .list(try items(receiver).map { try args.call(f, [$0]) })
      },
      reading(
        "filter", [Parameter("f")],
        "The items for which f returns true, in order.\n\n    [1, 2, 3, 4].filter(fn(x) { x % 2 == 0 })"
      ) { receiver, args in
        let f = try args.function("f")
        return .list(try items(receiver).filter { try test(args, f, $0, "filter") })
      },
      reading(
        "reduce", [Parameter("f"), Parameter("initial")],
        "Combines the items from the left: f(f(initial, x0), x1) and so on.\n\n    [1, 2, 3].reduce(fn(total, x) { total + x }, 0)"
      ) { receiver, args in
        let f = try args.function("f")
        var result = try args.value("initial")
        for item in try items(receiver) { result = try args.call(f, [result, item]) }
        return result
      },
      reading(
        "contains", [Parameter("x")], "Whether some item equals x.\n\n    [1, 2, 3].contains(2)"
      ) { receiver, args in
        let x = try args.value("x")
        return .bool(try items(receiver).contains { Ops.equal($0, x) })
      },
      reading(
        "index_of", [Parameter("x")],
        "The position of the first item equal to x, or nil.\n\n    [\"a\", \"b\"].index_of(\"b\")"
      ) { receiver, args in
        let x = try args.value("x")
        return try items(receiver).firstIndex { Ops.equal($0, x) }.map { .number(Double($0)) }
          ?? .nil
      },
      reading(
        "find", [Parameter("f")],
        "The first item for which f returns true, or nil.\n\n    [3, 8, 12].find(fn(x) { x > 5 })"
      ) { receiver, args in
        let f = try args.function("f")
        return try items(receiver).first { try test(args, f, $0, "find") } ?? .nil
      },
      reading(
        "any", [Parameter("f", default: .nil)],
        "Whether f returns true for some item (without f: whether some item is true).\n\n    [1, 5].any(fn(x) { x > 4 })"
      ) { receiver, args in
        let f = try args.optionalFunction("f")
        return .bool(try items(receiver).contains { try truth(args, f, $0, "any") })
      },
      reading(
        "all", [Parameter("f", default: .nil)],
        "Whether f returns true for every item (without f: whether every item is true).\n\n    [1, 5].all(fn(x) { x > 0 })"
      ) { receiver, args in
        let f = try args.optionalFunction("f")
        return .bool(try items(receiver).allSatisfy { try truth(args, f, $0, "all") })
      },
      reading(
        "join", [Parameter("separator", default: .string(""))],
        "The items as text, separated by separator.\n\n    [1, 2, 3].join(\", \")"
      ) { receiver, args in
        let separator = try args.string("separator")
        return .string(try items(receiver).map(\.description).joined(separator: separator))
      },
    ] {
      MethodTables.add(method, to: &list)
    }
    installListReshaping()
  }
}

/// The items of a list receiver.
func items(_ receiver: Value) throws -> [Value] {
  guard case .list(let items) = receiver else { throw RuntimeError("expected a list") }
  return items
}

/// Calls `f` on `item` and requires a bool.
func test(_ args: Arguments, _ f: Value, _ item: Value, _ method: String) throws -> Bool {
  guard case .bool(let b) = try args.call(f, [item]) else {
    throw RuntimeError("the function given to \(method) must return a bool")
  }
  return b
}

/// `f(item)` when there is an `f`, else the item itself, which must be a bool.
private func truth(_ args: Arguments, _ f: Value?, _ item: Value, _ method: String) throws
  -> Bool
{
  if let f { return try test(args, f, item, method) }
  guard case .bool(let b) = item else {
    throw RuntimeError("\(method) without a function needs bools, got \(describeForMessage(item))")
  }
  return b
}
