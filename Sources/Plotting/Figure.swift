// A whole figure: size, DPI scale, theme, and a grid of panels.

/// A figure: one or more panels in a grid, with a size in pixels and a DPI scale.
///
/// ```swift
/// var figure = Figure(rows: 1, columns: 2, title: "MNIST, rank 16")
/// try figure.add(.line(x: epochs, y: loss, label: "train"), toPanel: 0)
/// try figure.add(.line(x: eps, y: acc, label: "PGD"), toPanel: 1)
/// figure.panels[1].xlabel = "ε"
/// let image = try renderPNG(figure)            // PlottingCairo
/// ```
public struct Figure: Sendable, Hashable {
  /// Width in figure pixels (at scale 1).
  public var width: Double
  /// Height in figure pixels.
  public var height: Double
  /// Device pixels per figure pixel: 2 renders a sharp image for high-DPI screens.
  public var scale: Double
  /// Title above all panels.
  public var title: String?
  /// Colours and fonts.
  public var theme: Theme
  /// Grid rows.
  public private(set) var rows: Int
  /// Grid columns.
  public private(set) var columns: Int
  /// `rows * columns` panels, row-major.
  public var panels: [Axes]
  /// All panels use one x range; only the bottom row labels its x ticks.
  public var sharedX: Bool
  /// All panels use one y range; only the left column labels its y ticks.
  public var sharedY: Bool
  /// Alternative text; nil generates it from the figure.
  public var alt: String?

  /// Default size, as matplotlib's 6.4 × 4.2 in at 100 DPI.
  public static let defaultSize = Size(640, 420)
  /// Smallest figure side: below this no axis fits.
  public static let minSide = 32.0
  /// Largest figure side in figure pixels (times `scale` in device pixels, up to 16384).
  public static let maxSide = 8192.0
  /// Most panels in a grid.
  public static let maxPanels = 400

  /// A figure with `rows × columns` empty panels. Sizes and counts are clamped to the
  /// limits above so any input gives a drawable figure.
  public init(
    width: Double = Figure.defaultSize.width, height: Double = Figure.defaultSize.height,
    rows: Int = 1, columns: Int = 1, title: String? = nil, theme: Theme = .light,
    scale: Double = 1
  ) {
    self.width = width
    self.height = height
    self.scale = scale
    self.title = title
    self.theme = theme
    let r = min(max(1, rows), Figure.maxPanels)
    let c = min(max(1, columns), Figure.maxPanels / r)
    self.rows = r
    self.columns = c
    self.panels = Array(repeating: Axes(), count: r * c)
    self.sharedX = false
    self.sharedY = false
  }

  /// A one-panel figure showing `axes`.
  public init(
    _ axes: Axes, width: Double = Figure.defaultSize.width,
    height: Double = Figure.defaultSize.height, theme: Theme = .light
  ) {
    self.init(width: width, height: height, theme: theme)
    panels = [axes]
  }

  /// Adds `series` to panel `index` (row-major).
  /// - Throws: `PlotError` when there is no such panel.
  public mutating func add(_ series: Series, toPanel index: Int = 0) throws {
    try checkPanel(index)
    panels[index].add(series)
  }

  /// Changes panel `index` in place.
  /// - Throws: `PlotError` when there is no such panel.
  public mutating func updatePanel(_ index: Int, _ body: (inout Axes) throws -> Void) throws {
    try checkPanel(index)
    try body(&panels[index])
  }

  /// Throws unless `index` names a panel.
  public func checkPanel(_ index: Int) throws {
    guard panels.indices.contains(index) else {
      throw PlotError("panel \(index) does not exist (the figure has \(panels.count) panels)")
    }
  }

  /// The width and height actually drawn, clamped to `minSide...maxSide`.
  public var layoutSize: Size {
    func clamp(_ v: Double, _ fallback: Double) -> Double {
      v.isFinite ? min(Figure.maxSide, max(Figure.minSide, v)) : fallback
    }
    return Size(clamp(width, Figure.defaultSize.width), clamp(height, Figure.defaultSize.height))
  }

  /// The device scale actually used: clamped to 0.25...4, and so that no side exceeds
  /// `maxDeviceSide` device pixels.
  public var layoutScale: Double {
    let s = scale.isFinite ? min(4, max(0.25, scale)) : 1
    let size = layoutSize
    return min(s, Figure.maxDeviceSide / max(size.width, size.height))
  }

  /// Largest rendered side in device pixels (Cairo's image surfaces stop at 32767).
  public static let maxDeviceSide = 16384.0
}
