// Computes panel layouts: limits (shared if asked), ticks, margins aligned across the grid.

/// The per-figure work of `FigureLayout`: one spec per panel, margins iterated to agree.
struct PanelPlanner {
  let figure: Figure
  let content: Rect
  let measuring: TextMeasuring
  var theme: Theme { figure.theme }

  /// What a panel's axes need to know before pixel sizes are fixed.
  struct AxisSpec {
    var kind: ScaleKind
    var lower: Double
    var upper: Double
    var categories: [String]?
    var integerTicks = false
    var inverted = false
    var showLabels = true
  }

  /// Margins around a data area, measured outward from it.
  struct Margins {
    var top = 0.0
    var left = 0.0
    var bottom = 0.0
    var right = 0.0

    /// Shrinks the margins proportionally so they leave `fraction` of `cell` to the data.
    mutating func limit(toKeep fraction: Double, of cell: Rect) {
      let horizontal = left + right
      let allowedH = cell.width * (1 - fraction)
      if horizontal > allowedH, horizontal > 0 {
        left *= allowedH / horizontal
        right *= allowedH / horizontal
      }
      let vertical = top + bottom
      let allowedV = cell.height * (1 - fraction)
      if vertical > allowedV, vertical > 0 {
        top *= allowedV / vertical
        bottom *= allowedV / vertical
      }
    }
  }

  func cell(_ index: Int) -> Rect {
    let rows = Double(figure.rows)
    let cols = Double(figure.columns)
    let w = (content.width - (cols - 1) * Metrics.panelGap) / cols
    let h = (content.height - (rows - 1) * Metrics.panelGap) / rows
    let r = Double(index / figure.columns)
    let c = Double(index % figure.columns)
    return Rect(
      x: content.x + c * (w + Metrics.panelGap), y: content.y + r * (h + Metrics.panelGap),
      width: max(1, w), height: max(1, h))
  }

  func specs() -> [(x: AxisSpec, y: AxisSpec)] {
    let extents = figure.panels.map { $0.dataExtents() }
    var sharedX = Extent()
    var sharedY = Extent()
    for e in extents {
      sharedX.merge(e.x)
      sharedY.merge(e.y)
    }
    return figure.panels.indices.map { i in
      let axes = figure.panels[i]
      let row = i / figure.columns
      let column = i % figure.columns
      let ex = figure.sharedX ? sharedX : extents[i].x
      let ey = figure.sharedY ? sharedY : extents[i].y
      let (x0, x1) = Axes.limits(
        ex, kind: axes.xscale, fixedLower: axes.xmin, fixedUpper: axes.xmax)
      let (y0, y1) = Axes.limits(
        ey, kind: axes.yscale, fixedLower: axes.ymin, fixedUpper: axes.ymax)
      let categories = axes.barCategories
      let matrix = axes.isMatrixPanel
      var x = AxisSpec(kind: axes.xscale, lower: x0, upper: x1)
      var y = AxisSpec(kind: axes.yscale, lower: y0, upper: y1)
      if !categories.isEmpty { x.categories = categories }
      x.integerTicks = matrix
      y.integerTicks = matrix
      y.inverted = matrix
      x.showLabels =
        !figure.sharedX || row == figure.rows - 1
        || i + figure.columns >= figure.panels.count
      y.showLabels = !figure.sharedY || column == 0
      return (x, y)
    }
  }

  func layouts() -> [PanelLayout] {
    let specs = specs()
    // Start from typical margins, then iterate: margins depend on tick labels, which
    // depend on the data area's size. Three rounds settle in practice.
    var areas = figure.panels.indices.map {
      cell($0).inset(top: 20, left: 50, bottom: 40, right: 12)
    }
    var frames = figure.panels.indices.map(cell)
    for _ in 0..<3 {
      // Titles fit the frames of the round before: their line count sets the top margin.
      let titles = fittedTitles(frames: frames)
      let margins = figure.panels.indices.map { i in
        self.margins(for: i, spec: specs[i], area: areas[i], title: titles[i])
      }
      (frames, areas) = arrange(margins)
    }
    // The final fit also keeps to the room the margins left, should the frames have
    // narrowed in the last round.
    let titles = fittedTitles(frames: frames, areas: areas)
    return figure.panels.indices.map { i in
      var layout = finalLayout(index: i, spec: specs[i], cell: frames[i], area: areas[i])
      if let title = titles[i] {
        layout.title = titleLayout(title, frame: layout.frame, area: layout.plotArea)
      }
      return layout
    }
  }

  /// Places the grid: every column takes the largest left and right margin of its panels,
  /// every row the largest top and bottom margin, and all data areas get the same size,
  /// so shared axes line up and get the same ticks.
  func arrange(_ margins: [Margins]) -> (frames: [Rect], areas: [Rect]) {
    let rows = figure.rows
    let cols = figure.columns
    var left = [Double](repeating: 0, count: cols)
    var right = left
    var top = [Double](repeating: 0, count: rows)
    var bottom = top
    for (i, m) in margins.enumerated() where figure.panels[i].visible {
      let r = i / cols
      let c = i % cols
      left[c] = max(left[c], m.left)
      right[c] = max(right[c], m.right)
      top[r] = max(top[r], m.top)
      bottom[r] = max(bottom[r], m.bottom)
    }
    let gaps = Metrics.panelGap
    let plotWidth = max(
      1,
      (content.width - Double(cols - 1) * gaps - left.reduce(0, +) - right.reduce(0, +))
        / Double(cols))
    let plotHeight = max(
      1,
      (content.height - Double(rows - 1) * gaps - top.reduce(0, +) - bottom.reduce(0, +))
        / Double(rows))
    var columnStart = [content.x]
    for c in 0..<cols { columnStart.append(columnStart[c] + left[c] + plotWidth + right[c] + gaps) }
    var rowStart = [content.y]
    for r in 0..<rows { rowStart.append(rowStart[r] + top[r] + plotHeight + bottom[r] + gaps) }
    var frames: [Rect] = []
    var areas: [Rect] = []
    for i in margins.indices {
      let r = i / cols
      let c = i % cols
      frames.append(
        Rect(
          x: columnStart[c], y: rowStart[r], width: left[c] + plotWidth + right[c],
          height: top[r] + plotHeight + bottom[r]))
      areas.append(
        Rect(
          x: columnStart[c] + left[c], y: rowStart[r] + top[r], width: plotWidth,
          height: plotHeight))
    }
    return (frames, areas)
  }
}
