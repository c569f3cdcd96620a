// The runtime values of lr: nil, bool, number, string, list, record, range,
// function and native objects. Lists and records have value semantics.

/// A value of the *lr* language.
///
/// Lists and records are Swift arrays underneath, so they are copy-on-write values:
/// `var ys = xs; ys.append(4)` leaves `xs` unchanged. Functions and native objects
/// are references.
///
///     let v: Value = .list([.number(1), .string("a")])
///     print(v)   // [1, "a"]
public enum Value {
  /// The absence of a value.
  case `nil`
  /// `true` or `false`.
  case bool(Bool)
  /// A number; *lr* has only Float64.
  case number(Double)
  /// A string of characters.
  case string(String)
  /// An ordered list of values.
  case list([Value])
  /// A record: named fields in order, e.g. `{rank: 8, tau: 0.1}`.
  case record(Record)
  /// An integer range `a..<b` or `a...b`.
  case range(RangeValue)
  /// A user function, closure or native function.
  case function(any Callable)
  /// A domain object owned by another target (a tensor, a figure, a model).
  case native(any NativeObject)

  /// A record with `fields` in order; a later duplicate name replaces an earlier one.
  public static func record(_ fields: [(String, Value)]) -> Value {
    .record(Record(fields))
  }

  /// The number, or nil when the value is not a number.
  public var asNumber: Double? {
    if case .number(let x) = self { return x }
    return nil
  }

  /// The string, or nil when the value is not a string.
  public var asString: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The bool, or nil when the value is not a bool.
  public var asBool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The items, or nil when the value is not a list.
  public var asList: [Value]? {
    if case .list(let items) = self { return items }
    return nil
  }

  /// The record, or nil when the value is not a record.
  public var asRecord: Record? {
    if case .record(let r) = self { return r }
    return nil
  }

  /// The range, or nil when the value is not a range.
  public var asRange: RangeValue? {
    if case .range(let r) = self { return r }
    return nil
  }

  /// The function, or nil when the value is not callable.
  public var asFunction: (any Callable)? {
    if case .function(let f) = self { return f }
    return nil
  }

  /// The native object, or nil when the value is not native.
  public var asNative: (any NativeObject)? {
    if case .native(let n) = self { return n }
    return nil
  }

  /// True for `nil`.
  public var isNil: Bool {
    if case .nil = self { return true }
    return false
  }

  /// The name users see in messages: "number", "string", "list", "record", "range",
  /// "function", "nil", "bool", or the native object's own type name.
  public var typeName: String {
    switch self {
    case .nil: return "nil"
    case .bool: return "bool"
    case .number: return "number"
    case .string: return "string"
    case .list: return "list"
    case .record: return "record"
    case .range: return "range"
    case .function: return "function"
    case .native(let object): return object.typeName
    }
  }
}

extension Value: Equatable {
  /// Structural equality, as *lr*'s `==`: lists and records by content, functions and
  /// native objects by identity unless the native's `equals` says otherwise.
  public static func == (a: Value, b: Value) -> Bool { Ops.equal(a, b) }
}

/// An integer range of numbers: `lower..<upper` or `lower...upper`.
public struct RangeValue: Hashable, Sendable {
  /// The first number of the range.
  public var lower: Int
  /// The bound as written: excluded for `..<`, included for `...`.
  public var upper: Int
  /// True for `a...b`.
  public var isClosed: Bool

  /// A range from `lower` to `upper` (included when `isClosed`).
  public init(lower: Int, upper: Int, isClosed: Bool) {
    self.lower = lower
    self.upper = upper
    self.isClosed = isClosed
  }

  /// The excluded end: `upper` for `..<`, `upper + 1` for `...` (saturating, for
  /// ranges a native builds with extreme bounds; *lr* limits bounds to ±2^53).
  public var end: Int { isClosed && upper < Int.max ? upper + 1 : upper }

  /// How many numbers the range holds (0 when empty; saturates instead of overflowing).
  public var count: Int {
    let (n, overflow) = end.subtractingReportingOverflow(lower)
    return overflow ? (lower < 0 ? Int.max : 0) : Swift.max(0, n)
  }
}
