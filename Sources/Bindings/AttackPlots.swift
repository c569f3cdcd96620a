// plot_sweep: accuracy against ε, one panel per attack and one line per model.
import Lang
import Plotting

/// `plot_sweep(table, …)`.
func plotSweepNative(_ session: Session) -> NativeFunction {
  NativeFunction(
    name: "plot_sweep",
    params: [
      Parameter("table"), Parameter("metric", default: .string("accuracy")),
      Parameter("title", default: .nil),
    ] + figureOptionParameters,
    doc: """
      The figure of a robustness sweep: one panel per attack, one line per model, `metric` \
      ("accuracy" by default, or any numeric column such as "loss") against eps. Rows that \
      repeat a (model, attack, eps) — several seeds — are drawn as their mean inside a band \
      of ± one standard deviation. `table` is what `sweep` returns, or any list of records \
      with `model`, `attack`, `eps` and the metric. Options: `title`, `width`, `height`, \
      `dpi`, `theme`, `alt`.

          let rows = [
            {model: "dense", attack: "fgsm", eps: 0, accuracy: 0.9},
            {model: "dense", attack: "fgsm", eps: 0.1, accuracy: 0.5},
            {model: "low-rank", attack: "fgsm", eps: 0, accuracy: 0.88},
            {model: "low-rank", attack: "fgsm", eps: 0.1, accuracy: 0.3},
          ]
          plot_sweep(rows, title: "FGSM")
      """,
    group: "attack"
  ) { args in
    let metric = try args.string("metric")
    let rows = try sweepPoints(args, metric: metric)
    let attacks = unique(rows.map(\.attack))
    let models = unique(rows.map(\.model))
    let theme = try args.plotTheme() ?? .light
    var panels: [Axes] = []
    for attack in attacks {
      var axes = Axes(title: attack, xlabel: "ε", ylabel: metric)
      if metric == "accuracy" { (axes.ymin, axes.ymax) = (0, 1) }
      for (m, model) in models.enumerated() {
        let points = rows.filter { $0.attack == attack && $0.model == model }
        guard !points.isEmpty else { continue }
        let color =
          theme.palette.isEmpty ? theme.foreground : theme.palette[m % theme.palette.count]
        let eps = unique(points.map(\.eps)).sorted()
        let groups = eps.map { e in points.filter { $0.eps == e }.map(\.value) }
        let means = groups.map { $0.reduce(0, +) / Double($0.count) }
        try plotting(args.callee) {
          if groups.contains(where: { $0.count > 1 }) {
            let stds = zip(groups, means).map { g, mean in
              (g.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(Swift.max(g.count - 1, 1)))
                .squareRoot()
            }
            axes.add(try .band(x: eps, mean: means, std: stds, color: color))
          }
          axes.add(try .line(x: eps, y: means, label: model, color: color, marker: .circle))
        }
      }
      panels.append(axes)
    }
    let size = try args.figureSize(
      fallback: session.figureSize.map { Size($0.width, $0.height) } ?? gridSize(1, panels.count))
    var figure = Figure(
      width: size.width, height: size.height, rows: 1, columns: panels.count,
      title: try args.optionalText("title"), theme: theme)
    figure.panels = panels
    figure.sharedY = metric == "accuracy"
    try args.applyFigureOptions(to: &figure)
    return .native(FigureObject(figure))
  }
}

/// One row of a sweep table as `plot_sweep` reads it.
private struct SweepPoint {
  var model: String, attack: String, eps: Double, value: Double
}

/// The rows of the table argument: records with text `model` and `attack`, numeric `eps`
/// and `metric`.
private func sweepPoints(_ args: Arguments, metric: String) throws -> [SweepPoint] {
  let expected =
    "a sweep table: a list of records {model, attack, eps, \(metric)} such as `sweep` returns"
  let items = try args.list("table")
  guard !items.isEmpty, items.count <= Figure.maxPanels * 1000 else {
    throw args.bad("table", expected: expected)
  }
  return try items.map { item in
    guard case .record(let r) = item, let eps = r["eps"]?.asNumber, let value = r[metric]?.asNumber,
      let model = r["model"].flatMap(labelText), let attack = r["attack"].flatMap(labelText)
    else { throw args.bad("table", expected: expected) }
    return SweepPoint(model: model, attack: attack, eps: eps, value: value)
  }
}

/// The distinct values in order of first appearance.
private func unique<T: Hashable>(_ xs: [T]) -> [T] {
  var seen = Set<T>()
  return xs.filter { seen.insert($0).inserted }
}
