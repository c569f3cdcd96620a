// Calls: binding positional and named arguments to parameters in one uniform way for
// user functions and natives, the fast path for user functions, and calls from Swift.

/// The call site of a call made from Swift (a native calling back into *lr*).
let swiftCallSite = SourceRange(
  file: "<native>", start: SourceLocation(line: 0, column: 0),
  end: SourceLocation(line: 0, column: 0))

/// The positional arguments of a call site, with the common small counts spelled out
/// so that evaluating them needs no array traffic.
enum ArgumentCodes {
  case none
  case one(Code)
  case two(Code, Code)
  case many([Compiled])

  init(_ codes: [Compiled]) {
    switch codes.count {
    case 0: self = .none
    case 1: self = .one(codes[0].run)
    case 2: self = .two(codes[0].run, codes[1].run)
    default: self = .many(codes)
    }
  }

  var count: Int {
    switch self {
    case .none: return 0
    case .one: return 1
    case .two: return 2
    case .many(let codes): return codes.count
    }
  }

  /// Evaluates the arguments in order into `base[0..<count]`.
  @inline(__always)
  func store(into base: UnsafeMutablePointer<Value>, _ f: Frame) throws(Unwind) {
    switch self {
    case .none: break
    case .one(let a): base[0] = try a(f)
    case .two(let a, let b):
      base[0] = try a(f)
      base[1] = try b(f)
    case .many(let codes):
      for (i, code) in codes.enumerated() { base[i] = try code.run(f) }
    }
  }

  func values(_ f: Frame) throws(Unwind) -> [Value] {
    switch self {
    case .none: return []
    case .one(let a): return [try a(f)]
    case .two(let a, let b):
      let x = try a(f)
      return [x, try b(f)]
    case .many(let codes):
      var values: [Value] = []
      values.reserveCapacity(codes.count)
      for code in codes { values.append(try code.run(f)) }
      return values
    }
  }
}

extension Machine {
  /// `callee(args…)` with positional arguments still to evaluate in frame `f`.
  @inline(__always)
  func call(_ callee: Value, _ argCodes: ArgumentCodes, _ f: Frame, _ range: SourceRange)
    throws(Unwind) -> Value
  {
    guard case .function(let callable) = callee else {
      throw .error("\(describeForMessage(callee)) is not callable", range)
    }
    // An exact type check and an unchecked downcast: cheaper than `as?` on an existential.
    if ObjectIdentifier(type(of: callable)) == ObjectIdentifier(UserFunction.self) {
      let fn = unsafeDowncast(callable as AnyObject, to: UserFunction.self)
      if argCodes.count <= fn.paramCount { return try callUser(fn, argCodes, f, range) }
    }
    return try call(callable, positional: try argCodes.values(f), named: [], range)
  }

  /// The fast path: arguments are evaluated straight into the new frame's slots.
  @inline(__always)
  private func callUser(
    _ fn: UserFunction, _ argCodes: ArgumentCodes, _ f: Frame, _ range: SourceRange
  )
    throws(Unwind) -> Value
  {
    let count = fn.slotCount
    let base = try push(count, range)
    defer { pop(base, count) }
    try argCodes.store(into: base, f)
    var i = argCodes.count
    while i < fn.paramCount {
      guard let d = fn.defaults[i] else {
        throw .error("missing argument '\(fn.code.paramNames[i])' to \(fn.name)", range)
      }
      base[i] = d
      i += 1
    }
    return try enter(fn, base, range)
  }

  @inline(__always)
  private func enter(_ fn: UserFunction, _ base: UnsafeMutablePointer<Value>, _ range: SourceRange)
    throws(Unwind) -> Value
  {
    try checkCall(range)
    depth += 1
    defer { depth -= 1 }
    do {
      return try fn.run(base)
    } catch {
      if case .fault(let fault) = error { fault.leave(fn.name, callSite: range) }
      throw error
    }
  }

  /// Calls any callable with evaluated arguments, binding them to its parameters.
  func call(
    _ callable: any Callable, positional: [Value], named: [(String, Value)],
    _ range: SourceRange
  ) throws(Unwind) -> Value {
    let (values, given) = try bind(
      callable.parameters, positional, named, callee: callable.name, range)
    if let fn = callable as? UserFunction {
      let count = fn.slotCount
      let base = try push(count, range)
      defer { pop(base, count) }
      for (i, v) in values.enumerated() { base[i] = v }
      return try enter(fn, base, range)
    }
    guard let native = callable as? NativeFunction else {
      throw .error("\(callable.name) cannot be called", range)
    }
    let args = Arguments(
      callee: native.name, parameters: native.parameters, values: values, given: given,
      machine: self)
    try checkCall(range)
    depth += 1
    defer { depth -= 1 }
    return try catchingNative(range) { try native.body(args) }
  }

  /// Places positional then named arguments, fills defaults, collects variadics.
  func bind(
    _ params: [Parameter], _ positional: [Value], _ named: [(String, Value)], callee: String,
    _ range: SourceRange
  ) throws(Unwind) -> ([Value], [Bool]?) {
    if named.isEmpty, positional.count == params.count, params.allSatisfy({ !$0.isVariadic }) {
      return (positional, nil)
    }
    var values = [Value?](repeating: nil, count: params.count)
    var given = [Bool](repeating: false, count: params.count)
    var next = 0
    for (i, param) in params.enumerated() where next < positional.count {
      if param.isVariadic {
        values[i] = .list(Array(positional[next...]))
        next = positional.count
      } else {
        values[i] = positional[next]
        next += 1
      }
      given[i] = true
    }
    if next < positional.count {
      throw .error(
        "too many arguments to \(callee) (expected at most \(params.count), got "
          + "\(positional.count))", range)
    }
    for (name, value) in named {
      guard let i = params.firstIndex(where: { $0.name == name }) else {
        let message = withSuggestion(
          "unknown argument '\(name)' to \(callee)", for: name,
          among: params.indices.filter { !given[$0] }.map { params[$0].name })
        throw .error(message, range)
      }
      if given[i] { throw .error("argument '\(name)' to \(callee) is given twice", range) }
      values[i] = value
      given[i] = true
    }
    var bound: [Value] = []
    bound.reserveCapacity(params.count)
    for (i, param) in params.enumerated() {
      if let v = values[i] {
        bound.append(v)
      } else if param.isVariadic {
        bound.append(.list([]))
      } else if let d = param.defaultValue {
        bound.append(d)
      } else {
        throw .error("missing argument '\(param.name)' to \(callee)", range)
      }
    }
    return (bound, given)
  }

  /// Calls `f` from Swift. Errors inside *lr* code come out as a `Diagnostic` (with
  /// their *lr* stack); problems with the call itself as a `RuntimeError`, so the
  /// native that made the call reports them at its own call site.
  func callFromSwift(_ f: Value, _ arguments: [Value]) throws -> Value {
    guard case .function(let callable) = f else {
      throw RuntimeError("\(describeForMessage(f)) is not callable")
    }
    if depth == 0 { enterFromSwift() }
    do {
      return try call(callable, positional: arguments, named: [], swiftCallSite)
    } catch {
      switch error {
      case .fault(let fault):
        if fault.diagnostic.range == swiftCallSite {
          throw RuntimeError(fault.diagnostic.message)
        }
        throw fault.diagnostic
      default:
        throw RuntimeError("internal error: control flow escaped a function")
      }
    }
  }
}
