// Plot natives: one-call plots (lineplot, hist, heatmap, …), figure(), savefig.
import Lang
import Plotting

func plotNatives(_ session: Session) -> [NativeFunction] {
  PlotKind.all.compactMap { oneCallPlot($0, session) } + [
    imageGridNative(session), figureNative(session), savefigNative, plotHistoryNative(session),
  ]
}

/// The one-call plot of `kind`: its series in a new one-panel figure, with the panel and
/// figure options applied. Nil for kinds that exist only as figure methods.
private func oneCallPlot(_ kind: PlotKind, _ session: Session) -> NativeFunction? {
  guard let name = kind.function else { return nil }
  return NativeFunction(
    name: name, params: kind.params + panelOptionParameters + figureOptionParameters,
    doc: kind.doc + "\n" + commonOptionsDoc + "\n\n" + codeBlock(kind.example)
  ) { args in
    let series = try kind.build(args)
    var axes = Axes(series: series)
    try args.applyPanelOptions(to: &axes)
    var size = defaultFigureSize(session)
    if session.figureSize == nil, let preferred = kind.preferredSize {
      size = try preferred(args, series, size)
    }
    size = try args.figureSize(fallback: size)
    var figure = Figure(axes, width: size.width, height: size.height)
    try args.applyFigureOptions(to: &figure)
    return .native(FigureObject(figure))
  }
}

/// `figure(rows:, cols:, …)`: an empty grid of panels that methods add to.
private func figureNative(_ session: Session) -> NativeFunction {
  NativeFunction(
    name: "figure",
    params: [
      Parameter("rows", default: .number(1)), Parameter("cols", default: .number(1)),
      Parameter("title", default: .nil), Parameter("sharex", default: .bool(false)),
      Parameter("sharey", default: .bool(false)),
    ] + figureOptionParameters,
    doc: """
      An empty figure with a grid of `rows` × `cols` panels, for plots built up step by
      step (also across cells). Add series with the methods `line`, `scatter`, `step`,
      `bar`, `hist`, `band`, `errorbar`, `heatmap`, `imshow`, marks with `hline`, `vline`,
      `text` (each takes `panel:`, an index from 0 or `[row, col]`), set panel options with
      `fig.panel(i, title:, xlabel:, ylog: true, …)` and write files with `fig.save(path)`.
      Methods change the figure in place and return it; the figure shows as an image
      wherever it is a cell's value or passed to `display`.
      `title` goes above all panels; `sharex`/`sharey` give every panel the same x or y range
      and label the ticks only on the outer panels. Figure options: `width`/`height` (by
      default growing with the grid), `dpi`, `theme`, `alt`.

          let (epochs, train_acc) = ([1, 2, 3], [0.7, 0.85, 0.9])
          let (eps, pgd_acc) = ([0, 0.1, 0.2], [0.9, 0.5, 0.2])
          let fig = figure(rows: 1, cols: 2, title: "rank 16", sharey: true)
          fig.line(epochs, train_acc, panel: 0, label: "train")
          fig.line(eps, pgd_acc, panel: 1, label: "PGD").hline(0.1, panel: 1, label: "chance")
          fig.panel(1, xlabel: "ε")
      """
  ) { args in
    let rows = try args.positiveInt("rows")
    let cols = try args.positiveInt("cols")
    guard rows <= Figure.maxPanels, cols <= Figure.maxPanels / rows else {
      throw RuntimeError(
        "bad arguments 'rows' and 'cols' to figure (expected at most \(Figure.maxPanels) "
          + "panels, got \(rows)×\(cols))")
    }
    let fallback = session.figureSize.map { Size($0.width, $0.height) } ?? gridSize(rows, cols)
    let size = try args.figureSize(fallback: fallback)
    var figure = Figure(
      width: size.width, height: size.height, rows: rows, columns: cols,
      title: try args.optionalText("title"))
    figure.sharedX = try args.bool("sharex")
    figure.sharedY = try args.bool("sharey")
    try args.applyFigureOptions(to: &figure)
    return .native(FigureObject(figure))
  }
}

/// A grid's default size: 640×420 for one panel, growing by about half a panel per extra
/// column and row up to a page-wide figure.
func gridSize(_ rows: Int, _ cols: Int) -> Size {
  Size(
    min(1280, Figure.defaultSize.width + 320 * Double(cols - 1)),
    min(1280, Figure.defaultSize.height + 280 * Double(rows - 1)))
}

/// `savefig(fig, path)`.
private var savefigNative: NativeFunction {
  NativeFunction(
    name: "savefig", params: [Parameter("fig"), Parameter("path")],
    doc: """
      Writes figure `fig` to `path`: a PNG (with the alt text stored inside) or an SVG,
      chosen by the extension. The file is replaced atomically, never left half-written.

          # not run: writes a file
          savefig(lineplot([0.9, 0.5, 0.3]), "loss.png")
      """
  ) { args in
    let box = try args.native("fig", as: FigureObject.self, expected: "a figure")
    try saveFigure(box.figure, args)
    return .nil
  }
}

/// `text` indented as a Markdown code block for a doc string.
func codeBlock(_ text: String) -> String {
  text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
    .joined(separator: "\n")
}
