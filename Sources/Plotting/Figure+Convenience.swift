// Ready-made figures for the common cases: one-call line plots and image grids.

extension Figure {
  /// A grid of images with optional titles, e.g. digits or adversarial examples.
  ///
  /// ```swift
  /// let grid = try Figure.imageGrid(digits, titles: labels, columns: 8)
  /// let perturbations = try Figure.imageGrid(deltas, columns: 8, colormap: .diverging,
  ///                                          range: -0.3...0.3)
  /// ```
  /// - Parameters:
  ///   - images: the pictures (all drawn with the same colour map and range).
  ///   - titles: one per image, or empty.
  ///   - columns: images per row (rows follow).
  ///   - cellSize: pixels per grid cell (the figure grows with the grid).
  /// - Throws: `PlotError` when there are no images, too many, or the titles do not match.
  public static func imageGrid(
    _ images: [Matrix], titles: [String] = [], columns: Int = 8, title: String? = nil,
    colormap: Colormap = .greys, range: ClosedRange<Double>? = 0...1, cellSize: Double = 96,
    theme: Theme = .light
  ) throws -> Figure {
    guard !images.isEmpty else { throw PlotError("an image grid needs at least one image") }
    guard images.count <= Figure.maxPanels else {
      throw PlotError("an image grid shows at most \(Figure.maxPanels) images, got \(images.count)")
    }
    guard titles.isEmpty || titles.count == images.count else {
      throw PlotError("\(images.count) images but \(titles.count) titles")
    }
    let cols = max(1, min(columns, images.count))
    let rows = (images.count + cols - 1) / cols
    let titleSpace = titles.isEmpty ? 0.0 : 20
    // Small cells want smaller titles than the theme's 12 pt.
    var gridTheme = theme
    gridTheme.titleFont = .points(10)
    var figure = Figure(
      width: Double(cols) * cellSize + 16,
      height: Double(rows) * (cellSize + titleSpace) + 16
        + (title == nil ? 0 : 24),
      rows: rows, columns: cols, title: title, theme: gridTheme)
    for (i, image) in images.enumerated() {
      figure.panels[i].add(.image(image, colormap: colormap, range: range))
      if !titles.isEmpty { figure.panels[i].title = titles[i] }
    }
    for i in images.count..<figure.panels.count { figure.panels[i].visible = false }
    return figure
  }
}

extension Figure {
  /// A one-panel line plot of one or more series, as bindings such as
  /// `lineplot(xs, ys, title:, ylog: true, labels:)` need.
  ///
  /// ```swift
  /// let figure = try Figure.linePlot(x: epochs, ys: [train, test], labels: ["train", "test"],
  ///                                  title: "loss", xlabel: "epoch", ylog: true)
  /// ```
  /// - Parameters:
  ///   - x: shared x values, or nil for 0, 1, 2, … per series.
  ///   - ys: one array per series.
  ///   - labels: one legend label per series, or empty for no legend.
  /// - Throws: `PlotError` when lengths or label counts do not match.
  public static func linePlot(
    x: [Double]? = nil, ys: [[Double]], labels: [String] = [], title: String? = nil,
    xlabel: String? = nil, ylabel: String? = nil, xlog: Bool = false, ylog: Bool = false,
    markers: Bool = false, width: Double = Figure.defaultSize.width,
    height: Double = Figure.defaultSize.height, theme: Theme = .light
  ) throws -> Figure {
    guard labels.isEmpty || labels.count == ys.count else {
      throw PlotError("\(ys.count) series but \(labels.count) labels")
    }
    var axes = Axes(
      title: title, xlabel: xlabel, ylabel: ylabel, xscale: xlog ? .log : .linear,
      yscale: ylog ? .log : .linear)
    for (i, y) in ys.enumerated() {
      let xs = x ?? y.indices.map(Double.init)
      axes.add(
        try .line(
          x: xs, y: y, label: labels.isEmpty ? nil : labels[i], marker: markers ? .circle : nil))
    }
    return Figure(axes, width: width, height: height, theme: theme)
  }
}
