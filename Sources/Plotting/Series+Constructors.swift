// Checked constructors for every series kind: lengths match, sizes are sane.

extension Series {
  /// A line through (`x[i]`, `y[i]`); non-finite values break it.
  /// - Throws: `PlotError` when `x` and `y` differ in length.
  public static func line(
    x: [Double], y: [Double], label: String? = nil, color: Color? = nil, width: Double = 2,
    dash: DashPattern = .solid, marker: Marker? = nil
  ) throws -> Series {
    try checkLengths(("x", x), ("y", y))
    return Series(
      data: .line(x: x, y: y),
      style: SeriesStyle(label: label, color: color, lineWidth: width, dash: dash, marker: marker))
  }

  /// A line through `y` at x = 0, 1, 2, ….
  public static func line(
    y: [Double], label: String? = nil, color: Color? = nil, dash: DashPattern = .solid
  ) -> Series {
    Series(
      data: .line(x: y.indices.map(Double.init), y: y),
      style: SeriesStyle(label: label, color: color, dash: dash))
  }

  /// Markers at (`x[i]`, `y[i]`).
  /// - Throws: `PlotError` when `x` and `y` differ in length.
  public static func scatter(
    x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
    marker: Marker = .circle, size: Double = 6.5, opacity: Double = 0.85
  ) throws -> Series {
    try checkLengths(("x", x), ("y", y))
    return Series(
      data: .scatter(x: x, y: y),
      style: SeriesStyle(
        label: label, color: color, marker: marker, markerSize: size, opacity: opacity))
  }

  /// A staircase through the points.
  /// - Throws: `PlotError` when `x` and `y` differ in length.
  public static func step(
    x: [Double], y: [Double], position: StepPosition = .post, label: String? = nil,
    color: Color? = nil
  ) throws -> Series {
    try checkLengths(("x", x), ("y", y))
    return Series(
      data: .step(x: x, y: y, position), style: SeriesStyle(label: label, color: color))
  }

  /// Bars, one per category. Several bar series in one panel are drawn grouped.
  /// - Throws: `PlotError` when the counts differ or there are no categories.
  public static func bars(
    categories: [String], values: [Double], label: String? = nil, color: Color? = nil
  ) throws -> Series {
    guard !categories.isEmpty else { throw PlotError("bars need at least one category") }
    try checkLengths(("categories", categories.map { _ in 0 }), ("values", values))
    return Series(
      data: .bars(categories: categories, values: values),
      style: SeriesStyle(label: label, color: color))
  }

  /// A histogram of `values` over `bins` equal bins spanning the finite values
  /// (or `range` when given); non-finite values are ignored.
  /// - Throws: `PlotError` when `bins` is not in 1...10000.
  public static func histogram(
    _ values: [Double], bins: Int = 20, range: ClosedRange<Double>? = nil,
    label: String? = nil, color: Color? = nil
  ) throws -> Series {
    guard (1...maxBins).contains(bins) else {
      throw PlotError("bins must be between 1 and \(maxBins), got \(bins)")
    }
    let finite = values.filter(\.isFinite)
    var lo = range?.lowerBound ?? finite.min() ?? 0
    var hi = range?.upperBound ?? finite.max() ?? 1
    if hi <= lo {
      lo -= 0.5
      hi += 0.5
    }
    let width = (hi - lo) / Double(bins)
    let edges = (0...bins).map { lo + Double($0) * width }
    var counts = [Double](repeating: 0, count: bins)
    for v in finite where v >= lo && v <= hi {
      // Clamped in floating point first: a span that overflowed makes the ratio NaN or ∞.
      let t = (v - lo) / width
      counts[t.isFinite ? Int(min(Double(bins - 1), max(0, t))) : 0] += 1
    }
    return Series(
      data: .histogram(edges: edges, counts: counts),
      style: SeriesStyle(label: label, color: color, opacity: 0.85))
  }

  /// Most histogram bins: more than this cannot be told apart on any figure.
  public static let maxBins = 10_000

  /// A shaded band between `lower` and `upper`.
  /// - Throws: `PlotError` when the lengths differ.
  public static func band(
    x: [Double], lower: [Double], upper: [Double], label: String? = nil, color: Color? = nil
  ) throws -> Series {
    try checkLengths(("x", x), ("lower", lower), ("upper", upper))
    return Series(
      data: .band(x: x, lower: lower, upper: upper, center: nil),
      style: SeriesStyle(label: label, color: color))
  }

  /// The mean as a line inside a band of ± `std` (e.g. over seeds).
  /// - Throws: `PlotError` when the lengths differ.
  public static func band(
    x: [Double], mean: [Double], std: [Double], label: String? = nil, color: Color? = nil
  ) throws -> Series {
    try checkLengths(("x", x), ("mean", mean), ("std", std))
    let lower = zip(mean, std).map { $0 - $1 }
    let upper = zip(mean, std).map { $0 + $1 }
    return Series(
      data: .band(x: x, lower: lower, upper: upper, center: mean),
      style: SeriesStyle(label: label, color: color))
  }

  /// Points with symmetric error bars `y ± error`.
  /// - Throws: `PlotError` when the lengths differ.
  public static func errorBars(
    x: [Double], y: [Double], error: [Double], label: String? = nil, color: Color? = nil
  ) throws -> Series {
    try errorBars(x: x, y: y, below: error, above: error, label: label, color: color)
  }

  /// Points with asymmetric error bars from `y − below` to `y + above`.
  /// - Throws: `PlotError` when the lengths differ.
  public static func errorBars(
    x: [Double], y: [Double], below: [Double], above: [Double], label: String? = nil,
    color: Color? = nil
  ) throws -> Series {
    try checkLengths(("x", x), ("y", y), ("below", below), ("above", above))
    return Series(
      data: .errorBars(x: x, y: y, below: below, above: above),
      style: SeriesStyle(label: label, color: color, marker: .circle, markerSize: 6))
  }

  /// A heatmap of `matrix` with a colour bar (weights, singular values, confusion matrices).
  public static func heatmap(
    _ matrix: Matrix, colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil,
    colorbar: Bool = true
  ) -> Series {
    Series(
      data: .heatmap(matrix),
      style: SeriesStyle(colormap: colormap, valueRange: range, colorbar: colorbar))
  }

  /// An image of `matrix`: greys over 0...1 by default (digits); for signed data such as
  /// perturbations pass `.diverging` and a range symmetric around zero.
  public static func image(
    _ matrix: Matrix, colormap: Colormap = .greys, range: ClosedRange<Double>? = 0...1,
    colorbar: Bool = false
  ) -> Series {
    Series(
      data: .image(matrix),
      style: SeriesStyle(colormap: colormap, valueRange: range, colorbar: colorbar))
  }

  /// A horizontal reference line at `y` (dashed by default).
  public static func horizontalLine(
    _ y: Double, label: String? = nil, color: Color? = nil, dash: DashPattern = .dashed
  ) -> Series {
    Series(
      data: .horizontalLine(y),
      style: SeriesStyle(label: label, color: color, lineWidth: 1.25, dash: dash))
  }

  /// A vertical reference line at `x` (dashed by default).
  public static func verticalLine(
    _ x: Double, label: String? = nil, color: Color? = nil, dash: DashPattern = .dashed
  ) -> Series {
    Series(
      data: .verticalLine(x),
      style: SeriesStyle(label: label, color: color, lineWidth: 1.25, dash: dash))
  }

  /// A text annotation whose left end sits at data point (`x`, `y`).
  public static func text(_ text: String, x: Double, y: Double, color: Color? = nil) -> Series {
    Series(data: .text(text, x: x, y: y), style: SeriesStyle(color: color))
  }

  private static func checkLengths(_ arrays: (String, [Double])...) throws {
    guard let first = arrays.first else { return }
    for (name, values) in arrays.dropFirst() where values.count != first.1.count {
      throw PlotError(
        "\(first.0) and \(name) have different lengths (\(first.1.count) and \(values.count))")
    }
  }
}
