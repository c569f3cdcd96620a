// Ordering of values for `<` on lists and for sorting: numbers by value, strings by
// their characters, bools false before true, lists element by element. Values of
// different types have no order.

extension Ops {
  /// Lists nested deeper than this have no order (a clear error beats deep recursion).
  static let maxOrderingDepth = 100

  /// Whether `a` sorts before `b`; nil when they cannot be compared.
  static func less(_ a: Value, _ b: Value) -> Bool? {
    compare(a, b, depth: 0).map { $0 < 0 }
  }

  /// -1, 0 or 1 as `a` sorts before, with or after `b`; nil when they cannot be compared
  /// (also for NaN, which has no place in an order).
  private static func compare(_ a: Value, _ b: Value, depth: Int) -> Int? {
    switch (a, b) {
    case (.number(let x), .number(let y)):
      if x < y { return -1 }
      if x > y { return 1 }
      return x == y ? 0 : nil
    case (.string(let x), .string(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
    case (.list(let x), .list(let y)):
      guard depth < maxOrderingDepth else { return nil }
      for (p, q) in zip(x, y) {
        guard let order = compare(p, q, depth: depth + 1) else { return nil }
        if order != 0 { return order }
      }
      return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
    default: return nil
    }
  }

  /// `less` for natives that sort: throws the standard message for incomparable values.
  static func lessOrThrow(_ a: Value, _ b: Value) throws -> Bool {
    guard let result = less(a, b) else {
      throw RuntimeError(
        "cannot compare \(withArticle(a.typeName)) with \(withArticle(b.typeName))")
    }
    return result
  }
}
