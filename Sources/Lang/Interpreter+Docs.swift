// What the interpreter can tell `lrnb docs`, the REPL's `:help` and completion about
// the methods of built-in types (globals describe themselves through `Callable`).

/// A method of a built-in type, for documentation and completion.
public struct MethodInfo: Sendable, Hashable {
  /// The receiver's type: "list", "string" or "record".
  public var typeName: String
  /// The method's name, e.g. "map".
  public var name: String
  /// How a call reads, e.g. `map(f)`.
  public var signature: String
  /// What the method does.
  public var doc: String
  /// Whether it updates the receiver in place (and so needs a `var`).
  public var isMutating: Bool
}

extension Interpreter {
  /// Every method of the built-in types, sorted by type and name.
  ///
  ///     interp.builtinMethods.filter { $0.typeName == "list" }.map(\.name)
  ///     // ["append", "contains", "filter", "join", "map"]
  public var builtinMethods: [MethodInfo] {
    let tables = [
      ("list", machine.methods.list), ("record", machine.methods.record),
      ("string", machine.methods.string),
    ]
    return tables.flatMap { typeName, table in
      table.values.sorted { $0.name < $1.name }.map { method in
        let params = method.parameters.map(\.description).joined(separator: ", ")
        return MethodInfo(
          typeName: typeName, name: method.name, signature: "\(method.name)(\(params))",
          doc: method.doc, isMutating: method.isMutating)
      }
    }
  }
}
