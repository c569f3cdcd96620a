// Compiling calls and method calls. `xs.append(4)` on a variable mutates that
// variable in place; a record field holding a function is called like a method.

extension Compiler {
  func call(_ calleeExpr: Expr, _ args: [Argument], _ range: SourceRange) -> Code {
    guard args.allSatisfy({ $0.label == nil }) else {
      return callWithNamedArguments(calleeExpr, args, range)
    }
    return positionalCall(calleeExpr, expressions(args.map(\.value)), range)
  }

  private func callWithNamedArguments(_ calleeExpr: Expr, _ args: [Argument], _ range: SourceRange)
    -> Code
  {
    let callee = expression(calleeExpr)
    let machine = self.machine
    let evaluate = arguments(args)
    return { f throws(Unwind) in
      let c = try callee(f)
      guard case .function(let callable) = c else {
        throw .error("\(describeForMessage(c)) is not callable", range)
      }
      let (positional, named) = try evaluate(f)
      return try machine.call(callable, positional: positional, named: named, range)
    }
  }

  /// Evaluates arguments in order into positional values and (name, value) pairs.
  func arguments(_ args: [Argument]) -> (Frame) throws(Unwind) -> ([Value], [(String, Value)]) {
    let labels = args.map { $0.label?.text }
    let codes = expressions(args.map(\.value))
    return { f throws(Unwind) in
      var positional: [Value] = []
      var named: [(String, Value)] = []
      for (label, code) in zip(labels, codes) {
        let v = try code.run(f)
        if let label { named.append((label, v)) } else { positional.append(v) }
      }
      return (positional, named)
    }
  }

  func methodCall(_ object: Expr, _ name: Name, _ args: [Argument], _ range: SourceRange) -> Code {
    let general = anyMethodCall(object, name, args, range)
    guard name.text == "append", args.count == 1, args[0].label == nil,
      case .variable(let variableName) = object.kind
    else { return general }
    // `xs.append(x)` on a variable builds most lists, so it skips argument binding (as
    // CPython specialises list.append); any other receiver takes the general path.
    let value = expression(args[0].value)
    let info = variable(variableName)
    if case .local(let slot) = info.storage, !info.constant {
      if case .local(let source) = operand(args[0].value) {
        return { f throws(Unwind) in
          if f.slots[slot].appendToList(f.slots[source]) { return .nil }
          return try general(f)
        }
      }
      return { f throws(Unwind) in
        guard case .list = f.slots[slot] else { return try general(f) }
        let x = try value(f)
        if f.slots[slot].appendToList(x) { return .nil }
        // Only an `if` block inside the argument can have reassigned the variable.
        throw .error("no method 'append' on \(f.slots[slot].typeName)", name.range)
      }
    }
    let place = lvalue(object)
    let (readRoot, modifyRoot) = (place.readRoot, place.modifyRoot)
    return { f throws(Unwind) in
      guard case .list = try readRoot(f) else { return try general(f) }
      let x = try value(f)
      try modifyRoot(f) { (slot: inout Value) throws(Unwind) in
        guard slot.appendToList(x) else {
          throw .error("no method 'append' on \(slot.typeName)", name.range)
        }
      }
      return .nil
    }
  }

  private func anyMethodCall(
    _ object: Expr, _ name: Name, _ args: [Argument], _ range: SourceRange
  ) -> Code {
    let evaluate = arguments(args)
    let machine = self.machine
    let method = name.text
    let target = lvalue(object)
    let action = "call mutating method '\(method)' on"
    let site = machine.methods.site(method)
    return { f throws(Unwind) in
      let keys = try target.keys(f)
      let builtin: BuiltinMethod
      do {
        let receiver = try target.read(f, keys)
        switch receiver {
        case .record(let record):
          if let field = record[method] {
            return try machine.callValue(field, try evaluate(f), range)
          }
        case .native(let n):
          guard let member = try catchingNative(range, { try n.member(method) }) else {
            throw .error("no member '\(method)' on \(n.typeName)", name.range)
          }
          return try machine.callValue(member, try evaluate(f), range)
        default: break
        }
        guard let found = site.lookup(receiver) else {
          let what =
            if case .record = receiver { "record has no field or method" } else {
              "no method"
            }
          let suffix = if case .record = receiver { "" } else { " on \(receiver.typeName)" }
          throw .error("\(what) '\(method)'\(suffix)", name.range)
        }
        if case .reading(let body) = found.body {
          let (positional, named) = try evaluate(f)
          let args = try found.arguments(positional, named, machine, range)
          return try catchingNative(range) { try body(receiver, args) }
        }
        builtin = found
      }
      // A mutating method: the receiver copy above is gone, so the variable's storage
      // is uniquely referenced and the update happens in place.
      guard case .mutating(let body) = builtin.body else { return .nil }
      let (positional, named) = try evaluate(f)
      let args = try builtin.arguments(positional, named, machine, range)
      var result = Value.nil
      try target.modify(f, keys, action, range) {
        (v: inout Value) throws(Unwind) in
        result = try catchingNative(range) { try body(&v, args) }
      }
      return result
    }
  }
}

extension Machine {
  /// Calls a value with already evaluated arguments.
  func callValue(_ callee: Value, _ args: ([Value], [(String, Value)]), _ range: SourceRange)
    throws(Unwind) -> Value
  {
    guard case .function(let callable) = callee else {
      throw .error("\(describeForMessage(callee)) is not callable", range)
    }
    return try call(callable, positional: args.0, named: args.1, range)
  }
}

extension Value {
  /// Appends `x` in place when the value is a list; false otherwise.
  @inline(__always)
  mutating func appendToList(_ x: Value) -> Bool {
    guard case .list = self else { return false }
    // Moving the value out leaves `items` the only owner of the list's storage, so
    // the append happens in place.
    guard var items = withUnsafeMutablePointer(to: &self, { $0.move() }).takeList() else {
      withUnsafeMutablePointer(to: &self) { $0.initialize(to: .nil) }  // not reached
      return false
    }
    items.append(x)
    withUnsafeMutablePointer(to: &self) { $0.initialize(to: .list(items)) }
    return true
  }

  /// The items of a list, taking ownership of them.
  @inline(__always)
  consuming func takeList() -> [Value]? {
    if case .list(let items) = consume self { return items }
    return nil
  }
}
