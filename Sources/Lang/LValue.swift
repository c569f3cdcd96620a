// Places that can be assigned or mutated in place: a variable followed by a path of
// indexes and fields, as in `grid[i][j] = 0` or `cfg.layers.append(4)`.

/// A compiled assignable place. Index expressions are evaluated once (`keys`), then
/// the place is read or modified with those keys.
struct LValue {
  typealias Modifier = (inout Value) throws(Unwind) -> Void
  /// Runs a modifier on the root variable's storage, in place.
  typealias RootModify = (Frame, Modifier) throws(Unwind) -> Void

  enum Step {
    case index(Code, SourceRange)
    case field(String, SourceRange)
  }

  let readRoot: Code
  /// Updates the root in place; throws for roots that are not assignable (`f().x = 1`).
  let modifyRoot: RootModify
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
    var v = try readRoot(f)
    for (step, key) in zip(steps, keys) {
      switch step {
      case .index(_, let range): v = try Access.index(v, key, range)
      case .field(let name, let range): v = try Access.member(v, name, machine, range)
      }
    }
    return v
  }

  /// Runs `body` on the storage of the place, in place. `action` names what is
  /// attempted for messages ("assign to", "call mutating method 'append' on").
  func modify(
    _ f: Frame, _ keys: [Value], _ action: String, _ range: SourceRange, _ body: Modifier
  ) throws(Unwind) {
    do {
      if steps.isEmpty { return try modifyRoot(f, body) }
      try modifyRoot(f) { (v: inout Value) throws(Unwind) in try modifyPath(&v, keys, 0, body) }
    } catch .temporary {
      throw .error("cannot \(action) a temporary value", range)
    }
  }

  /// Applies `body` at the end of the path from step `k` on.
  private func modifyPath(
    _ v: inout Value, _ keys: [Value], _ k: Int, _ body: (inout Value) throws(Unwind) -> Void
  ) throws(Unwind) {
    guard k < steps.count, k < keys.count else { return try body(&v) }
    let (step, key) = (steps[k], keys[k])
    let rest = k + 1
    switch (step, v) {
    case (.index(_, let range), .list(var items)):
      if case .range(let r) = key {
        guard rest == steps.count else {
          throw .error("cannot assign into part of a slice; assign the whole slice", range)
        }
        let bounds = try Access.slice(r, count: items.count, "list", range)
        var part = Value.list(Array(items[bounds]))
        try body(&part)
        guard case .list(let replacement) = part else {
          throw .error(
            "a slice of a list can only be replaced by a list, got "
              + describeForMessage(part), range)
        }
        v = .nil
        items.replaceSubrange(bounds, with: replacement)
        v = .list(items)
        return
      }
      let p = try Access.position(key, count: items.count, "list", range)
      v = .nil
      defer { v = .list(items) }
      try modifyPath(&items[p], keys, rest, body)
    case (.index(_, let range), .record(var record)):
      guard case .string(let name) = key else {
        throw .error("record keys are strings, got \(describeForMessage(key))", range)
      }
      v = .nil
      defer { v = .record(record) }
      if record[name] == nil { record[name] = .nil }
      try modifyField(&record, name, range, keys, rest, body)
    case (.field(let name, let range), .record(var record)):
      v = .nil
      defer { v = .record(record) }
      try modifyField(&record, name, range, keys, rest, body)
    case (.index(_, let range), .string):
      throw .error("cannot assign into a string; strings are immutable", range)
    case (.index(_, let range), .native(let object)):
      // `t[i] = x` (or `t[i][j] += x`): read the part, update it, store it back through
      // the object's hook, which returns the updated object.
      // A final `=` needs no old value (the object may not have one there yet).
      var part =
        rest < steps.count
        ? try Access.index(v, key, range) : (try? Access.index(v, key, range)) ?? .nil
      try modifyPath(&part, keys, rest, body)
      guard let updated = try catchingNative(range, { try object.settingIndex(key, to: part) })
      else {
        throw .error("\(object.typeName) does not support assigning to an index", range)
      }
      v = updated
    case (.index(_, let range), _):
      throw .error("cannot assign to an index of \(withArticle(v.typeName))", range)
    case (.field(let name, let range), _):
      throw .error("cannot assign to member '\(name)' of \(withArticle(v.typeName))", range)
    }
  }

  private func modifyField(
    _ record: inout Record, _ name: String, _ range: SourceRange, _ keys: [Value], _ rest: Int,
    _ body: (inout Value) throws(Unwind) -> Void
  ) throws(Unwind) {
    guard let position = record.position(of: name) else {
      throw Access.noField(name, record, range)
    }
    try record.modifyValue(at: position) { (field: inout Value) throws(Unwind) in
      try modifyPath(&field, keys, rest, body)
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
        steps.append(.index(indexKey(index), current.range))
        current = object
        continue
      case .member(let object, let name):
        steps.append(.field(name.text, name.range))
        current = object
        continue
      case .variable(let name):
        let info = variable(name)
        return LValue(
          readRoot: read(info, name: name.text, name.range),
          modifyRoot: rootModifier(info, name: name.text, name.range), steps: steps.reversed(),
          machine: machine)
      default:
        return LValue(
          readRoot: expression(current), modifyRoot: temporary, steps: steps.reversed(),
          machine: machine)
      }
    }
  }

  /// The root of a place that is a temporary value: it cannot be updated.
  private var temporary: LValue.RootModify {
    { _, _ throws(Unwind) in throw .temporary }
  }

  /// In-place access to a variable's storage for `LValue`.
  private func rootModifier(_ info: VariableInfo, name: String, _ range: SourceRange)
    -> LValue.RootModify
  {
    if info.constant {
      return { _, _ throws(Unwind) in throw .error("cannot assign to constant '\(name)'", range) }
    }
    switch info.storage {
    case .local(let slot): return { f, body throws(Unwind) in try body(&f.slots[slot]) }
    case .boxed(let b):
      return { f, body throws(Unwind) in
        guard let box = f.boxes[b] else { throw .undefined(name, range) }
        try body(&box.pointer.pointee)
      }
    case .capture(let i):
      return { f, body throws(Unwind) in try body(&f.captures[i].pointer.pointee) }
    case .global(let cell):
      return { _, body throws(Unwind) in
        if cell.isConstant, cell.isDefined {
          throw .error("cannot assign to constant '\(name)'", range)
        }
        guard try cell.modifyInPlace(body) else { throw .undefined(name, range) }
      }
    }
  }
}
