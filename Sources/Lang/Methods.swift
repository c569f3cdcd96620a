// Methods of built-in types: one name → method table per type, so the library can
// grow without touching the interpreter. Natives bring their own via `member`.

/// A method of a built-in type, bound to its receiver when called.
final class BuiltinMethod {
  enum Body {
    /// Reads the receiver: `xs.map(f)`.
    case reading((Value, Arguments) throws -> Value)
    /// Updates the receiver in place: `xs.append(4)` (needs a `var`).
    case mutating((inout Value, Arguments) throws -> Value)
  }

  let name: String
  let parameters: [Parameter]
  let doc: String
  let body: Body

  init(_ name: String, _ parameters: [Parameter], doc: String, _ body: Body) {
    self.name = name
    self.parameters = parameters
    self.doc = doc
    self.body = body
  }

  var isMutating: Bool {
    if case .mutating = body { return true }
    return false
  }

  func arguments(
    _ positional: [Value], _ named: [(String, Value)], _ machine: Machine, _ range: SourceRange
  ) throws(Unwind) -> Arguments {
    let (values, given) = try machine.bind(parameters, positional, named, callee: name, range)
    return Arguments(
      callee: name, parameters: parameters, values: values, given: given, machine: machine)
  }

  /// The method as a function value with `receiver` fixed (`let f = xs.map`).
  func bound(to receiver: Value, machine: Machine) -> NativeFunction {
    NativeFunction(name: name, params: parameters, doc: doc) { [body] args in
      guard case .reading(let read) = body else { throw RuntimeError("cannot bind '\(self.name)'") }
      return try read(receiver, args)
    }
  }
}

/// One method name resolved for each built-in type, so a call site dispatches on the
/// receiver's type without hashing the name on every call.
struct MethodSite {
  let list: BuiltinMethod?
  let string: BuiltinMethod?
  let record: BuiltinMethod?
  let range: BuiltinMethod?

  @inline(__always)
  func lookup(_ receiver: Value) -> BuiltinMethod? {
    switch receiver {
    case .list: return list
    case .string: return string
    case .record: return record
    case .range: return range
    default: return nil
    }
  }
}

/// The method tables of the built-in types.
final class MethodTables {
  var list: [String: BuiltinMethod] = [:]
  var string: [String: BuiltinMethod] = [:]
  var record: [String: BuiltinMethod] = [:]
  var range: [String: BuiltinMethod] = [:]

  init() {
    installListMethods()
    installListUpdates()
    installStringMethods()
    installRecordMethods()
    installRangeMethods()
  }

  func lookup(_ receiver: Value, _ name: String) -> BuiltinMethod? {
    switch receiver {
    case .list: return list[name]
    case .string: return string[name]
    case .record: return record[name]
    case .range: return range[name]
    default: return nil
    }
  }

  /// The methods named `name` of every built-in type, looked up once per call site.
  func site(_ name: String) -> MethodSite {
    MethodSite(list: list[name], string: string[name], record: record[name], range: range[name])
  }

  /// Every table with its type name, for docs and completion.
  var all: [(typeName: String, methods: [String: BuiltinMethod])] {
    [("list", list), ("range", range), ("record", record), ("string", string)]
  }

  static func add(_ method: BuiltinMethod, to table: inout [String: BuiltinMethod]) {
    table[method.name] = method
  }
}

/// A method that reads its receiver.
func reading(
  _ name: String, _ parameters: [Parameter], _ doc: String,
  _ body: @escaping (Value, Arguments) throws -> Value
) -> BuiltinMethod {
  BuiltinMethod(name, parameters, doc: doc, .reading(body))
}

/// A method that updates its receiver in place (it needs a `var`).
func updating(
  _ name: String, _ parameters: [Parameter], _ doc: String,
  _ body: @escaping (inout Value, Arguments) throws -> Value
) -> BuiltinMethod {
  BuiltinMethod(name, parameters, doc: doc, .mutating(body))
}
