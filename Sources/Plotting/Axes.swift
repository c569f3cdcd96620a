// One panel of a figure: its series, scales, limits, labels and legend placement.

/// Where a panel's legend goes.
public enum LegendPosition: String, Sendable, Hashable, CaseIterable {
  /// Inside the panel, at the corner or edge that hides the fewest data.
  case best
  /// Top right inside.
  case upperRight
  /// Top left inside.
  case upperLeft
  /// Bottom left inside.
  case lowerLeft
  /// Bottom right inside.
  case lowerRight
  /// Right of the panel, outside the data area.
  case outside
  /// No legend.
  case none
}

/// A panel: a data area with two axes, the series drawn in it, and its texts.
///
/// ```swift
/// var axes = Axes(title: "spectrum", xlabel: "index", ylabel: "σ", yscale: .log)
/// axes.add(.line(y: sigmas, label: "layer 1"))
/// ```
public struct Axes: Sendable, Hashable {
  /// Title above the panel.
  public var title: String?
  /// Label under the x axis.
  public var xlabel: String?
  /// Label left of the y axis.
  public var ylabel: String?
  /// Linear or log x.
  public var xscale: ScaleKind
  /// Linear or log y.
  public var yscale: ScaleKind
  /// Fixed lower x limit; nil fits the data.
  public var xmin: Double?
  /// Fixed upper x limit.
  public var xmax: Double?
  /// Fixed lower y limit.
  public var ymin: Double?
  /// Fixed upper y limit.
  public var ymax: Double?
  /// What is drawn, in order (later on top).
  public var series: [Series]
  /// Legend placement; only series with a label appear.
  public var legend: LegendPosition
  /// Light grid lines at major ticks.
  public var grid: Bool
  /// Draw spines, ticks and tick labels; nil decides by content (off for images).
  public var showAxes: Bool?
  /// False leaves the panel's cell empty (unused cells of an image grid).
  public var visible = true

  /// A panel with the given texts and scales.
  public init(
    title: String? = nil, xlabel: String? = nil, ylabel: String? = nil,
    xscale: ScaleKind = .linear, yscale: ScaleKind = .linear, series: [Series] = [],
    legend: LegendPosition = .best, grid: Bool = true
  ) {
    self.title = title
    self.xlabel = xlabel
    self.ylabel = ylabel
    self.xscale = xscale
    self.yscale = yscale
    self.series = series
    self.legend = legend
    self.grid = grid
  }

  /// Appends a series (drawn above earlier ones).
  public mutating func add(_ series: Series) { self.series.append(series) }

  /// True when the panel shows matrices (heatmap/image): y runs downward, cells are square.
  var isMatrixPanel: Bool {
    series.contains {
      switch $0.data {
      case .heatmap, .image: true
      default: false
      }
    }
  }

  /// True when the panel holds only images, which hide their axes by default.
  var isImageOnly: Bool {
    !series.isEmpty
      && series.allSatisfy {
        if case .image = $0.data { true } else { false }
      }
  }

  /// Whether spines, ticks and tick labels are drawn.
  var axesVisible: Bool { showAxes ?? !isImageOnly }

  /// The categories of the panel's bar series, in first-seen order.
  var barCategories: [String] {
    var seen: [String] = []
    for case .bars(let categories, _) in series.map(\.data) {
      for c in categories where !seen.contains(c) { seen.append(c) }
    }
    return seen
  }
}
