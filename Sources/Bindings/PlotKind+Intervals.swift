// Uncertainty: shaded bands (mean ± std, or lower to upper) and error bars.
import Lang
import Plotting

extension PlotKind {
  static var band: PlotKind {
    PlotKind(
      function: "band", method: "band",
      params: [
        Parameter("x"), Parameter("mean", default: .nil), Parameter("std", default: .nil),
        Parameter("lower", default: .nil), Parameter("upper", default: .nil),
      ] + lineStyleParameters,
      doc: """
        A shaded band with its centre line: `mean` ± `std` (e.g. over seeds), or from
        `lower` to `upper` (with `mean` as an optional centre line). Each may be one series
        or several (one band per series).
        Options: as `lineplot` (`label`/`labels`, `color`, `dash`, `linewidth` of the centre
        line).
        """,
      example: """
        let (epochs, mean_acc, std_acc) = ([1, 2, 3], [0.8, 0.86, 0.9], [0.03, 0.02, 0.01])
        band(epochs, mean_acc, std_acc, label: "rank 16 (5 seeds)", ylabel: "accuracy")
        """,
      methodExample: "fig.band(eps, lower: lo, upper: hi, label: \"90% interval\")",
      build: { args in try bandSeries(args) })
  }

  static var errorbar: PlotKind {
    PlotKind(
      function: "errorbar", method: "errorbar",
      params: [
        Parameter("x"), Parameter("y"), Parameter("err"), Parameter("label", default: .nil),
        Parameter("labels", default: .nil), Parameter("color", default: .nil),
        Parameter("marker", default: .string("circle")),
        Parameter("size", default: .nil),
      ],
      doc: """
        Points with vertical error bars y ± err. `err` is one number for every point, one
        series, or, with several `y` series, one series each.
        Options: `label`/`labels`, `color`, `marker` (or false), `size`.
        """,
      example: """
        errorbar([1, 2, 3, 4], [0.9, 0.7, 0.6, 0.3], [0.05, 0.08, 0.04, 0.1], title: "accuracy vs ε")
        """,
      methodExample: "fig.errorbar(ranks, mean_acc, std_acc, label: \"CondLR\")",
      build: { args in
        let ys = try args.plotSeriesList("y")
        let xs = try args.plotXSeries("x", count: ys.count)
        try args.checkLengths(xs, ys, x: "x", y: "y")
        let errs: [[Double]]
        if case .number(let e) = try args.value("err") {
          errs = ys.map { Array(repeating: e, count: $0.count) }
        } else {
          errs = try args.plotXSeries("err", count: ys.count)
          try args.checkLengths(xs, errs, x: "x", y: "err")
        }
        return try args.styled(
          try plotting(args.callee) {
            try ys.indices.map { try .errorBars(x: xs[$0], y: ys[$0], error: errs[$0]) }
          })
      })
  }
}

/// Bands from `mean`/`std` or `lower`/`upper`.
private func bandSeries(_ args: Arguments) throws -> [Series] {
  let hasBounds = try args.has("lower") || args.has("upper")
  let series: [Series]
  if hasBounds {
    guard try args.has("lower"), try args.has("upper"), !(try args.has("std")) else {
      throw RuntimeError("\(args.callee) needs both 'lower' and 'upper' (or 'mean' and 'std')")
    }
    let lower = try args.plotSeriesList("lower")
    let upper = try args.plotSeriesList("upper")
    let xs = try args.plotXSeries("x", count: lower.count)
    try args.checkLengths(xs, lower, x: "x", y: "lower")
    try args.checkLengths(lower, upper, x: "lower", y: "upper")
    let means = try args.has("mean") ? try args.plotSeriesList("mean") : nil
    if let means {
      try args.checkLengths(lower, means, x: "lower", y: "mean")
      guard means.count == lower.count else {
        throw args.bad("mean", expected: "\(lower.count) series, as 'lower' has")
      }
    }
    series = try plotting(args.callee) {
      try lower.indices.map { i in
        var s = try Series.band(x: xs[i], lower: lower[i], upper: upper[i])
        s.data = .band(x: xs[i], lower: lower[i], upper: upper[i], center: means?[i])
        return s
      }
    }
  } else {
    guard try args.has("mean"), try args.has("std") else {
      throw RuntimeError("\(args.callee) needs 'mean' and 'std' (or 'lower' and 'upper')")
    }
    let means = try args.plotSeriesList("mean")
    let stds = try args.plotSeriesList("std")
    guard stds.count == means.count else {
      throw args.bad("std", expected: "\(means.count) series, as 'mean' has")
    }
    let xs = try args.plotXSeries("x", count: means.count)
    try args.checkLengths(xs, means, x: "x", y: "mean")
    try args.checkLengths(xs, stds, x: "x", y: "std")
    series = try plotting(args.callee) {
      try means.indices.map { try Series.band(x: xs[$0], mean: means[$0], std: stds[$0]) }
    }
  }
  return try args.styled(series)
}
