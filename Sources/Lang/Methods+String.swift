// String methods: contains, split, upper, lower, trim, starts_with, ends_with,
// replace, find, count, lines, chars, pad_left, pad_right.

extension MethodTables {
  func installStringMethods() {
    for method in [
      reading(
        "contains", [Parameter("s")],
        "Whether s occurs in the string.\n\n    \"low-rank\".contains(\"rank\")"
      ) { receiver, args in
        let needle = try args.string("s")
        return .bool(needle.isEmpty || text(receiver).contains(needle))
      },
      reading(
        "split", [Parameter("separator", default: .string(" "))],
        "The pieces of the string between occurrences of separator.\n\n    \"a,b,c\".split(\",\")"
      ) { receiver, args in
        let separator = try args.string("separator")
        guard !separator.isEmpty else {
          throw args.bad("separator", expected: "a non-empty string")
        }
        let pieces = text(receiver).split(separator: separator, omittingEmptySubsequences: false)
        return .list(pieces.map { .string(String($0)) })
      },
      reading("upper", [], "The string in upper case.\n\n    \"rank\".upper()") { receiver, _ in
        .string(text(receiver).uppercased())
      },
      reading("lower", [], "The string in lower case.\n\n    \"SVD\".lower()") { receiver, _ in
        .string(text(receiver).lowercased())
      },
      reading(
        "trim", [], "The string without leading and trailing white space.\n\n    \"  x \".trim()"
      ) { receiver, _ in
        .string(
          String(
            text(receiver).drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()))
      },
      reading(
        "starts_with", [Parameter("prefix")],
        "Whether the string starts with prefix.\n\n    \"lenet5\".starts_with(\"le\")"
      ) { receiver, args in .bool(text(receiver).hasPrefix(try args.string("prefix"))) },
      reading(
        "ends_with", [Parameter("suffix")],
        "Whether the string ends with suffix.\n\n    \"model.lr\".ends_with(\".lr\")"
      ) { receiver, args in .bool(text(receiver).hasSuffix(try args.string("suffix"))) },
      reading(
        "replace", [Parameter("old"), Parameter("new")],
        "The string with every occurrence of old replaced by new.\n\n    \"a-b-c\".replace(\"-\", \"+\")"
      ) { receiver, args in
        let old = try args.string("old")
        guard !old.isEmpty else { throw args.bad("old", expected: "a non-empty string") }
        let pieces = text(receiver).split(separator: old, omittingEmptySubsequences: false)
        let new = try args.string("new")
        guard pieces.count <= 1 || new.utf8.count <= Limits.maxStringBytes / pieces.count else {
          throw RuntimeError("replace: the result would be too long")
        }
        return .string(pieces.joined(separator: new))
      },
      reading(
        "find", [Parameter("s")],
        "The position (in characters) where s first occurs, or nil.\n\n    \"low-rank\".find(\"rank\")"
      ) { receiver, args in
        let whole = text(receiver)
        guard let found = whole.range(of: try args.string("s")) else { return .nil }
        return .number(Double(whole.distance(from: whole.startIndex, to: found.lowerBound)))
      },
      reading(
        "count", [Parameter("s")],
        "How many times s occurs, not overlapping.\n\n    \"banana\".count(\"an\")"
      ) { receiver, args in
        let s = try args.string("s")
        guard !s.isEmpty else { throw args.bad("s", expected: "a non-empty string") }
        return .number(
          Double(text(receiver).split(separator: s, omittingEmptySubsequences: false).count - 1))
      },
      reading(
        "lines", [], "The lines of the string, without their line breaks.\n\n    \"a\\nb\".lines()"
      ) { receiver, _ in
        .list(
          text(receiver).split(omittingEmptySubsequences: false) { $0.isNewline }.map {
            .string(String($0))
          })
      },
      reading("chars", [], "The characters of the string.\n\n    \"abc\".chars()") { receiver, _ in
        .list(text(receiver).map { .string(String($0)) })
      },
      reading(
        "pad_left", [Parameter("width"), Parameter("fill", default: .string(" "))],
        "The string right-aligned in width characters.\n\n    \"7\".pad_left(3, \"0\")"
      ) { receiver, args in .string(try pad(text(receiver), args, left: true)) },
      reading(
        "pad_right", [Parameter("width"), Parameter("fill", default: .string(" "))],
        "The string left-aligned in width characters.\n\n    \"ab\".pad_right(4, \".\")"
      ) { receiver, args in .string(try pad(text(receiver), args, left: false)) },
    ] {
      MethodTables.add(method, to: &string)
    }
  }
}

private func text(_ receiver: Value) -> String {
  receiver.asString ?? receiver.description
}

/// `s` padded with `fill` to `width` characters (unchanged when already that long).
func pad(_ s: String, _ args: Arguments, left: Bool) throws -> String {
  let width = try args.nonNegativeInt("width")
  let fill = try args.string("fill")
  guard fill.count == 1 else { throw args.bad("fill", expected: "one character") }
  guard width <= Limits.maxStringBytes / 4 else {
    throw args.bad("width", expected: "a smaller width")
  }
  let padding = String(repeating: fill, count: max(0, width - s.count))
  return left ? padding + s : s + padding
}
