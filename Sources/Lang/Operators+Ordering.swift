// Ordering of values for `<` on lists and for sorting: numbers by value, strings by
// their characters, bools false before true, lists element by element. Values of
// different types have no order.

extension Ops {
  /// Whether `a` sorts before `b`; nil when they cannot be compared.
  static func less(_ a: Value, _ b: Value) -> Bool? {
    switch (a, b) {
    case (.number(let x), .number(let y)): return x < y
    case (.string(let x), .string(let y)): return x < y
    case (.bool(let x), .bool(let y)): return !x && y
    case (.list(let x), .list(let y)):
      for (p, q) in zip(x, y) {
        guard let before = less(p, q) else { return nil }
        if before { return true }
        guard let after = less(q, p) else { return nil }
        if after { return false }
      }
      return x.count < y.count
    default: return nil
    }
  }

  /// `less` for natives that sort: throws the standard message for incomparable values.
  static func lessOrThrow(_ a: Value, _ b: Value) throws -> Bool {
    guard let result = less(a, b) else {
      throw RuntimeError("cannot compare \(withArticle(a.typeName)) with \(withArticle(b.typeName))")
    }
    return result
  }
}
