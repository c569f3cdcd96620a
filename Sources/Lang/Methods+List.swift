// List methods: map, filter, append, contains, join.

extension MethodTables {
  func installListMethods() {
    let f = [Parameter("f")]
    MethodTables.add(
      BuiltinMethod(
        "map", f, doc: "A new list with f applied to every item.",
        .reading { receiver, args in
          let fn = try args.function("f")
          return .list(try items(receiver).map { try args.call(fn, [$0]) })
        }), to: &list)
    MethodTables.add(
      BuiltinMethod(
        "filter", f, doc: "The items for which f returns true, in order.",
        .reading { receiver, args in
          let fn = try args.function("f")
          return .list(
            try items(receiver).filter {
              guard case .bool(let keep) = try args.call(fn, [$0]) else {
                throw RuntimeError("the function given to filter must return a bool")
              }
              return keep
            })
        }), to: &list)
    MethodTables.add(
      BuiltinMethod(
        "contains", [Parameter("x")], doc: "Whether some item equals x.",
        .reading { receiver, args in
          let x = try args.value("x")
          return .bool(try items(receiver).contains { Ops.equal($0, x) })
        }), to: &list)
    MethodTables.add(
      BuiltinMethod(
        "join", [Parameter("separator", default: .string(""))],
        doc: "The items as text, separated by separator.",
        .reading { receiver, args in
          let separator = try args.string("separator")
          return .string(try items(receiver).map(\.description).joined(separator: separator))
        }), to: &list)
    MethodTables.add(
      BuiltinMethod(
        "append", [Parameter("x")], doc: "Adds x at the end of the list (needs a var).",
        .mutating { receiver, args in
          guard case .list(var items) = receiver else { throw RuntimeError("append needs a list") }
          receiver = .nil  // drop the enum's reference so `items` is unique
          items.append(try args.value("x"))
          receiver = .list(items)
          return .nil
        }), to: &list)
  }
}

private func items(_ receiver: Value) throws -> [Value] {
  guard case .list(let items) = receiver else { throw RuntimeError("expected a list") }
  return items
}
