// Record methods: keys, values, items, has, get, merge, remove. A field with the same
// name as a method wins: `r.keys` reads a field called "keys" when there is one.

extension MethodTables {
  func installRecordMethods() {
    for method in [
      reading("keys", [], "The field names, in order.\n\n    {rank: 8, tau: 0.1}.keys()") {
        receiver, _ in
        .list(try fields(receiver).keys.map { .string($0) })
      },
      reading("values", [], "The field values, in order.\n\n    {rank: 8, tau: 0.1}.values()") {
        receiver, _ in
        .list(try fields(receiver).values)
      },
      reading(
        "items", [], "[name, value] pairs, in order.\n\n    {rank: 8, tau: 0.1}.items()"
      ) { receiver, _ in
        let r = try fields(receiver)
        return .list(zip(r.keys, r.values).map { .list([.string($0), $1]) })
      },
      reading(
        "has", [Parameter("key")],
        "Whether the record has a field named key.\n\n    {rank: 8}.has(\"rank\")"
      ) { receiver, args in .bool(try fields(receiver)[try args.string("key")] != nil) },
      reading(
        "get", [Parameter("key"), Parameter("default", default: .nil)],
        "The field named key, or default when there is none.\n\n    {rank: 8}.get(\"tau\", 0.1)"
      ) { receiver, args in
        try fields(receiver)[try args.string("key")] ?? (try args.value("default"))
      },
      reading(
        "merge", [Parameter("other")],
        "A new record with the fields of both; other's values win.\n\n    {rank: 8, tau: 0.1}.merge({tau: 0.2})"
      ) { receiver, args in
        var r = try fields(receiver)
        let other = try args.record("other")
        for (key, value) in zip(other.keys, other.values) { r[key] = value }
        return .record(r)
      },
      updating(
        "remove", [Parameter("key")],
        "Removes the field named key and returns its value.\n\n    var r = {rank: 8, tau: 0.1}\n    r.remove(\"tau\")"
      ) { receiver, args in
        let key = try args.string("key")
        guard case .record(var r) = receiver else { throw RuntimeError("expected a record") }
        guard let old = r[key] else {
          throw RuntimeError(
            withSuggestion("record has no field '\(key)'", for: key, among: r.keys))
        }
        receiver = .nil
        r[key] = nil
        receiver = .record(r)
        return old
      },
    ] {
      MethodTables.add(method, to: &record)
    }
  }
}

private func fields(_ receiver: Value) throws -> Record {
  guard case .record(let r) = receiver else { throw RuntimeError("expected a record") }
  return r
}
