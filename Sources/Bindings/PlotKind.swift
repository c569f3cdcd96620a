// A kind of plotted data as lr offers it, once as a one-call plot and once as a figure
// method, so both read the same arguments the same way.
import Lang
import Plotting

/// One kind of series (line, scatter, bars, …): the parameters describing its data and
/// look, and how they become `Series`.
///
/// Every kind is a figure method (`fig.line(xs, ys, panel: 1)`); most are also a one-call
/// plot (`lineplot(xs, ys, title: "loss")`) that makes a one-panel figure and takes the
/// panel and figure options as well.
struct PlotKind {
  /// The one-call native's name, e.g. `lineplot`; nil for marks such as `hline`.
  let function: String?
  /// The figure method's name, e.g. `line`.
  let method: String
  /// Data and style parameters, in call order.
  let params: [Parameter]
  /// What the kind draws and its own options, for both doc strings.
  let doc: String
  /// A one-call example (ignored when `function` is nil).
  let example: String
  /// A figure-method example.
  let methodExample: String
  /// Builds the series from arguments bound to `params` (plus the shared options).
  let build: (Arguments) throws -> [Series]
  /// The figure size of a one-call plot when none is given (matrices want their aspect).
  var preferredSize: ((Arguments, [Series], Size) throws -> Size)? = nil

  /// Every kind, in the order the docs list them.
  static var all: [PlotKind] {
    [line, scatter, step, bar, hist, band, errorbar, heatmap, imshow, hline, vline, text]
  }
}

/// Style parameters shared by the kinds that draw lines.
var lineStyleParameters: [Parameter] {
  [
    Parameter("label", default: .nil), Parameter("labels", default: .nil),
    Parameter("color", default: .nil), Parameter("dash", default: .string("solid")),
    Parameter("linewidth", default: .number(2)),
  ]
}

/// Thinnest and thickest lines accepted, in figure pixels.
let lineWidthRange = 0.1...50.0

extension Arguments {
  /// Applies `label(s)`, `color` and, when declared, `dash`, `linewidth`, `marker`, `size`
  /// and `opacity` to each series (one entry of `series` per data series).
  func styled(_ series: [Series]) throws -> [Series] {
    let labels = try plotLabels(count: series.count)
    let colors = try plotColors(count: series.count)
    let dashes = try has("dash") ? try plotDashes(count: series.count) : nil
    let width = try has("linewidth") ? try number("linewidth", in: lineWidthRange) : nil
    let marker = try has("marker") ? try plotMarker() : nil
    let size = try has("size") ? try number("size", in: 0.5...100) : nil
    let opacity = try has("opacity") ? try number("opacity", in: 0...1) : nil
    let setsMarker = declares("marker")
    return series.enumerated().map { i, s in
      var s = s
      s.style.label = labels[i]
      s.style.color = colors[i]
      if let dashes { s.style.dash = dashes[i] }
      if let width { s.style.lineWidth = width }
      if setsMarker { s.style.marker = marker }
      if let size { s.style.markerSize = size }
      if let opacity { s.style.opacity = opacity }
      return s
    }
  }

  /// Whether the callee declares `name` and it holds a value other than nil.
  func has(_ name: String) throws -> Bool {
    guard declares(name) else { return false }
    return !(try value(name)).isNil
  }

  /// Whether the callee declares parameter `name` (kinds share this code).
  func declares(_ name: String) -> Bool {
    (try? value(name)) != nil
  }
}

/// A `PlotError` from Plotting, with the callee named, as other natives' errors read.
func plotting<T>(_ callee: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as PlotError {
    throw RuntimeError("\(callee): \(error.message)")
  }
}
