// One thing drawn in a panel: its data (line, bars, heatmap, …) and its style.

/// Marker shapes for line and scatter points.
public enum Marker: String, Sendable, Hashable, CaseIterable {
  /// Filled circle.
  case circle
  /// Filled square.
  case square
  /// Filled upward triangle.
  case triangle
  /// Filled diamond.
  case diamond
  /// An × of two strokes.
  case cross
  /// A + of two strokes.
  case plus
}

/// Where a step changes level relative to its x values.
public enum StepPosition: String, Sendable, Hashable {
  /// The level of `y[i]` starts at `x[i]` (matplotlib's `post`).
  case post
  /// The level of `y[i]` ends at `x[i]` (`pre`).
  case pre
  /// The level changes halfway between x values (`mid`).
  case mid
}

/// A plotted data set. Build one with the static constructors (`Series.line(…)` etc.),
/// which check the data, then adjust `style` if needed.
///
/// ```swift
/// var axes = Axes(title: "training loss", xlabel: "epoch", ylabel: "loss", yscale: .log)
/// axes.add(try .line(x: epochs, y: train, label: "train"))
/// axes.add(try .line(x: epochs, y: test, label: "test", dash: .dashed))
/// ```
public struct Series: Sendable, Hashable {
  /// The data and how it is interpreted.
  public enum Data: Sendable, Hashable {
    /// Connected points; NaN breaks the line.
    case line(x: [Double], y: [Double])
    /// Unconnected markers.
    case scatter(x: [Double], y: [Double])
    /// A staircase through the points.
    case step(x: [Double], y: [Double], StepPosition)
    /// One bar per category; several bar series in a panel are grouped side by side.
    case bars(categories: [String], values: [Double])
    /// Counts over bins: `edges.count == counts.count + 1`.
    case histogram(edges: [Double], counts: [Double])
    /// A shaded region between `lower` and `upper`, with an optional centre line.
    case band(x: [Double], lower: [Double], upper: [Double], center: [Double]?)
    /// Points with vertical error bars from `y − below` to `y + above`.
    case errorBars(x: [Double], y: [Double], below: [Double], above: [Double])
    /// A matrix drawn cell by cell through a colour map, with axes at cell indices.
    case heatmap(Matrix)
    /// A picture: grey/signed values through a colour map, without axes by default.
    case image(Matrix)
    /// A full-width horizontal reference line at a y value.
    case horizontalLine(Double)
    /// A full-height vertical reference line at an x value.
    case verticalLine(Double)
    /// A text annotation anchored at a data point.
    case text(String, x: Double, y: Double)
  }

  /// The data.
  public var data: Data
  /// Appearance and legend entry.
  public var style: SeriesStyle

  /// A series from data and style (prefer the checked static constructors).
  public init(data: Data, style: SeriesStyle = SeriesStyle()) {
    self.data = data
    self.style = style
  }

  /// A short name of the kind for alt text, e.g. `line`, `heatmap`.
  public var kindName: String {
    switch data {
    case .line: "line"
    case .scatter: "scatter"
    case .step: "step"
    case .bars: "bar"
    case .histogram: "histogram"
    case .band: "band"
    case .errorBars: "error bar"
    case .heatmap: "heatmap"
    case .image: "image"
    case .horizontalLine: "horizontal line"
    case .verticalLine: "vertical line"
    case .text: "annotation"
    }
  }

  /// Kinds that take a colour from the palette (annotations and rules do not).
  var usesPaletteColor: Bool {
    switch data {
    case .heatmap, .image, .text, .horizontalLine, .verticalLine: false
    default: true
    }
  }
}

/// Appearance of a series. Every field has a sensible default; nil colours come from the
/// theme's palette in series order.
public struct SeriesStyle: Sendable, Hashable {
  /// Legend entry; nil keeps the series out of the legend.
  public var label: String?
  /// Explicit colour, or nil for the next palette colour.
  public var color: Color?
  /// Line width in pixels (lines, steps, rules, band centres).
  public var lineWidth: Double
  /// Dash pattern of lines.
  public var dash: DashPattern
  /// Point marker; scatter and error bars default to circles, lines to none.
  public var marker: Marker?
  /// Marker diameter in pixels.
  public var markerSize: Double
  /// Opacity 0...1 of lines, markers and bars (bands use a fraction of it for the fill).
  public var opacity: Double
  /// Colour map of heatmaps and images.
  public var colormap: Colormap
  /// Value range mapped onto the colour map; nil uses the data's range.
  public var valueRange: ClosedRange<Double>?
  /// Show a colour bar beside a heatmap or image.
  public var colorbar: Bool
  /// Centre a text annotation on its point (cell values of a heatmap) instead of placing
  /// its left end just above and right of it.
  public var centered = false

  /// A style with the given overrides.
  public init(
    label: String? = nil, color: Color? = nil, lineWidth: Double = 2,
    dash: DashPattern = .solid, marker: Marker? = nil, markerSize: Double = 6.5,
    opacity: Double = 1, colormap: Colormap = .viridis, valueRange: ClosedRange<Double>? = nil,
    colorbar: Bool = false
  ) {
    self.label = label
    self.color = color
    self.lineWidth = lineWidth
    self.dash = dash
    self.marker = marker
    self.markerSize = markerSize
    self.opacity = opacity
    self.colormap = colormap
    self.valueRange = valueRange
    self.colorbar = colorbar
  }

  /// Where a text annotation whose data point is at pixel `p` is drawn, and how it is
  /// anchored there (shared by drawing and legend placement).
  func textPlacement(at p: Point) -> (Point, TextAnchor) {
    centered
      ? (p, TextAnchor(.middle, .middle)) : (Point(p.x + 3, p.y - 3), TextAnchor(.start, .bottom))
  }
}
