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
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw file.error("is not UTF-8 text")
    }
    var separator: UInt8?
    if let delimiter {
      guard let ascii = delimiter.asciiValue else {
        throw file.error("the delimiter must be an ASCII character, got '\(delimiter)'")
      }
      separator = ascii
    }
    do {
      return try parse(
        bytes, label: label, targets: targets, header: header, delimiter: separator,
        name: name
          ?? url.deletingPathExtension().lastPathComponent.replacingOccurrences(
            of: ".csv", with: ""))
    } catch let error as CSVError {
      let location = error.line.map { ":\($0)" } ?? ""
      throw DatasetError(file: url.path + location, error.message)
    }
  }

  /// Parses CSV bytes (see `load`); errors carry the line but no file.
  static func parse(
    _ bytes: [UInt8], label: Column, targets: [Column]?, header: Bool?, delimiter: UInt8?,
    name: String
  ) throws -> Dataset {
    let table = try CSVTable(bytes, delimiter: delimiter)
    guard let first = table.rows.first else { throw CSVError(message: "holds no rows") }
    let layout = try CSVLayout(first: first, label: label, targets: targets, header: header)
    let start = layout.hasHeader ? 1 : 0
    let n = table.rows.count - start
    var features: [Float] = []
    features.reserveCapacity(n * layout.features.count)
    var outputs: [Float] = []
    var labelCells: [String] = []
    for r in start..<table.rows.count {
      let (row, line) = (table.rows[r], table.lines[r])
      guard row.count == first.count else {
        throw CSVError(
          line: line, message: "has \(row.count) fields, the first row has \(first.count)")
      }
      for c in layout.features { features.append(try layout.number(row, c, line: line)) }
      if targets == nil {
        labelCells.append(row[layout.outputs[0]])
      } else {
        for c in layout.outputs { outputs.append(try layout.number(row, c, line: line)) }
      }
    }
    let inputs = try Tensor(shape: [n, layout.features.count], scalars: features)
    if targets != nil {
      let y = try Tensor(shape: [n, layout.outputs.count], scalars: outputs)
      return try Dataset(name: name, inputs: inputs, targets: y)
    }
    let (labels, classNames) = try classes(labelCells, lines: Array(table.lines[start...]))
    return try Dataset(name: name, inputs: inputs, labels: labels, classNames: classNames)
  }

  /// Class indices for label cells: whole numbers ≥ 0 as they are, text in sorted order.
  private static func classes(_ cells: [String], lines: [Int]) throws(CSVError) -> (
    [Int], [String]?
  ) {
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
    let names = Set(cells).sorted()
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    return (cells.map { index[$0] ?? 0 }, names)
  }
}
