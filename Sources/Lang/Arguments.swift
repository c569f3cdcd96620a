// The bound arguments of a native call, with checked getters so every native's
// messages read alike: `bad argument 'rank' to f (expected a positive integer, got -3)`.

/// An error a native throws with a message for the user; the interpreter reports it
/// at the call site. Natives may throw any `Error`; this one is for plain messages.
public struct RuntimeError: Error, CustomStringConvertible, Sendable {
  /// The message, lowercase without a trailing period, naming things in quotes.
  public var message: String
  /// An error reading `message`.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}

/// The arguments of one native call, already bound to the native's parameters:
/// positional and named arguments placed, defaults filled in, variadic ones collected.
///
///     let rank = try args.positiveInt("rank")   // throws the standard message
///     let title = args.isGiven("title") ? try args.string("title") : "untitled"
public struct Arguments {
  /// The name of the function being called, used in messages.
  public let callee: String
  let parameters: [Parameter]
  let values: [Value]
  /// Which parameters the caller passed; nil when all were passed positionally.
  let given: [Bool]?
  let machine: Machine

  init(
    callee: String, parameters: [Parameter], values: [Value], given: [Bool]?,
    machine: Machine
  ) {
    self.callee = callee
    self.parameters = parameters
    self.values = values
    self.given = given
    self.machine = machine
  }

  private func position(_ name: String) throws -> Int {
    guard let i = parameters.firstIndex(where: { $0.name == name }) else {
      // A native asking for a parameter it did not declare is a bug in that native;
      // report it instead of trapping.
      throw RuntimeError("internal error: \(callee) has no parameter '\(name)'")
    }
    return i
  }

  /// The argument `name` as given (or its default), of any type.
  public func value(_ name: String) throws -> Value {
    values[try position(name)]
  }

  /// Whether the caller passed `name` (rather than relying on its default).
  public func isGiven(_ name: String) -> Bool {
    guard let i = parameters.firstIndex(where: { $0.name == name }) else { return false }
    return given?[i] ?? true
  }

  /// The standard error for argument `name`: `bad argument 'name' to callee (expected
  /// <expected>, got <what was given>)`.
  public func bad(_ name: String, expected: String) -> RuntimeError {
    let got = (try? value(name)).map(describeForMessage) ?? "nothing"
    return RuntimeError("bad argument '\(name)' to \(callee) (expected \(expected), got \(got))")
  }

  /// The number `name`.
  public func number(_ name: String) throws -> Double {
    guard case .number(let x) = try value(name) else { throw bad(name, expected: "a number") }
    return x
  }

  /// The integer `name`: a number with no fractional part that fits in ±2^53.
  public func int(_ name: String) throws -> Int {
    guard case .number(let x) = try value(name), let i = exactInt(x) else {
      throw bad(name, expected: "an integer")
    }
    return i
  }

  /// The integer `name`, which must be at least 1.
  public func positiveInt(_ name: String) throws -> Int {
    guard case .number(let x) = try value(name), let i = exactInt(x), i > 0 else {
      throw bad(name, expected: "a positive integer")
    }
    return i
  }

  /// The integer `name`, which must be at least 0.
  public func nonNegativeInt(_ name: String) throws -> Int {
    guard case .number(let x) = try value(name), let i = exactInt(x), i >= 0 else {
      throw bad(name, expected: "a non-negative integer")
    }
    return i
  }

  /// The string `name`.
  public func string(_ name: String) throws -> String {
    guard case .string(let s) = try value(name) else { throw bad(name, expected: "a string") }
    return s
  }

  /// The bool `name`.
  public func bool(_ name: String) throws -> Bool {
    guard case .bool(let b) = try value(name) else { throw bad(name, expected: "a bool") }
    return b
  }

  /// The list `name`.
  public func list(_ name: String) throws -> [Value] {
    guard case .list(let items) = try value(name) else { throw bad(name, expected: "a list") }
    return items
  }

  /// The record `name`.
  public func record(_ name: String) throws -> Record {
    guard case .record(let r) = try value(name) else { throw bad(name, expected: "a record") }
    return r
  }

  /// The function `name`, as a value ready for `call(_:_:)`.
  public func function(_ name: String) throws -> Value {
    let v = try value(name)
    guard case .function = v else { throw bad(name, expected: "a function") }
    return v
  }

  /// The native object `name`, which must be a `T`.
  /// - Parameter expected: how to name `T` in the message, e.g. "a tensor".
  public func native<T>(_ name: String, as type: T.Type, expected: String? = nil) throws -> T {
    if case .native(let object) = try value(name), let typed = object as? T { return typed }
    throw bad(name, expected: expected ?? withArticle("\(T.self)".lowercased()))
  }

  /// nil when argument `name` is nil, else what `get` returns for it.
  ///
  ///     let title = try args.optional("title", args.string)
  public func optional<T>(_ name: String, _ get: (String) throws -> T) throws -> T? {
    if case .nil = try value(name) { return nil }
    return try get(name)
  }

  /// Calls the *lr* function `f` with positional `arguments` (and `named` ones), e.g.
  /// from `map`, or from a native like `grad` that runs an *lr* function on tracked
  /// values. An *lr* error inside `f` is rethrown as a `Diagnostic` and reaches the
  /// user as is, with its *lr* call stack.
  public func call(_ f: Value, _ arguments: [Value], named: [(String, Value)] = []) throws
    -> Value
  {
    try machine.callFromSwift(f, arguments, named: named)
  }

  /// Throws "interrupted" when Ctrl-C or a timeout asked the running code to stop. A
  /// native looping over many items without calling back into *lr* checks it now and
  /// then, so it stays interruptible.
  public func checkInterrupted() throws {
    if machine.interruptSwitch.isFired {
      machine.interruptSwitch.reset()
      throw RuntimeError("interrupted")
    }
  }

  /// The function `name`, or nil when the argument is nil (an optional callback).
  public func optionalFunction(_ name: String) throws -> Value? {
    if case .nil = try value(name) { return nil }
    return try function(name)
  }
}

/// An integer for a double that is integral and within ±2^53 (where every integer is
/// exact), else nil: never traps on NaN, infinities or huge values.
@inline(__always)
func exactInt(_ x: Double) -> Int? {
  guard x.rounded(.towardZero) == x, abs(x) <= 9_007_199_254_740_992 else { return nil }
  return Int(x)
}

/// How a value is named in "got …": short scalars by value, the rest by type.
func describeForMessage(_ v: Value) -> String {
  switch v {
  case .nil, .bool, .number: return v.description
  case .string(let s) where s.count <= 24: return v.quotedDescription
  default: return withArticle(v.typeName)
  }
}

/// "a list", "an integer".
func withArticle(_ noun: String) -> String {
  guard let first = noun.first else { return noun }
  return ("aeiou".contains(first) ? "an " : "a ") + noun
}
