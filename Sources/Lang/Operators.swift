// Operator semantics: numbers first, then strings and lists, then native objects;
// anything else is "unsupported operands for +: list and number".

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum Ops {
  static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ range: SourceRange)
    throws(Unwind) -> Value
  {
    if case .number(let x) = a, case .number(let y) = b, let v = numeric(op, x, y) { return v }
    return try binarySlow(op, a, b, range)
  }

  /// Every number-number operator except `@`.
  @inline(__always)
  static func numeric(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Value? {
    switch op {
    case .add: return .number(x + y)
    case .subtract: return .number(x - y)
    case .multiply: return .number(x * y)
    case .divide: return .number(x / y)
    case .modulo: return .number(floorMod(x, y))
    case .power: return .number(pow(x, y))
    case .equal: return .bool(x == y)
    case .notEqual: return .bool(x != y)
    case .less: return .bool(x < y)
    case .lessEqual: return .bool(x <= y)
    case .greater: return .bool(x > y)
    case .greaterEqual: return .bool(x >= y)
    case .matmul: return nil
    }
  }

  /// Python's `%`: the result has the sign of the divisor, so `-1 % 3 == 2`.
  static func floorMod(_ x: Double, _ y: Double) -> Double {
    let r = fmod(x, y)
    return r != 0 && (r < 0) != (y < 0) ? r + y : r
  }

  static func binarySlow(_ op: BinaryOperator, _ a: Value, _ b: Value, _ range: SourceRange)
    throws(Unwind) -> Value
  {
    if case .native(let n) = a,
      let v = try catchingNative(range, { try n.binary(op, b, selfOnLeft: true) })
    {
      return v
    }
    if case .native(let n) = b,
      let v = try catchingNative(range, { try n.binary(op, a, selfOnLeft: false) })
    {
      return v
    }
    switch (op, a, b) {
    case (.equal, _, _): return .bool(equal(a, b))
    case (.notEqual, _, _): return .bool(!equal(a, b))
    case (_, .number(let x), .number(let y)):
      if let v = numeric(op, x, y) { return v }
    case (.add, .string(let x), .string(let y)): return .string(x + y)
    case (.add, .list(let x), .list(let y)): return .list(x + y)
    case (.multiply, .string(let s), .number(let n)), (.multiply, .number(let n), .string(let s)):
      guard let count = exactInt(n), count >= 0,
        count <= Limits.maxStringBytes / max(s.utf8.count, 1)
      else {
        throw .error("cannot repeat a string \(formatNumber(n)) times", range)
      }
      return .string(String(repeating: s, count: count))
    case (.multiply, .list(let items), .number(let n)),
      (.multiply, .number(let n), .list(let items)):
      guard let count = exactInt(n), count >= 0,
        count <= Limits.maxSequenceLength / max(items.count, 1)
      else {
        throw .error("cannot repeat a list \(formatNumber(n)) times", range)
      }
      var repeated: [Value] = []
      repeated.reserveCapacity(items.count * count)
      for _ in 0..<count { repeated.append(contentsOf: items) }
      return .list(repeated)
    case (.less, _, _), (.lessEqual, _, _), (.greater, _, _), (.greaterEqual, _, _):
      if let before = less(a, b), let after = less(b, a) {
        switch op {
        case .less: return .bool(before)
        case .lessEqual: return .bool(!after)
        case .greater: return .bool(after)
        default: return .bool(!before)
        }
      }
    default: break
    }
    throw .error("unsupported operands for \(op.symbol): \(a.typeName) and \(b.typeName)", range)
  }

  static func unarySlow(_ op: UnaryOperator, _ v: Value, _ range: SourceRange) throws(Unwind)
    -> Value
  {
    if case .native(let n) = v, let result = try catchingNative(range, { try n.unary(op) }) {
      return result
    }
    if op == .not { throw notBool(v, "operand of 'not'", range) }
    throw .error("unsupported operand for \(op.symbol): \(v.typeName)", range)
  }

  static func notBool(_ v: Value, _ what: String, _ range: SourceRange) -> Unwind {
    .error("\(what) must be a bool, got \(describeForMessage(v))", range)
  }

  static func makeRange(_ a: Value, _ b: Value, closed: Bool, _ range: SourceRange)
    throws(Unwind) -> Value
  {
    guard case .number(let x) = a, let lower = exactInt(x) else {
      throw .error("range bounds must be integers, got \(describeForMessage(a))", range)
    }
    guard case .number(let y) = b, let upper = exactInt(y) else {
      throw .error("range bounds must be integers, got \(describeForMessage(b))", range)
    }
    return .range(RangeValue(lower: lower, upper: upper, isClosed: closed))
  }

  /// Structural equality: lists element by element, records field by field (in any
  /// order), functions and natives by identity unless the native says otherwise.
  /// Iterative, with a work list of pairs, so deeply nested values compare without
  /// deep recursion.
  static func equal(_ a: Value, _ b: Value) -> Bool {
    var pending: [(Value, Value)] = [(a, b)]
    while let (x, y) = pending.popLast() {
      switch (x, y) {
      case (.list(let p), .list(let q)):
        guard p.count == q.count else { return false }
        for i in p.indices.reversed() { pending.append((p[i], q[i])) }
      case (.record(let p), .record(let q)):
        guard p.count == q.count else { return false }
        for (key, value) in zip(p.keys, p.values) {
          guard let other = q[key] else { return false }
          pending.append((value, other))
        }
      default:
        if !shallowEqual(x, y) { return false }
      }
    }
    return true
  }

  /// `equal` for values that are not both lists or both records.
  private static func shallowEqual(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.nil, .nil): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.range(let x), .range(let y)): return x.lower == y.lower && x.end == y.end
    case (.function(let x), .function(let y)): return x === y
    case (.native(let x), _): return x.equals(b) ?? (b.asNative.map { $0 === x } ?? false)
    case (_, .native(let y)): return y.equals(a) ?? false
    default: return false
    }
  }
}
