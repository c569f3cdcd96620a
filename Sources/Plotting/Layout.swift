// Figure layout: where every panel, axis, tick, label, legend and colour bar goes.

/// Fixed distances of the layout, in figure pixels.
enum Metrics {
  /// Space between the figure edge and anything drawn.
  static let outerPad = 8.0
  /// Extra space between neighbouring grid cells.
  static let panelGap = 12.0
  /// Major tick length (ticks point outward).
  static let tickLength = 4.0
  /// Minor tick length.
  static let minorTickLength = 2.0
  /// Gap between a tick and its label.
  static let tickPad = 4.0
  /// Gap between tick labels and the axis label.
  static let labelPad = 5.0
  /// Gap between a panel title and the data area.
  static let titlePad = 7.0
  /// Gap between the data area and a colour bar.
  static let colorbarGap = 12.0
  /// Width of a colour bar.
  static let colorbarWidth = 14.0
  /// Distance of an inside legend from the data area's edges.
  static let legendInset = 8.0
  /// Share of a panel's cell always left to the data area, however long the labels.
  static let minPlotFraction = 0.35
}

/// One axis of a laid-out panel.
public struct AxisLayout: Sendable, Hashable {
  /// Data-to-pixel mapping.
  public var scale: Scale
  /// Major and minor ticks inside the shown range.
  public var ticks: [Tick]
  /// Whether tick labels are drawn (shared axes label only the outer panels).
  public var showLabels: Bool
  /// Rotation of tick labels in degrees (long category names turn 45°).
  public var labelRotation: Double
}

/// A colour bar beside a heatmap or image.
public struct ColorbarLayout: Sendable, Hashable {
  /// The bar itself.
  public var rect: Rect
  /// Values to pixels, bottom to top.
  public var scale: Scale
  /// Labelled ticks on the right of the bar.
  public var ticks: [Tick]
  /// The colour map shown.
  public var colormap: Colormap
}

/// The computed geometry of one panel.
public struct PanelLayout: Sendable, Hashable {
  /// The grid cell this panel owns.
  public var frame: Rect
  /// The data area, inside the spines.
  public var plotArea: Rect
  /// Horizontal axis.
  public var x: AxisLayout
  /// Vertical axis.
  public var y: AxisLayout
  /// Whether spines, ticks and tick labels are drawn.
  public var axesVisible: Bool
  /// The colour of each series, palette colours resolved.
  public var colors: [Color]
  /// The colour bar, if a series asks for one.
  public var colorbar: ColorbarLayout?
  /// The legend, if any series has a label and the legend is not turned off.
  public var legend: LegendLayout?
  /// The panel's title, fitted to the panel's frame.
  public var title: TitleLayout?
}

/// Where everything in a figure goes, computed from the figure and text measurements.
///
/// Margins come from measured text, so no label is clipped; tick density is reduced
/// until neighbouring labels do not overlap; panels in a grid align their data areas.
public struct FigureLayout: Sendable, Hashable {
  /// Figure size in figure pixels (after clamping).
  public var size: Size
  /// The figure title, fitted to the figure's width (smaller, or on several lines).
  public var title: TitleLayout?
  /// One layout per panel, row-major.
  public var panels: [PanelLayout]

  /// Lays out `figure` using `measuring` for text sizes.
  public init(_ figure: Figure, measuring: TextMeasuring) {
    let size = figure.layoutSize
    self.size = size
    let theme = figure.theme
    var top = Metrics.outerPad
    if let text = figure.title, !text.isEmpty,
      let title = TitleLayout.figureTitle(
        text, figureSize: size, top: top, theme: theme, measuring: measuring)
    {
      self.title = title
      top += title.height(measuring: measuring) + Metrics.titlePad
    }
    let content = Rect(
      x: Metrics.outerPad, y: top, width: size.width - 2 * Metrics.outerPad,
      height: size.height - top - Metrics.outerPad)
    let planner = PanelPlanner(figure: figure, content: content, measuring: measuring)
    panels = planner.layouts()
  }
}
