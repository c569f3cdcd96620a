// Places that can be assigned or mutated in place: a variable followed by a path of
// indexes and fields, as in `grid[i][j] = 0` or `cfg.layers.append(4)`.

/// A compiled assignable place. Index expressions are evaluated once (`keys`), then
/// the place is read or modified with those keys.
struct LValue {
  enum Root {
    /// Not assignable (`f().x = 1`): the value of an expression.
    case temporary(Code)
    case variable(VariableInfo, name: String, SourceRange)
  }

  enum Step {
    case index(Code, SourceRange)
    case field(String, SourceRange)
  }

  let root: Root
  let steps: [Step]
  let machine: Machine

  func keys(_ f: Frame) throws(Unwind) -> [Value] {
    if steps.isEmpty { return [] }
    var keys: [Value] = []
    keys.reserveCapacity(steps.count)
    for step in steps {
      switch step {
      case .index(let code, _): keys.append(try code(f))
      case .field: keys.append(.nil)
      }
    }
    return keys
  }

  func read(_ f: Frame, _ keys: [Value]) throws(Unwind) -> Value {
    var v: Value
    switch root {
    case .temporary(let code): v = try code(f)
    case .variable(let info, let name, let range): v = try LValue.readRoot(info, name, range, f)
    }
    for (step, key) in zip(steps, keys) {
      switch step {
      case .index(_, let range): v = try Access.index(v, key, range)
      case .field(let name, let range): v = try Access.member(v, name, machine, range)
      }
    }
    return v
  }

  private static func readRoot(_ info: VariableInfo, _ name: String, _ range: SourceRange, _ f: Frame)
    throws(Unwind) -> Value
  {
    switch info.storage {
    case .local(let slot): return f.slots[slot]
    case .boxed(let b):
      guard let box = f.boxes[b] else { throw .error("undefined variable '\(name)'", range) }
      return box.value
    case .capture(let i): return f.captures[i].value
    case .global(let cell):
      guard let v = cell.value else { throw .error("undefined variable '\(name)'", range) }
      return v
    }
  }

  /// Runs `body` on the storage of the place, in place. `action` names what is
  /// attempted for messages ("assign to", "call mutating method 'append' on").
  func modify(
    _ f: Frame, _ keys: [Value], _ action: String, _ range: SourceRange,
    _ body: (inout Value) throws(Unwind) -> Void
  ) throws(Unwind) {
    guard case .variable(let info, let name, let nameRange) = root else {
      throw .error("cannot \(action) a temporary value", range)
    }
    let path = ArraySlice(zip(steps, keys))
    if info.constant { throw .error("cannot assign to constant '\(name)'", nameRange) }
    switch info.storage {
    case .local(let slot): try LValue.modify(&f.slots[slot], path, body)
    case .boxed(let b):
      guard let box = f.boxes[b] else { throw .error("undefined variable '\(name)'", nameRange) }
      try LValue.modify(&box.value, path, body)
    case .capture(let i): try LValue.modify(&f.captures[i].value, path, body)
    case .global(let cell):
      guard var v = cell.value else { throw .error("undefined variable '\(name)'", nameRange) }
      if cell.isConstant { throw .error("cannot assign to constant '\(name)'", nameRange) }
      // Take the value out of the cell so the update below owns its only reference.
      cell.value = nil
      defer { cell.value = v }
      try LValue.modify(&v, path, body)
    }
  }

  private static func modify(
    _ v: inout Value, _ path: ArraySlice<(Step, Value)>, _ body: (inout Value) throws(Unwind) -> Void
  ) throws(Unwind) {
    guard let (step, key) = path.first else { return try body(&v) }
    let rest = path.dropFirst()
    switch (step, v) {
    case (.index(_, let range), .list(var items)):
      if case .range = key { throw .error("cannot assign to a slice of a list", range) }
      let p = try Access.position(key, count: items.count, "list", range)
      v = .nil
      defer { v = .list(items) }
      try modify(&items[p], rest, body)
    case (.index(_, let range), .record(var record)):
      guard case .string(let name) = key else {
        throw .error("record keys are strings, got \(describeForMessage(key))", range)
      }
      v = .nil
      defer { v = .record(record) }
      if record[name] == nil { record[name] = .nil }
      try modifyField(&record, name, range, rest, body)
    case (.field(let name, let range), .record(var record)):
      v = .nil
      defer { v = .record(record) }
      try modifyField(&record, name, range, rest, body)
    case (.index(_, let range), .string):
      throw .error("cannot assign into a string; strings are immutable", range)
    case (.index(_, let range), _):
      throw .error("cannot assign to an index of \(withArticle(v.typeName))", range)
    case (.field(let name, let range), _):
      throw .error("cannot assign to member '\(name)' of \(withArticle(v.typeName))", range)
    }
  }

  private static func modifyField(
    _ record: inout Record, _ name: String, _ range: SourceRange,
    _ rest: ArraySlice<(Step, Value)>, _ body: (inout Value) throws(Unwind) -> Void
  ) throws(Unwind) {
    guard let position = record.position(of: name) else {
      throw .error("record has no field '\(name)'", range)
    }
    try record.modifyValue(at: position) { (field: inout Value) throws(Unwind) in
      try modify(&field, rest, body)
    }
  }
}

extension Compiler {
  /// The place `expr` denotes; expressions that are not places become temporaries.
  func lvalue(_ expr: Expr) -> LValue {
    var steps: [LValue.Step] = []
    var current = expr
    while true {
      switch current.kind {
      case .index(let object, let index):
        steps.append(.index(expression(index), current.range))
        current = object
        continue
      case .member(let object, let name):
        steps.append(.field(name.text, name.range))
        current = object
        continue
      case .variable(let name):
        return LValue(
          root: .variable(variable(name), name: name.text, name.range), steps: steps.reversed(),
          machine: machine)
      default:
        return LValue(root: .temporary(expression(current)), steps: steps.reversed(), machine: machine)
      }
    }
  }

  func assignment(_ target: Expr, _ op: AssignOp?, _ value: @escaping Code, _ range: SourceRange) -> Code {
    if case .variable(let name) = target.kind, case .local(let slot) = variable(name).storage,
      !variable(name).constant
    {
      guard let op else {
        return { f throws(Unwind) in
          f.slots[slot] = try value(f)
          return .nil
        }
      }
      let binary = op.binary
      return { f throws(Unwind) in
        let v = try value(f)
        let old = f.slots[slot]
        if case .number(let a) = old, case .number(let b) = v, let r = Ops.numeric(binary, a, b) {
          f.slots[slot] = r
        } else {
          f.slots[slot] = try Ops.binarySlow(binary, old, v, range)
        }
        return .nil
      }
    }
    let place = lvalue(target)
    let binary = op?.binary
    return { f throws(Unwind) in
      let v = try value(f)
      let keys = try place.keys(f)
      try place.modify(f, keys, "assign to", range) { (slot: inout Value) throws(Unwind) in
        if let binary { slot = try Ops.binary(binary, slot, v, range) } else { slot = v }
      }
      return .nil
    }
  }
}
