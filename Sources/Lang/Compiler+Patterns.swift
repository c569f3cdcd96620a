// Destructuring: `let (loss, grads) = f(x)`, `for (key, value) in record`, and
// `(a, b) = (b, a)`. A list pattern takes the items of a list (or of anything
// iterable) and requires exactly as many as it has names.

/// Stores one value somewhere: a variable being declared or a place being assigned.
typealias Binder = (Frame, Value) throws(Unwind) -> Void

extension Compiler {
  /// Binds the names of `pattern` as new variables (constants when `constant`).
  func declaration(_ pattern: Pattern, constant: Bool) -> Binder {
    switch pattern {
    case .name(let name): return declare(variable(name), name: name.text, constant: constant)
    case .ignore: return { _, _ in }
    case .list(let items, let range):
      return unpacking(items.map { declaration($0, constant: constant) }, range)
    case .record(let fields, let range):
      let binders = fields.map { declaration($0.pattern, constant: constant) }
      return fieldsTaking(fields.map(\.field.text), binders, range)
    }
  }

  /// Assigns to the places of a destructuring assignment's target list.
  func placeStore(_ target: Expr) -> Binder {
    switch target.kind {
    case .list(let items):
      return unpacking(items.map { placeStore($0) }, target.range)
    case .variable(let name):
      if case .variable(let ignored) = target.kind, ignored.text == "_" { return { _, _ in } }
      return assignVariable(variable(name), name: name.text, nil, target.range)
    default:
      let place = lvalue(target)
      let range = target.range
      return { f, v throws(Unwind) in
        let keys = try place.keys(f)
        try place.modify(f, keys, "assign to", range) { (slot: inout Value) throws(Unwind) in
          var old = v
          swap(&slot, &old)
          Disposal.clear(&old)
        }
      }
    }
  }

  /// A binder taking a sequence of exactly `parts.count` items and handing them on.
  private func unpacking(_ parts: [Binder], _ range: SourceRange) -> Binder {
    let machine = self.machine
    let wrapped = parts.map { BinderBox(bind: $0) }
    return { f, value throws(Unwind) in
      let items = try Patterns.unpack(value, count: wrapped.count, machine, range)
      for (part, item) in zip(wrapped, items) { try part.bind(f, item) }
    }
  }
}

extension Compiler {
  /// A binder taking the fields `names` of a record and handing each to its binder.
  fileprivate func fieldsTaking(_ names: [String], _ parts: [Binder], _ range: SourceRange)
    -> Binder
  {
    let wrapped = parts.map { BinderBox(bind: $0) }
    return { f, value throws(Unwind) in
      guard case .record(let record) = value else {
        throw .error(
          "a record pattern takes a record, got \(describeForMessage(value))", range)
      }
      for (name, part) in zip(names, wrapped) {
        guard let item = record[name] else { throw Access.noField(name, record, range) }
        try part.bind(f, item)
      }
    }
  }
}

/// A `Binder` held in a struct, for the same reason as `Compiled`.
struct BinderBox {
  let bind: Binder
}

enum Patterns {
  /// The `count` items of `value` for a list pattern, or an error naming the mismatch.
  static func unpack(_ value: Value, count: Int, _ machine: Machine, _ range: SourceRange)
    throws(Unwind) -> [Value]
  {
    let items: [Value]
    switch value {
    case .list(let list): items = list
    case .record(let record):
      // Positions in a record are an accident of how it was written; Python users
      // expect `a, b = r` to give values, iteration gives pairs. Neither is safe, so
      // point to the pattern that matches by name.
      let names = record.keys.prefix(count).joined(separator: ", ")
      throw .error(
        "cannot destructure a record by position; take its fields by name: "
          + "let {\(names)} = … (or iterate it: for (key, value) in …)", range)
    case .range, .string, .native:
      if case .range(let r) = value, r.count != count {
        throw mismatch(r.count, count, range)
      }
      items = try Iteration.items(value, machine, range)
    default:
      throw .error(
        "cannot destructure \(describeForMessage(value)) into \(count) names", range)
    }
    guard items.count == count else { throw mismatch(items.count, count, range) }
    return items
  }

  private static func mismatch(_ got: Int, _ expected: Int, _ range: SourceRange) -> Unwind {
    .error("expected \(expected) values to destructure, got \(got)", range)
  }
}
