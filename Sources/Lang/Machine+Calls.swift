// Calls: binding positional and named arguments to parameters in one uniform way for
// user functions and natives, the fast path for user functions, and calls from Swift.

/// The call site of a call made from Swift (a native calling back into *lr*).
let swiftCallSite = SourceRange(
  file: "<native>", start: SourceLocation(line: 0, column: 0),
  end: SourceLocation(line: 0, column: 0))

extension Machine {
  /// `callee(args…)` with positional arguments still to evaluate in frame `f`.
  @inline(__always)
  func call(_ callee: Value, _ argCodes: [Code], _ f: Frame, _ range: SourceRange)
    throws(Unwind) -> Value
  {
    guard case .function(let callable) = callee else {
      throw .error("\(describeForMessage(callee)) is not callable", range)
    }
    if let fn = callable as? UserFunction, argCodes.count <= fn.defaults.count {
      return try callUser(fn, argCodes, f, range)
    }
    var args: [Value] = []
    args.reserveCapacity(argCodes.count)
    for code in argCodes { args.append(try code(f)) }
    return try call(callable, positional: args, named: [], range)
  }

  /// The fast path: arguments are evaluated straight into the new frame's slots.
  @inline(__always)
  private func callUser(_ fn: UserFunction, _ argCodes: [Code], _ f: Frame, _ range: SourceRange)
    throws(Unwind) -> Value
  {
    let count = fn.code.slotCount
    let base = try push(count, range)
    defer { pop(base, count) }
    var i = 0
    for code in argCodes {
      base[i] = try code(f)
      i += 1
    }
    while i < fn.defaults.count {
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
      let count = fn.code.slotCount
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
  ) throws(Unwind) -> ([Value], [Bool]) {
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
        throw .error("unknown argument '\(name)' to \(callee)", range)
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
