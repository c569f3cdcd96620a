// Which CSV columns are features and which the label or targets, and whether row 1 is a header.

/// The roles of a CSV file's columns, decided from its first row.
struct CSVLayout {
  /// Whether the first row holds column names.
  var hasHeader: Bool
  /// The column names (when there is a header).
  var names: [String]?
  /// The feature columns, in order.
  var features: [Int]
  /// The label column, or the target columns.
  var outputs: [Int]

  /// Resolves `label`/`targets` against `first`. Without an explicit `header`, the first row
  /// is a header when a column is named or a feature cell in it is not a number.
  init(first: [String], label: CSV.Column, targets: [CSV.Column]?, header: Bool?) throws(CSVError) {
    let wanted = targets ?? [label]
    let named = wanted.contains { if case .name = $0 { true } else { false } }
    var hasHeader = header ?? named
    if header == nil, !named {
      let positions = try wanted.map { column throws(CSVError) in
        try Self.resolve(column, width: first.count, names: nil)
      }
      hasHeader = first.indices.contains { !positions.contains($0) && Double(first[$0]) == nil }
    }
    let names = hasHeader ? first : nil
    let outputs = try wanted.map { column throws(CSVError) in
      try Self.resolve(column, width: first.count, names: names)
    }
    self.outputs = outputs
    self.features = first.indices.filter { !outputs.contains($0) }
    self.hasHeader = hasHeader
    self.names = names
  }

  private static func resolve(_ column: CSV.Column, width: Int, names: [String]?) throws(CSVError)
    -> Int
  {
    switch column {
    case .index(let i):
      guard i >= -width, i < width else {
        throw CSVError(message: "has \(width) columns, so column \(i) does not exist")
      }
      return i < 0 ? i + width : i
    case .name(let wanted):
      guard let names else {
        throw CSVError(message: "has no header row to find column '\(wanted)' in")
      }
      guard let i = names.firstIndex(of: wanted) else {
        throw CSVError(
          message: "has no column '\(wanted)' (columns: \(names.joined(separator: ", ")))")
      }
      return i
    }
  }

  /// Cell `column` of `row` as a number.
  func number(_ row: [String], _ column: Int, line: Int) throws(CSVError) -> Float {
    guard let x = Double(row[column]) else {
      let name = names.map { "'\($0[column])'" } ?? "\(column)"
      throw CSVError(line: line, message: "column \(name) is not a number: '\(row[column])'")
    }
    return Float(x)
  }
}
