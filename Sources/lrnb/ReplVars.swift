// `:vars`: the globals the user defined (or redefined), with types and shapes.
import Lang

extension ReplSession {
  /// The user's variables as a table, or a note when there are none.
  func variablesTable() -> String {
    let names = interpreter.globalNames.filter { name in
      guard name != "_", let value = interpreter.globalValue(name) else { return false }
      guard let original = baseline[name] else { return true }
      return value != original
    }
    guard !names.isEmpty else { return "no variables yet\n" }
    let rows = names.compactMap { name in
      interpreter.globalValue(name).map { [name, $0.typeName, summary($0)] }
    }
    return plainText(.table(Display.Table(columns: ["name", "type", "value"], rows: rows))) + "\n"
  }
}
