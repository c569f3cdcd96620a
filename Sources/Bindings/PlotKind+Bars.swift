// Bar charts (grouped when there are several series) and histograms.
import Lang
import Plotting

extension PlotKind {
  static var bar: PlotKind {
    PlotKind(
      function: "bar", method: "bar",
      params: [
        Parameter("categories"), Parameter("values"), Parameter("label", default: .nil),
        Parameter("labels", default: .nil), Parameter("color", default: .nil),
        Parameter("opacity", default: .nil),
      ],
      doc: """
        One bar per category. `categories` are names (strings, or numbers shown as text);
        `values` is one series or several, drawn as groups of bars side by side (several
        `fig.bar` calls on one panel group the same way).
        Options: `label`/`labels`, `color`, `opacity`.
        """,
      example: """
        bar(["clean", "FGSM", "PGD"], [[0.98, 0.61, 0.32], [0.97, 0.83, 0.71]],
            labels: ["dense", "rank 16"], ylabel: "accuracy", ylim: [0, 1])
        """,
      methodExample: "fig.bar([\"clean\", \"FGSM\"], [0.98, 0.61], label: \"dense\")",
      build: { args in
        let categories = try categoryNames(args, "categories")
        let values = try args.plotSeriesList("values")
        try args.checkLengths(
          Array(repeating: categories.map { _ in 0 }, count: values.count), values,
          x: "categories", y: "values")
        return try args.styled(
          try plotting(args.callee) {
            try values.map { try .bars(categories: categories, values: $0) }
          })
      })
  }

  static var hist: PlotKind {
    PlotKind(
      function: "hist", method: "hist",
      params: [
        Parameter("values"), Parameter("bins", default: .number(20)),
        Parameter("range", default: .nil), Parameter("density", default: .bool(false)),
        Parameter("label", default: .nil), Parameter("labels", default: .nil),
        Parameter("color", default: .nil), Parameter("opacity", default: .nil),
      ],
      doc: """
        A histogram: counts of `values` in `bins` equal bins over their range (or `range`,
        a `[lower, upper]` list). Several series share the same bins and overlap,
        half-transparent. `density: true` scales each to unit area, as a probability
        density. NaN and infinite values are left out.
        Options: `label`/`labels`, `color`, `opacity`.
        """,
      example: """
        hist(randn([1000]), bins: 30, title: "N(0, 1)", density: true)
        """,
      methodExample: "fig.hist(weights.flatten(), bins: 50, panel: 2, label: \"layer 1\")",
      build: { args in try histogramSeries(args) })
  }
}

/// Category names from a list (strings, or other values as text) or a range.
func categoryNames(_ args: Arguments, _ name: String) throws -> [String] {
  switch try args.value(name) {
  case .list(let items) where !items.isEmpty:
    return items.map { labelText($0) ?? "nil" }
  case .range(let r) where r.count > 0 && r.count <= maxCategories:
    return (r.lower..<r.end).map(String.init)
  default:
    throw args.bad(name, expected: "a non-empty list of names or a range")
  }
}

/// Most bar categories: more cannot be labelled on any figure.
let maxCategories = 10_000

/// Histogram series over one shared set of bins.
private func histogramSeries(_ args: Arguments) throws -> [Series] {
  let all = try args.plotSeriesList("values")
  let bins = try args.positiveInt("bins")
  guard bins <= Series.maxBins else {
    throw args.bad("bins", expected: "a positive integer up to \(Series.maxBins)")
  }
  var range: ClosedRange<Double>?
  if let (lo, hi) = try args.plotLimits("range") {
    guard let lo, let hi else {
      throw args.bad("range", expected: "a list [lower, upper] of two numbers")
    }
    range = lo...hi
  } else if all.count > 1 {
    // Overlaid histograms must share their bins to be comparable.
    let finite = all.joined().filter(\.isFinite)
    if let lo = finite.min(), let hi = finite.max(), hi > lo { range = lo...hi }
  }
  let density = try args.bool("density")
  var series = try plotting(args.callee) {
    try all.map { try Series.histogram($0, bins: bins, range: range) }
  }
  if density {
    for i in series.indices {
      guard case .histogram(let edges, let counts) = series[i].data else { continue }
      let total = counts.reduce(0, +)
      let width = edges.count > 1 ? edges[1] - edges[0] : 1
      let scale = total > 0 && width > 0 ? 1 / (total * width) : 0
      series[i].data = .histogram(edges: edges, counts: counts.map { $0 * scale })
    }
  }
  if series.count > 1 {
    for i in series.indices { series[i].style.opacity = 0.55 }
  }
  return try args.styled(series)
}
