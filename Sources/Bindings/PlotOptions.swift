// The options every plot shares: panel options (title, labels, log axes, limits, legend)
// and figure options (size, DPI, theme, alt text), read the same way everywhere.
import Lang
import Plotting

/// Options of one panel, accepted by every one-call plot and by `fig.panel(…)`.
var panelOptionParameters: [Parameter] {
  [
    Parameter("title", default: .nil), Parameter("xlabel", default: .nil),
    Parameter("ylabel", default: .nil), Parameter("xlog", default: .nil),
    Parameter("ylog", default: .nil), Parameter("xlim", default: .nil),
    Parameter("ylim", default: .nil), Parameter("legend", default: .nil),
    Parameter("grid", default: .nil),
  ]
}

/// Options of a whole figure, accepted by every one-call plot and by `figure(…)`.
var figureOptionParameters: [Parameter] {
  [
    Parameter("width", default: .nil), Parameter("height", default: .nil),
    Parameter("dpi", default: .nil), Parameter("theme", default: .nil),
    Parameter("alt", default: .nil),
  ]
}

/// The doc text of the shared options, appended to every one-call plot's doc string.
let commonOptionsDoc = """
  Panel options: `title`, `xlabel`, `ylabel`, `xlog`/`ylog` (log axes), `xlim`/`ylim`
  (`[lower, upper]`, either may be nil), `legend` ("best", "upper right", "upper left",
  "lower left", "lower right", "outside", or false), `grid` (true/false).
  Figure options: `width`/`height` in pixels, `dpi` (96 is one image pixel per figure
  pixel, 192 a sharp 2× image), `theme` ("light" or "dark"), `alt` (alt text; generated
  from the figure when not given).
  """

/// Most device pixels of a figure (width × height × (dpi / 96)²): an 8192×8192 image. It
/// takes about 0.6 GB while rendering and encoding; anything larger is a typo, and is
/// refused before memory runs out.
let maxFigurePixels = 8192.0 * 8192.0

/// The `dpi:` values accepted: 96 is scale 1, and `Figure` scales from 0.25× to 4×.
let dpiRange = 24.0...384.0

extension Arguments {
  /// The text of an optional string option (nil when not given or nil).
  func optionalText(_ name: String) throws -> String? {
    guard isGiven(name) else { return nil }
    if case .nil = try value(name) { return nil }
    return try string(name)
  }

  /// An optional bool option: nil when not given or nil.
  func optionalBool(_ name: String) throws -> Bool? {
    guard isGiven(name) else { return nil }
    if case .nil = try value(name) { return nil }
    return try bool(name)
  }

  /// Applies the given panel options to `axes`; options not given leave it unchanged.
  func applyPanelOptions(to axes: inout Axes) throws {
    if let title = try optionalText("title") { axes.title = title }
    if let label = try optionalText("xlabel") { axes.xlabel = label }
    if let label = try optionalText("ylabel") { axes.ylabel = label }
    if let log = try optionalBool("xlog") { axes.xscale = log ? .log : .linear }
    if let log = try optionalBool("ylog") { axes.yscale = log ? .log : .linear }
    if let (lo, hi) = try plotLimits("xlim") {
      axes.xmin = lo
      axes.xmax = hi
    }
    if let (lo, hi) = try plotLimits("ylim") {
      axes.ymin = lo
      axes.ymax = hi
    }
    if let position = try legendPosition() { axes.legend = position }
    if let grid = try optionalBool("grid") { axes.grid = grid }
    try checkLogLimits(axes)
  }

  /// A log axis cannot show a limit at or below zero: say so instead of ignoring it.
  private func checkLogLimits(_ axes: Axes) throws {
    for (name, kind, ends) in [
      ("xlim", axes.xscale, [axes.xmin, axes.xmax]), ("ylim", axes.yscale, [axes.ymin, axes.ymax]),
    ] where kind == .log && isGiven(name) {
      if ends.contains(where: { ($0 ?? 1) <= 0 }) {
        throw bad(name, expected: "positive limits on a log axis")
      }
    }
  }

  /// The `legend:` option: a position name, true (best place) or false (no legend).
  func legendPosition() throws -> LegendPosition? {
    guard isGiven("legend") else { return nil }
    switch try value("legend") {
    case .nil: return nil
    case .bool(let on): return on ? .best : LegendPosition.none
    case .string(let s):
      let key = s.lowercased().replacingOccurrences(of: "_", with: " ")
      if let position = legendNames[key] { return position }
    default: break
    }
    throw bad(
      "legend",
      expected: "\"best\", \"upper right\", \"upper left\", \"lower left\", \"lower right\", "
        + "\"outside\", true or false")
  }

  /// The figure size from `width`/`height`, else `fallback`.
  func figureSize(fallback: Size) throws -> Size {
    let sides = "a size in pixels from \(Int(Figure.minSide)) to \(Int(Figure.maxSide))"
    let range = Figure.minSide...Figure.maxSide
    var size = fallback
    if isGiven("width"), !(try value("width")).isNil {
      guard case .number(let w) = try value("width"), range.contains(w) else {
        throw bad("width", expected: sides)
      }
      size.width = w
    }
    if isGiven("height"), !(try value("height")).isNil {
      guard case .number(let h) = try value("height"), range.contains(h) else {
        throw bad("height", expected: sides)
      }
      size.height = h
    }
    return size
  }

  /// The `theme:` option, or nil when not given.
  func plotTheme() throws -> Theme? {
    guard isGiven("theme"), !(try value("theme")).isNil else { return nil }
    guard case .string(let name) = try value("theme"), let theme = Theme.named(name) else {
      throw bad("theme", expected: "\"light\" or \"dark\"")
    }
    return theme
  }

  /// Applies the given figure options (`dpi`, `theme`, `alt`) to `figure`; the size is
  /// chosen when the figure is made.
  func applyFigureOptions(to figure: inout Figure) throws {
    if isGiven("dpi"), !(try value("dpi")).isNil {
      figure.scale = try number("dpi", in: dpiRange) / 96
    }
    if let theme = try plotTheme() { figure.theme = theme }
    if let alt = try optionalText("alt") { figure.alt = alt }
    try checkPixelCount(figure)
  }

  /// Throws when `figure` would render to more than `maxFigurePixels` device pixels.
  func checkPixelCount(_ figure: Figure) throws {
    let size = figure.layoutSize
    let scale = figure.layoutScale
    let (w, h) = (Int(size.width * scale), Int(size.height * scale))
    guard Double(w) * Double(h) <= maxFigurePixels else {
      throw RuntimeError(
        "\(callee): a figure of \(w)×\(h) pixels is too large (at most 64 megapixels); "
          + "lower 'width', 'height' or 'dpi'")
    }
  }
}

/// `legend:` names, matplotlib's spelling with spaces or underscores.
private let legendNames: [String: LegendPosition] = [
  "best": .best, "upper right": .upperRight, "upper left": .upperLeft,
  "lower left": .lowerLeft, "lower right": .lowerRight, "outside": .outside,
  "none": LegendPosition.none,
]

/// The default figure size: the cell's `fig-width`/`fig-height` when set, else 640×420.
func defaultFigureSize(_ session: Session) -> Size {
  session.figureSize.map { Size($0.width, $0.height) } ?? Figure.defaultSize
}
