// A dense row-major grid of numbers, the input of heatmaps and images.

/// `rows × columns` values, row-major (row 0 is drawn at the top).
public struct Matrix: Sendable, Hashable {
  /// Number of rows (image height).
  public let rows: Int
  /// Number of columns (image width).
  public let columns: Int
  /// `rows * columns` values, row-major.
  public let values: [Double]

  /// The most cells a matrix may have: a figure never needs more, and a mistaken tensor
  /// should give an error rather than exhaust memory while rasterising.
  public static let maxCells = 1 << 24

  /// Wraps row-major `values`.
  /// - Throws: `PlotError` when the sizes are not positive, too large or do not match.
  public init(rows: Int, columns: Int, values: [Double]) throws {
    guard rows > 0, columns > 0 else {
      throw PlotError("a matrix needs at least one row and one column, got \(rows)×\(columns)")
    }
    guard rows <= Matrix.maxCells / columns else {
      throw PlotError("a \(rows)×\(columns) matrix is too large to draw")
    }
    guard values.count == rows * columns else {
      throw PlotError(
        "a \(rows)×\(columns) matrix needs \(rows * columns) values, got \(values.count)")
    }
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// A matrix from nested rows, which must all have the same length.
  /// - Throws: `PlotError` for ragged or empty input.
  public init(_ nested: [[Double]]) throws {
    let width = nested.first?.count ?? 0
    guard nested.allSatisfy({ $0.count == width }) else {
      throw PlotError("matrix rows have different lengths")
    }
    try self.init(rows: nested.count, columns: width, values: nested.flatMap { $0 })
  }

  /// Smallest and largest finite values, or nil when there are none.
  var finiteRange: (Double, Double)? {
    var lo = Double.infinity
    var hi = -Double.infinity
    for v in values where v.isFinite {
      lo = min(lo, v)
      hi = max(hi, v)
    }
    return lo <= hi ? (lo, hi) : nil
  }
}
