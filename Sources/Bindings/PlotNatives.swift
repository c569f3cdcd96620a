// Plot natives: lineplot and friends build figures that display as PNG images.
import Lang
import Plotting

func plotNatives(_ session: Session) -> [NativeFunction] {
  [
    NativeFunction(
      name: "lineplot",
      params: [
        Parameter("x"), Parameter("y", default: .nil), Parameter("labels", default: .nil),
        Parameter("title", default: .nil), Parameter("xlabel", default: .nil),
        Parameter("ylabel", default: .nil), Parameter("xlog", default: .bool(false)),
        Parameter("ylog", default: .bool(false)), Parameter("marker", default: .bool(false)),
        Parameter("width", default: .nil), Parameter("height", default: .nil),
      ],
      doc: """
        A line plot of y against x. `y` may be one series (a list or 1-d tensor) or a list of
        series, named by `labels`; with one argument, it is plotted against 0, 1, 2, ….
        Options: `title`, `xlabel`, `ylabel`, `xlog`/`ylog` (logarithmic axes), `marker`
        (dots on the points), `width`/`height` in pixels.

            lineplot(1...10, [1, 4, 9, 16, 25, 36, 49, 64, 81, 100], ylog: true, title: "squares")
        """
    ) { args in
      let hasY = args.isGiven("y")
      let ys = try series(args, hasY ? "y" : "x")
      let x = hasY ? try args.numbers("x") : nil
      if let x {
        for (i, y) in ys.enumerated() where y.count != x.count {
          throw RuntimeError(
            "lineplot: x has \(x.count) values but series \(i + 1) has \(y.count)")
        }
      }
      let labels: [String] =
        args.isGiven("labels")
        ? try args.list("labels").map { $0.description } : []
      let size = try figureSize(args, session)
      let figure = try Figure.linePlot(
        x: x, ys: ys, labels: labels, title: try optionalString(args, "title"),
        xlabel: try optionalString(args, "xlabel"), ylabel: try optionalString(args, "ylabel"),
        xlog: try args.bool("xlog"), ylog: try args.bool("ylog"), markers: try args.bool("marker"),
        width: size.width, height: size.height)
      return .native(FigureObject(figure))
    }
  ]
}

/// One series (numbers) or several (a list of lists/tensors) from argument `name`.
private func series(_ args: Arguments, _ name: String) throws -> [[Double]] {
  let v = try args.value(name)
  if case .list(let items) = v, let first = items.first, first.asNumber == nil {
    return try items.map { item in
      guard let t = try tensorValue(item), t.rank <= 1 else {
        throw args.bad(name, expected: "a list of numbers or a list of series")
      }
      return t.scalars.map(Double.init)
    }
  }
  return [try args.numbers(name)]
}

/// The text of an optional string option (nil when not given).
func optionalString(_ args: Arguments, _ name: String) throws -> String? {
  args.isGiven(name) ? try args.string(name) : nil
}

/// The figure size from `width`/`height`, else the session's default, else 640×420.
func figureSize(_ args: Arguments, _ session: Session) throws -> (width: Double, height: Double) {
  let fallback = session.figureSize ?? (Figure.defaultSize.width, Figure.defaultSize.height)
  let width = args.isGiven("width") ? try args.number("width") : fallback.width
  let height = args.isGiven("height") ? try args.number("height") : fallback.height
  guard (Figure.minSide...Figure.maxSide).contains(width) else {
    throw args.bad("width", expected: "a size in pixels from \(Int(Figure.minSide)) to \(Int(Figure.maxSide))")
  }
  guard (Figure.minSide...Figure.maxSide).contains(height) else {
    throw args.bad("height", expected: "a size in pixels from \(Int(Figure.minSide)) to \(Int(Figure.maxSide))")
  }
  return (width, height)
}
