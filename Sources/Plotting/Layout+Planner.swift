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
      let (x0, x1) = Axes.limits(ex, kind: axes.xscale, fixedLower: axes.xmin, fixedUpper: axes.xmax)
      let (y0, y1) = Axes.limits(ey, kind: axes.yscale, fixedLower: axes.ymin, fixedUpper: axes.ymax)
      let categories = axes.barCategories
      let matrix = axes.isMatrixPanel
      var x = AxisSpec(kind: axes.xscale, lower: x0, upper: x1)
      var y = AxisSpec(kind: axes.yscale, lower: y0, upper: y1)
      if !categories.isEmpty { x.categories = categories }
      x.integerTicks = matrix
      y.integerTicks = matrix
      y.inverted = matrix
      x.showLabels = !figure.sharedX || row == figure.rows - 1
        || i + figure.columns >= figure.panels.count
      y.showLabels = !figure.sharedY || column == 0
      return (x, y)
    }
  }

  func layouts() -> [PanelLayout] {
    let specs = specs()
    let cells = figure.panels.indices.map(cell)
    // Start from typical margins, then iterate: margins depend on tick labels, which
    // depend on the data area's size. Three rounds settle in practice.
    var areas = cells.map { $0.inset(top: 20, left: 50, bottom: 40, right: 12) }
    for _ in 0..<3 {
      let margins = figure.panels.indices.map { i in
        self.margins(for: i, spec: specs[i], area: areas[i])
      }
      let aligned = align(margins)
      areas = cells.indices.map { i in
        let m = aligned[i]
        let area = cells[i].inset(top: m.top, left: m.left, bottom: m.bottom, right: m.right)
        return Rect(x: area.x, y: area.y, width: max(1, area.width), height: max(1, area.height))
      }
    }
    return figure.panels.indices.map { i in
      finalLayout(index: i, spec: specs[i], cell: cells[i], area: areas[i])
    }
  }

  /// Takes the largest margin per grid column (left, right) and row (top, bottom), so the
  /// data areas of a grid line up.
  func align(_ margins: [Margins]) -> [Margins] {
    var out = margins
    for i in margins.indices {
      let row = i / figure.columns
      let column = i % figure.columns
      let sameRow = margins.indices.filter { $0 / figure.columns == row }
      let sameColumn = margins.indices.filter { $0 % figure.columns == column }
      out[i].top = sameRow.map { margins[$0].top }.max() ?? margins[i].top
      out[i].bottom = sameRow.map { margins[$0].bottom }.max() ?? margins[i].bottom
      out[i].left = sameColumn.map { margins[$0].left }.max() ?? margins[i].left
      out[i].right = sameColumn.map { margins[$0].right }.max() ?? margins[i].right
    }
    return out
  }
}
