// Calls: binding positional and named arguments to parameters in one uniform way for
// user functions and natives, the fast path for user functions, and calls from Swift.

/// The call site of a call made from Swift (a native calling back into *lr*).
let swiftCallSite = SourceRange(
  file: "<native>", start: SourceLocation(line: 0, column: 0),
  end: SourceLocation(line: 0, column: 0))

extension Machine {
  /// `fn` when `callee` is a user function taking exactly `arity` arguments: such
  /// calls need no argument binding, so their arguments go straight into the frame.
  @inline(__always)
  static func userFunction(_ callee: Value, arity: Int) -> UserFunction? {
    guard case .function(let callable) = callee else { return nil }
    // An exact type check and an unchecked downcast: cheaper than `as?` on an existential.
    guard ObjectIdentifier(type(of: callable)) == ObjectIdentifier(UserFunction.self) else {
      return nil
    }
    let fn = unsafeDowncast(callable as AnyObject, to: UserFunction.self)
    return fn.paramCount == arity ? fn : nil
  }

  /// Checks the limits for a call of `fn` and reserves its frame on the value stack,
  /// uninitialised: the caller evaluates the arguments into the first slots (calls
  /// made while doing so use the stack above the frame), then calls `enter`, or
  /// `release` when evaluating an argument fails.
  @inline(__always)
  func reserve(_ fn: UserFunction, _ range: SourceRange) throws(Unwind) -> UnsafeMutablePointer<
    Value
  > {
    try checkCall(range)
    let count = fn.slotCount
    guard count <= Machine.stackCapacity &- top else {
      throw .error("stack overflow: too many local variables in active calls", range)
    }
    let base = stack + top
    top &+= count
    return base
  }

  /// Gives back a frame from `reserve` whose first `initialised` slots hold values.
  func release(_ base: UnsafeMutablePointer<Value>, _ fn: UserFunction, initialised: Int) {
    base.deinitialize(count: initialised)
    top &-= fn.slotCount
  }

  /// Runs `fn` in the frame at `base` (from `reserve`), whose first `initialised` slots
  /// hold its arguments; the other slots start as nil. Pops the frame afterwards.
  @inline(__always)
  func enter(
    _ fn: UserFunction, _ base: UnsafeMutablePointer<Value>, initialised: Int,
    _ range: SourceRange
  ) throws(Unwind) -> Value {
    let count = fn.slotCount
    if count > initialised {
      (base + initialised).initialize(repeating: .nil, count: count &- initialised)
    }
    depth &+= 1
    let result: Value
    do {
      result = try fn.run(base)
    } catch {
      depth &-= 1
      pop(base, count)
      if case .fault(let fault) = error { fault.leave(fn.name, callSite: range) }
      throw error
    }
    depth &-= 1
    pop(base, count)
    return result
  }

  /// Calls `fn` with evaluated arguments, exactly as many as it has parameters.
  func enter(_ fn: UserFunction, _ values: [Value], _ range: SourceRange) throws(Unwind) -> Value {
    let base = try reserve(fn, range)
    for (i, v) in values.enumerated() { (base + i).initialize(to: v) }
    return try enter(fn, base, initialised: values.count, range)
  }

  /// Calls `callee` with evaluated positional arguments (the general path).
  func call(_ callee: Value, _ positional: consuming [Value], _ range: SourceRange) throws(Unwind)
    -> Value
  {
    guard case .function(let callable) = callee else {
      throw .error("\(describeForMessage(callee)) is not callable", range)
    }
    return try call(callable, positional: consume positional, named: [], range)
  }

  /// Calls any callable with evaluated arguments, binding them to its parameters.
  func call(
    _ callable: any Callable, positional: consuming [Value], named: [(String, Value)],
    _ range: SourceRange
  ) throws(Unwind) -> Value {
    let (values, given) = try bind(
      callable.parameters, consume positional, named, callee: callable.name, range)
    if let fn = callable as? UserFunction { return try enter(fn, values, range) }
    guard let native = callable as? NativeFunction else {
      throw .error("\(callable.name) cannot be called", range)
    }
    try checkCall(range)
    depth += 1
    defer { depth -= 1 }
    return try callNative(native, consume values, given, range)
  }

  /// Runs a native's body; its arguments are disposed of afterwards, so a deeply nested
  /// temporary passed to a native (`len(build())`) is not released recursively.
  private func callNative(
    _ native: NativeFunction, _ values: consuming [Value], _ given: [Bool]?,
    _ range: SourceRange
  ) throws(Unwind) -> Value {
    var items = consume values
    let args = Arguments(
      callee: native.name, parameters: native.parameters, values: items, given: given,
      machine: self)
    items = []
    let result = try catchingNative(range) { try native.body(args) }
    var leftover = Value.list(args.values)
    _ = consume args
    Disposal.clear(&leftover)
    return result
  }

  /// Places positional then named arguments, fills defaults, collects variadics.
  func bind(
    _ params: [Parameter], _ positional: consuming [Value], _ named: [(String, Value)],
    callee: String, _ range: SourceRange
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
  func callFromSwift(_ f: Value, _ arguments: [Value], named: [(String, Value)] = []) throws
    -> Value
  {
    guard case .function(let callable) = f else {
      throw RuntimeError("\(describeForMessage(f)) is not callable")
    }
    if depth == 0 { enterFromSwift() }
    do {
      return try call(callable, positional: arguments, named: named, swiftCallSite)
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
