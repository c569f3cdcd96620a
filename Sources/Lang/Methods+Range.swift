// Range methods: map, filter, contains, reversed, by (a stepped list).

extension MethodTables {
  func installRangeMethods() {
    for method in [
      reading(
        "map", [Parameter("f")],
        "A list of f applied to every number.\n\n    (1...3).map(fn(i) { i * 10 })"
      ) { receiver, args in
        let f = try args.function("f")
        return .list(try numbers(receiver).map { try args.call(f, [.number(Double($0))]) })
      },
      reading(
        "filter", [Parameter("f")],
        "The numbers for which f returns true, as a list.\n\n    (0..<10).filter(fn(i) { i % 3 == 0 })"
      ) { receiver, args in
        let f = try args.function("f")
        return .list(
          try numbers(receiver).map { .number(Double($0)) }.filter {
            try test(args, f, $0, "filter")
          })
      },
      reading(
        "contains", [Parameter("x")],
        "Whether x is one of the range's numbers.\n\n    (0..<10).contains(3)"
      ) { receiver, args in
        guard case .range(let r) = receiver, case .number(let x) = try args.value("x") else {
          return .bool(false)
        }
        return .bool(x.rounded(.towardZero) == x && x >= Double(r.lower) && x < Double(r.end))
      },
      reading(
        "reversed", [], "The numbers from last to first, as a list.\n\n    (1...3).reversed()"
      ) { receiver, _ in .list(try numbers(receiver).reversed().map { .number(Double($0)) }) },
      reading(
        "by", [Parameter("step")],
        "Every step-th number from the start, as a list.\n\n    (0..<10).by(3)"
      ) { receiver, args in
        let step = try args.positiveInt("step")
        return .list(try numbers(receiver, step: step).map { .number(Double($0)) })
      },
    ] {
      MethodTables.add(method, to: &range)
    }
  }
}

/// The numbers of a range receiver (every `step`-th), refusing absurdly long ranges.
private func numbers(_ receiver: Value, step: Int = 1) throws -> StrideTo<Int> {
  guard case .range(let r) = receiver else { throw RuntimeError("expected a range") }
  guard r.count / step <= Limits.maxSequenceLength else {
    throw RuntimeError("a range of \(r.count) numbers is too long to make a list of")
  }
  return stride(from: r.lower, to: r.end, by: step)
}
