// The data a legend could hide, in pixels, and how much of it a candidate box covers.

/// Points, segments and boxes of a panel's data in pixel space.
struct LegendObstacles {
  var points: [Point] = []
  var segments: [(Point, Point)] = []
  var boxes: [Rect] = []

  /// At most this many points or segments per series are considered; more add time but
  /// not accuracy, since they are spread along the same curve.
  static let samplesPerSeries = 2000

  init(axes: Axes, layout: PanelLayout, measuring: TextMeasuring, font: Font) {
    let xs = layout.x.scale
    let ys = layout.y.scale
    func pixels(_ x: [Double], _ y: [Double]) -> [Point?] {
      let n = min(x.count, y.count)
      let stride = max(1, n / LegendObstacles.samplesPerSeries)
      return Swift.stride(from: 0, to: n, by: stride).map { i in
        guard let px = xs.pixel(x[i]), let py = ys.pixel(y[i]) else { return nil }
        return Point(px, py)
      }
    }
    func addLine(_ pts: [Point?]) {
      for (a, b) in zip(pts, pts.dropFirst()) {
        if let a, let b { segments.append((a, b)) }
      }
      points += pts.compactMap { $0 }
    }
    for s in axes.series {
      switch s.data {
      case .line(let x, let y), .step(let x, let y, _): addLine(pixels(x, y))
      case .scatter(let x, let y), .errorBars(let x, let y, _, _):
        points += pixels(x, y).compactMap { $0 }
      case .band(let x, let lower, let upper, _):
        addLine(pixels(x, lower))
        addLine(pixels(x, upper))
      case .bars(_, let values):
        let categories = axes.barCategories
        for (i, v) in values.enumerated() where i < categories.count {
          let left = xs.pixelClamped(Double(i) - 0.4)
          let right = xs.pixelClamped(Double(i) + 0.4)
          let top = ys.pixelClamped(v)
          let base = ys.pixelClamped(0)
          boxes.append(
            Rect(x: left, y: min(top, base), width: right - left, height: abs(base - top)))
        }
      case .histogram(let edges, let counts):
        for (i, c) in counts.enumerated() where i + 1 < edges.count && c > 0 {
          let left = xs.pixelClamped(edges[i])
          let right = xs.pixelClamped(edges[i + 1])
          let top = ys.pixelClamped(c)
          let base = ys.pixelClamped(0)
          boxes.append(
            Rect(x: left, y: min(top, base), width: right - left, height: abs(base - top)))
        }
      case .heatmap, .image:
        boxes.append(layout.plotArea)
      case .horizontalLine(let v):
        if let y = ys.pixel(v) {
          segments.append((Point(layout.plotArea.minX, y), Point(layout.plotArea.maxX, y)))
        }
      case .verticalLine(let v):
        if let x = xs.pixel(v) {
          segments.append((Point(x, layout.plotArea.minY), Point(x, layout.plotArea.maxY)))
        }
      case .text(let string, let x, let y):
        // Placed as `Painter.drawSeries` draws it.
        if let px = xs.pixel(x), let py = ys.pixel(y) {
          let (position, anchor) = s.style.textPlacement(at: Point(px, py))
          boxes.append(measuring.measure(string, font: font).bounds(at: position, anchor: anchor))
        }
      }
    }
  }

  /// How much data `rect` would hide: points inside, segments crossing, and boxes
  /// overlapping (weighted, since a bar hidden is worse than a point).
  func score(_ rect: Rect) -> Int {
    var score = 0
    for p in points where rect.contains(p) { score += 1 }
    for (a, b) in segments where segmentIntersects(a, b, rect) { score += 1 }
    for box in boxes where box.intersects(rect) { score += 10 }
    return score
  }

  /// Liang–Barsky: does segment a→b pass through `r`?
  func segmentIntersects(_ a: Point, _ b: Point, _ r: Rect) -> Bool {
    let dx = b.x - a.x
    let dy = b.y - a.y
    var t0 = 0.0
    var t1 = 1.0
    for (p, q) in [
      (-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y),
    ] {
      if p == 0 {
        if q < 0 { return false }
      } else {
        let t = q / p
        if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
        if t0 > t1 { return false }
      }
    }
    return true
  }
}
