// String methods: contains, split, upper, lower, trim.

extension MethodTables {
  func installStringMethods() {
    MethodTables.add(
      BuiltinMethod(
        "contains", [Parameter("s")], doc: "Whether s occurs in the string.",
        .reading { receiver, args in
          let needle = try args.string("s")
          return .bool(needle.isEmpty || text(receiver).contains(needle))
        }), to: &string)
    MethodTables.add(
      BuiltinMethod(
        "split", [Parameter("separator", default: .string(" "))],
        doc: "The pieces of the string between occurrences of separator.",
        .reading { receiver, args in
          let separator = try args.string("separator")
          guard !separator.isEmpty else {
            throw args.bad("separator", expected: "a non-empty string")
          }
          let pieces = text(receiver).split(separator: separator, omittingEmptySubsequences: false)
          return .list(pieces.map { .string(String($0)) })
        }), to: &string)
    MethodTables.add(
      BuiltinMethod(
        "upper", [], doc: "The string in upper case.",
        .reading { receiver, _ in .string(text(receiver).uppercased()) }), to: &string)
    MethodTables.add(
      BuiltinMethod(
        "lower", [], doc: "The string in lower case.",
        .reading { receiver, _ in .string(text(receiver).lowercased()) }), to: &string)
  }
}

private func text(_ receiver: Value) -> String {
  receiver.asString ?? receiver.description
}
