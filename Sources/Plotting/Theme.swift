// Light and dark looks: colours and font sizes shared by every figure element.

/// Colours and fonts of a figure. `light` matches matplotlib's defaults (white background,
/// light grid, thin spines); `dark` matches the report's dark scheme.
public struct Theme: Sendable, Hashable {
  /// Name for bindings and alt text (`light`, `dark`).
  public var name: String
  /// Figure background.
  public var background: Color
  /// Data-area background.
  public var plotBackground: Color
  /// Titles, labels, tick labels.
  public var foreground: Color
  /// Spines and tick marks.
  public var axisColor: Color
  /// Grid lines.
  public var gridColor: Color
  /// Legend box fill.
  public var legendBackground: Color
  /// Legend box outline.
  public var legendBorder: Color
  /// Categorical colours for series, in order.
  public var palette: [Color]
  /// Tick labels and legend text (10 pt at 96 DPI).
  public var tickFont: Font
  /// Axis labels.
  public var labelFont: Font
  /// Panel titles.
  public var titleFont: Font
  /// Figure title above all panels.
  public var figureTitleFont: Font

  /// Black text on white, light grey grid.
  public static let light = Theme(
    name: "light", background: .white, plotBackground: .white, foreground: Color(hex: 0x1A1A1A),
    axisColor: Color(hex: 0x333333), gridColor: Color(hex: 0xE3E3E3),
    legendBackground: Color(hex: 0xFFFFFF, alpha: 0.85), legendBorder: Color(hex: 0xCCCCCC),
    palette: Color.okabeIto, tickFont: .points(10), labelFont: .points(11),
    titleFont: .points(12, bold: true), figureTitleFont: .points(13, bold: true))

  /// The HTML report's dark scheme: its background, text, muted and rule colours (and the
  /// code-block colour for the legend); black leaves the palette for white.
  public static let dark = Theme(
    name: "dark", background: Color(hex: 0x0D1117), plotBackground: Color(hex: 0x0D1117),
    foreground: Color(hex: 0xE6EDF3), axisColor: Color(hex: 0x9198A1),
    gridColor: Color(hex: 0x30363D), legendBackground: Color(hex: 0x161B22, alpha: 0.9),
    legendBorder: Color(hex: 0x3D444D),
    palette: [0x56B4E9, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x0072B2, 0xF0E442, 0xFFFFFF].map {
      Color(hex: $0)
    },
    tickFont: .points(10), labelFont: .points(11), titleFont: .points(12, bold: true),
    figureTitleFont: .points(13, bold: true))

  /// `light` or `dark` by name; nil for other names.
  public static func named(_ name: String) -> Theme? {
    switch name.lowercased() {
    case "light": light
    case "dark": dark
    default: nil
    }
  }
}
