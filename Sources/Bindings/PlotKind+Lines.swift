// Line, scatter and step plots: y against x, one or several series.
import Lang
import Plotting

extension PlotKind {
  static var line: PlotKind {
    PlotKind(
      function: "lineplot", method: "line",
      params: [Parameter("x"), Parameter("y", default: .nil)] + lineStyleParameters + [
        Parameter("marker", default: .bool(false))
      ],
      doc: """
        A line through the points (x, y). `y` is one series (a list, range or 1-d tensor) or
        several (a list of series, or the rows of a 2-d tensor) sharing `x`; with only one
        argument it is plotted against 0, 1, 2, …. NaN values break the line.
        Options: `label` (one series) or `labels` (a list), `color` (a name or "#rrggbb"),
        `dash` ("solid", "dashed", "dotted", "dashdot"), `linewidth`, `marker` (true or "o",
        "s", "^", "D", "x", "+"). `color` and `dash` may be lists, one entry per series.
        """,
      example: """
        lineplot(1...10, [1, 4, 9, 16, 25, 36, 49, 64, 81, 100], ylog: true, title: "squares")
        let (epochs, train, test) = ([1, 2, 3], [0.9, 0.5, 0.3], [1.0, 0.7, 0.6])
        lineplot(epochs, [train, test], labels: ["train", "test"], xlabel: "epoch")
        """,
      methodExample: "fig.line(epochs, loss, panel: 0, label: \"train\", dash: \"dashed\")",
      build: { args in try xySeries(args, "x", "y") { try .line(x: $0, y: $1) } })
  }

  static var scatter: PlotKind {
    PlotKind(
      function: "scatter", method: "scatter",
      params: [
        Parameter("x"), Parameter("y"), Parameter("label", default: .nil),
        Parameter("labels", default: .nil), Parameter("color", default: .nil),
        Parameter("marker", default: .string("circle")), Parameter("size", default: .number(6.5)),
        Parameter("opacity", default: .number(0.85)),
      ],
      doc: """
        Unconnected markers at (x, y). Several series (one per class, say) are lists of
        series in both `x` and `y`, or one shared `x`.
        Options: `label`/`labels`, `color`, `marker` ("o", "s", "^", "D", "x", "+"), `size`
        (diameter in pixels), `opacity` (0 to 1).
        """,
      example: """
        scatter(randn([200]), randn([200]), title: "two Gaussians", size: 4)
        """,
      methodExample: "fig.scatter(xs, ys, label: \"class 0\", marker: \"s\")",
      build: { args in try xySeries(args, "x", "y") { try .scatter(x: $0, y: $1) } })
  }

  static var step: PlotKind {
    PlotKind(
      function: "stepplot", method: "step",
      params: [
        Parameter("x"), Parameter("y", default: .nil), Parameter("where", default: .string("post")),
      ]
        + lineStyleParameters,
      doc: """
        A staircase through the points, for values that hold until the next change (ranks
        over training, learning-rate schedules). `where` says where each step happens:
        "post" (the value holds from its x to the next, the default), "pre" or "mid".
        Options: as `lineplot` (`label`/`labels`, `color`, `dash`, `linewidth`).
        """,
      example: """
        stepplot([0, 10, 20, 30], [32, 24, 18, 18], title: "rank", xlabel: "epoch")
        """,
      methodExample: "fig.step(epochs, ranks, panel: 1, label: \"layer 1\")",
      build: { args in
        let text = try args.string("where")
        guard let position = StepPosition(rawValue: text.lowercased()) else {
          throw args.bad("where", expected: "\"post\", \"pre\" or \"mid\"")
        }
        return try xySeries(args, "x", "y") { try .step(x: $0, y: $1, position: position) }
      })
  }
}

/// Series from `x` and `y` (or `x` alone as the y values), each built by `make` and styled.
func xySeries(
  _ args: Arguments, _ xName: String, _ yName: String,
  make: ([Double], [Double]) throws -> Series
) throws -> [Series] {
  let hasY = !(try args.value(yName)).isNil
  let ys = try args.plotSeriesList(hasY ? yName : xName)
  let xs =
    hasY
    ? try args.plotXSeries(xName, count: ys.count) : ys.map { $0.indices.map(Double.init) }
  if hasY { try args.checkLengths(xs, ys, x: xName, y: yName) }
  return try args.styled(try plotting(args.callee) { try zip(xs, ys).map(make) })
}
