// Rich display of values: records as one-row tables, lists of records as tables,
// natives as they choose, everything else as text.

extension Interpreter {
  /// How a notebook or the REPL shows `value`.
  ///
  /// A record of plain values becomes a one-row table (otherwise `key: value` lines),
  /// a non-empty list of records a table with one row per record, a native object its
  /// own `display()`, and anything else its text.
  public func display(_ value: Value) -> Display {
    switch value {
    case .record(let record):
      if record.values.allSatisfy(isPlain) {
        return .table(
          Display.Table(columns: record.keys, rows: [record.values.map(cellText)]))
      }
      let lines = zip(record.keys, record.values).map { "\($0): \($1.quotedDescription)" }
      return .text(lines.joined(separator: "\n"))
    case .list(let items) where !items.isEmpty && items.allSatisfy({ $0.asRecord != nil }):
      var columns: [String] = []
      for case .record(let r) in items {
        for key in r.keys where !columns.contains(key) { columns.append(key) }
      }
      let rows = items.map { item in
        columns.map { key in item.asRecord?[key].map(cellText) ?? "" }
      }
      return .table(Display.Table(columns: columns, rows: rows))
    case .native(let object): return object.display()
    default: return .text(value.description)
    }
  }

  private func isPlain(_ v: Value) -> Bool {
    switch v {
    case .nil, .bool, .number, .string, .range: return true
    default: return false
    }
  }

  private func cellText(_ v: Value) -> String { v.description }
}
