// Numeric CSV files (raw or gzipped) as datasets: feature columns, a label or target column.
import Foundation
import Tensors

/// Loads numeric CSV files as datasets. Every column but the label (or targets) is a
/// feature and must hold numbers.
///
/// - A header row is detected (a non-numeric feature cell in the first row) unless stated.
/// - The delimiter is the first of `,` `;` tab in the first line unless given.
/// - Labels that are whole numbers ≥ 0 are class indices; text labels become classes in
///   sorted order (`"setosa"` → 0, …). Regression targets come from `targets:` instead.
///
/// ```swift
/// let iris = try CSV.load(URL(fileURLWithPath: "iris.csv"), label: .name("species"))
/// ```
public enum CSV {
  /// A column chosen by position (negative counts from the end) or by header name.
  public enum Column: Sendable, Hashable {
    case index(Int)
    case name(String)
  }

  /// The largest (decompressed) CSV file read: the text is held in memory while parsing.
  public static let maxBytes = 1 << 31

  /// Loads a CSV file as a classification dataset (`label`) or, with `targets`, a
  /// regression dataset whose targets are those columns.
  /// - Throws: `DatasetError` naming the file (and line) for a missing column, a
  ///   non-numeric feature, a ragged row, or an unreadable file.
  public static func load(
    _ url: URL, label: Column = .index(-1), targets: [Column]? = nil, header: Bool? = nil,
    delimiter: Character? = nil, name: String? = nil
  ) throws -> Dataset {
    let file = try DataFile(url)
    let bytes = try file.readToEnd(limit: maxBytes)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw file.error("is not UTF-8 text")
    }
    do {
      return try parse(
        text, label: label, targets: targets, header: header, delimiter: delimiter,
        name: name ?? url.deletingPathExtension().lastPathComponent.replacingOccurrences(of: ".csv", with: ""))
    } catch let error as CSVError {
      let location = error.line.map { ":\($0)" } ?? ""
      throw DatasetError(file: url.path + location, error.message)
    }
  }

  /// Parses CSV text (see `load`); errors carry the line but no file.
  static func parse(
    _ text: String, label: Column, targets: [Column]?, header: Bool?, delimiter: Character?,
    name: String
  ) throws -> Dataset {
    let table = try CSVTable(text[...], delimiter: delimiter)
    guard let first = table.rows.first else { throw CSVError(message: "holds no rows") }
    let width = first.count
    func resolve(_ column: Column, names: [Substring]?) throws(CSVError) -> Int {
      switch column {
      case .index(let i):
        guard i >= -width, i < width else {
          throw CSVError(message: "has \(width) columns, so column \(i) does not exist")
        }
        return i < 0 ? i + width : i
      case .name(let wanted):
        guard let names else { throw CSVError(message: "has no header row to find column '\(wanted)' in") }
        guard let i = names.firstIndex(where: { $0 == wanted }) else {
          throw CSVError(message: "has no column '\(wanted)' (columns: \(names.joined(separator: ", ")))")
        }
        return i
      }
    }
    // Resolve by position first to decide on the header, then again with names.
    let needsNames = ([label] + (targets ?? [])).contains { if case .name = $0 { true } else { false } }
    let outputGuess = try targets == nil ? [resolve(label, names: first)] : (targets ?? []).map { try resolve($0, names: first) }
    let hasHeader =
      header ?? (needsNames || first.indices.contains { !outputGuess.contains($0) && Double(first[$0]) == nil })
    let names = hasHeader ? first : nil
    let outputs = try targets.map { try $0.map { try resolve($0, names: names) } } ?? [resolve(label, names: names)]
    let featureColumns = (0..<width).filter { !outputs.contains($0) }
    let dataRows = hasHeader ? 1 : 0
    let n = table.rows.count - dataRows

    var features: [Float] = []
    features.reserveCapacity(n * featureColumns.count)
    var outputCells: [[Substring]] = []
    for r in dataRows..<table.rows.count {
      let row = table.rows[r]
      guard row.count == width else {
        throw CSVError(line: table.lines[r], message: "has \(row.count) fields, the first row has \(width)")
      }
      for c in featureColumns {
        guard let x = Double(row[c]) else {
          let column = names.map { "'\($0[c])'" } ?? "\(c)"
          throw CSVError(line: table.lines[r], message: "column \(column) is not a number: '\(row[c])'")
        }
        features.append(Float(x))
      }
      outputCells.append(outputs.map { row[$0] })
    }
    let inputs = try Tensor(shape: [n, featureColumns.count], scalars: features)
    if targets != nil {
      let values = try outputCells.enumerated().flatMap { r, cells in
        try cells.map { cell throws(CSVError) -> Float in
          guard let x = Double(cell) else {
            throw CSVError(line: table.lines[r + dataRows], message: "target '\(cell)' is not a number")
          }
          return Float(x)
        }
      }
      return try Dataset(name: name, inputs: inputs, targets: try Tensor(shape: [n, outputs.count], scalars: values))
    }
    let (labels, classNames) = try classes(outputCells.map { $0[0] }, lines: Array(table.lines[dataRows...]))
    return try Dataset(name: name, inputs: inputs, labels: labels, classNames: classNames)
  }

  /// Class indices for label cells: whole numbers ≥ 0 as they are, text in sorted order.
  private static func classes(_ cells: [Substring], lines: [Int]) throws(CSVError) -> ([Int], [String]?) {
    let numbers = cells.map { Double($0) }
    if numbers.allSatisfy({ $0 != nil }) {
      var labels: [Int] = []
      for (i, x) in numbers.enumerated() {
        guard let x, x >= 0, x == x.rounded(), x < 0x1p24 else {
          throw CSVError(
            line: lines[i],
            message: "label '\(cells[i])' is not a class number (use targets: for regression)")
        }
        labels.append(Int(x))
      }
      return (labels, nil)
    }
    let names = Set(cells.map(String.init)).sorted()
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    return (cells.map { index[String($0)] ?? 0 }, names)
  }
}
