// Drawing each series kind in a panel's data area.

extension Painter {
  func drawSeries(_ series: Series, index: Int, axes: Axes, panel: PanelLayout) {
    let color = panel.colors[index].withAlpha(panel.colors[index].alpha * series.style.opacity)
    let style = series.style
    let xs = panel.x.scale
    let ys = panel.y.scale
    let area = panel.plotArea
    switch series.data {
    case .line(let x, let y):
      strokeLine(points(x, y, xs, ys), style: style, color: color)
      if let marker = style.marker {
        drawMarkers(points(x, y, xs, ys).compactMap { $0 }, marker, style.markerSize, color)
      }
    case .scatter(let x, let y):
      drawMarkers(
        points(x, y, xs, ys).compactMap { $0 }, style.marker ?? .circle,
        style.markerSize, color)
    case .step(let x, let y, let position):
      let (sx, sy) = stepPoints(x, y, position)
      strokeLine(points(sx, sy, xs, ys), style: style, color: color)
    case .bars(let categories, let values):
      drawBars(categories, values, index: index, axes: axes, panel: panel, color: color)
    case .histogram(let edges, let counts):
      var path = Path()
      let base = ys.pixel(0) ?? area.maxY
      for (i, c) in counts.enumerated() where i + 1 < edges.count && c > 0 {
        guard let l = xs.pixel(edges[i]), let r = xs.pixel(edges[i + 1]) else { continue }
        let top = ys.pixel(c) ?? base
        path.addRect(Rect(x: l, y: min(top, base), width: r - l, height: abs(base - top)))
      }
      canvas.fill(path, color: color)
      // Thin separators in the background colour keep neighbouring bins apart.
      canvas.stroke(path, style: StrokeStyle(color: theme.background, width: 0.6))
    case .band(let x, let lower, let upper, let center):
      drawBand(x, lower, upper, xs, ys, color: color)
      if let center { strokeLine(points(x, center, xs, ys), style: style, color: color) }
    case .errorBars(let x, let y, let below, let above):
      drawErrorBars(x, y, below, above, xs, ys, style: style, color: color)
    case .heatmap(let m), .image(let m):
      drawMatrix(m, series: series, xs: xs, ys: ys)
    case .horizontalLine(let v):
      guard let p = ys.pixel(v) else { return }
      strokeLine(
        [Point(area.minX, p), Point(area.maxX, p)], style: style,
        color: style.color == nil ? theme.foreground.withAlpha(0.7) : color)
    case .verticalLine(let v):
      guard let p = xs.pixel(v) else { return }
      strokeLine(
        [Point(p, area.minY), Point(p, area.maxY)], style: style,
        color: style.color == nil ? theme.foreground.withAlpha(0.7) : color)
    case .text(let string, let x, let y):
      guard let px = xs.pixel(x), let py = ys.pixel(y) else { return }
      let (position, anchor) = style.textPlacement(at: Point(px, py))
      canvas.text(
        string, at: position, font: theme.tickFont, color: color, anchor: anchor, rotation: 0)
    }
  }

  /// Pixel positions of (x, y) pairs; nil where a value cannot be shown (NaN, ≤ 0 on log).
  func points(_ x: [Double], _ y: [Double], _ xs: Scale, _ ys: Scale) -> [Point?] {
    zip(x, y).map { a, b in
      guard let px = xs.pixel(a), let py = ys.pixel(b) else { return nil }
      return Point(px, py)
    }
  }

  /// Strokes a polyline, breaking it wherever a point is missing.
  func strokeLine(_ pts: [Point?], style: SeriesStyle, color: Color) {
    let simplified =
      pts.count > Painter.simplifyThreshold ? Painter.simplify(pts, scale: scale) : pts
    var path = Path()
    path.reserve(simplified.count)
    var pen = false
    for p in simplified {
      guard let p else {
        pen = false
        continue
      }
      if pen { path.line(to: p) } else { path.move(to: p) }
      pen = true
    }
    guard !path.isEmpty else { return }
    canvas.stroke(
      path,
      style: StrokeStyle(
        color: color, width: style.lineWidth, dash: style.dash.lengths(width: style.lineWidth),
        round: true))
  }

  /// The corner points of a staircase.
  func stepPoints(_ x: [Double], _ y: [Double], _ position: StepPosition) -> ([Double], [Double]) {
    let n = min(x.count, y.count)
    guard n > 1 else { return (Array(x.prefix(n)), Array(y.prefix(n))) }
    var sx: [Double] = [x[0]]
    var sy: [Double] = [y[0]]
    for i in 1..<n {
      switch position {
      case .post:
        sx += [x[i], x[i]]
        sy += [y[i - 1], y[i]]
      case .pre:
        sx += [x[i - 1], x[i]]
        sy += [y[i], y[i]]
      case .mid:
        let m = (x[i - 1] + x[i]) / 2
        sx += [m, m, x[i]]
        sy += [y[i - 1], y[i], y[i]]
      }
    }
    return (sx, sy)
  }

  func drawBars(
    _ categories: [String], _ values: [Double], index: Int, axes: Axes, panel: PanelLayout,
    color: Color
  ) {
    let all = axes.barCategories
    let barSeries = axes.series.indices.filter {
      if case .bars = axes.series[$0].data { true } else { false }
    }
    let group = Double(barSeries.count)
    let slot = Double(barSeries.firstIndex(of: index) ?? 0)
    // Groups fill 80% of a category's width, as matplotlib's default bar width does.
    let width = 0.8 / max(1, group)
    let base = panel.y.scale.pixel(0) ?? panel.plotArea.maxY
    var path = Path()
    for (category, value) in zip(categories, values) where value.isFinite {
      guard let c = all.firstIndex(of: category) else { continue }
      let left = Double(c) - 0.4 + slot * width
      guard let l = panel.x.scale.pixel(left), let r = panel.x.scale.pixel(left + width) else {
        continue
      }
      let top = panel.y.scale.pixel(value) ?? base
      path.addRect(Rect(x: l, y: min(top, base), width: r - l, height: abs(base - top)))
    }
    canvas.fill(path, color: color)
  }

  func drawBand(
    _ x: [Double], _ lower: [Double], _ upper: [Double], _ xs: Scale, _ ys: Scale, color: Color
  ) {
    // One polygon per run of points where both edges are drawable.
    var path = Path()
    var run: [(Point, Point)] = []
    func flush() {
      if run.count > 1 {
        path.addPolyline(run.map(\.1))
        for pair in run.reversed() { path.line(to: pair.0) }
        path.close()
      }
      run = []
    }
    for i in x.indices where i < lower.count && i < upper.count {
      guard let px = xs.pixel(x[i]), let lo = ys.pixel(lower[i]), let hi = ys.pixel(upper[i])
      else {
        flush()
        continue
      }
      run.append((Point(px, lo), Point(px, hi)))
    }
    flush()
    canvas.fill(path, color: color.withAlpha(color.alpha * 0.25))
  }

  func drawErrorBars(
    _ x: [Double], _ y: [Double], _ below: [Double], _ above: [Double], _ xs: Scale,
    _ ys: Scale, style: SeriesStyle, color: Color
  ) {
    var bars = Path()
    var centres: [Point] = []
    let cap = 3.0
    for i in x.indices where i < y.count && i < below.count && i < above.count {
      guard let px = xs.pixel(x[i]), let py = ys.pixel(y[i]) else { continue }
      centres.append(Point(px, py))
      let lo = ys.pixel(y[i] - abs(below[i])) ?? ys.start
      let hi = ys.pixel(y[i] + abs(above[i])) ?? py
      bars.move(to: Point(px, lo))
      bars.line(to: Point(px, hi))
      for end in [lo, hi] {
        bars.move(to: Point(px - cap, end))
        bars.line(to: Point(px + cap, end))
      }
    }
    canvas.stroke(bars, style: StrokeStyle(color: color, width: 1.5))
    if let marker = style.marker { drawMarkers(centres, marker, style.markerSize, color) }
  }
}
