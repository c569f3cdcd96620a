// Heatmaps, images and colour bars: matrices turned into RGBA rasters via a colour map.

extension Painter {
  func drawMatrix(_ m: Matrix, series: Series, xs: Scale, ys: Scale) {
    guard let raster = Painter.raster(m, series: series),
      let l = xs.pixel(-0.5), let r = xs.pixel(Double(m.columns) - 0.5),
      let t = ys.pixel(-0.5), let b = ys.pixel(Double(m.rows) - 0.5)
    else { return }
    let rect = Rect(x: min(l, r), y: min(t, b), width: abs(r - l), height: abs(b - t))
    canvas.image(raster, in: rect, smooth: false)
  }

  /// The matrix mapped through the series' colour map; NaN cells are transparent.
  static func raster(_ m: Matrix, series: Series) -> RasterImage? {
    let (lo, hi) = series.colorRange
    let table = series.style.colormap.lookupTable()
    let levels = Double(table.count / 4 - 1)
    let span = hi - lo
    var rgba = [UInt8](repeating: 0, count: m.rows * m.columns * 4)
    for (i, v) in m.values.enumerated() where !v.isNaN {
      let ratio = span > 0 ? (v - lo) / span : 0.5
      let t = ratio.isNaN ? 0.5 : ratio
      let k = Int((min(1, max(0, t)) * levels).rounded()) * 4
      rgba[4 * i] = table[k]
      rgba[4 * i + 1] = table[k + 1]
      rgba[4 * i + 2] = table[k + 2]
      rgba[4 * i + 3] = table[k + 3]
    }
    return RasterImage(width: m.columns, height: m.rows, rgba: rgba)
  }

  func drawColorbar(_ bar: ColorbarLayout) {
    // A 1×256 strip, top row the highest value, stretched smoothly over the bar.
    let table = bar.colormap.lookupTable()
    let rows = table.count / 4
    var rgba: [UInt8] = []
    rgba.reserveCapacity(table.count)
    for row in (0..<rows).reversed() { rgba += table[4 * row..<4 * row + 4] }
    if let strip = RasterImage(width: 1, height: rows, rgba: rgba) {
      canvas.image(strip, in: bar.rect, smooth: true)
    }
    let style = StrokeStyle(color: theme.axisColor, width: Painter.axisLineWidth)
    let r = bar.rect
    canvas.stroke(
      .rect(
        Rect(
          x: snap(r.minX), y: snap(r.minY), width: snap(r.maxX) - snap(r.minX),
          height: snap(r.maxY) - snap(r.minY))), style: style)
    var ticks = Path()
    for tick in bar.ticks where tick.major {
      guard let p = bar.scale.pixel(tick.value) else { continue }
      ticks.move(to: Point(snap(r.maxX), snap(p)))
      ticks.line(to: Point(snap(r.maxX) + Metrics.tickLength, snap(p)))
      canvas.text(
        tick.label, at: Point(r.maxX + Metrics.tickLength + Metrics.tickPad, p),
        font: theme.tickFont, color: theme.foreground, anchor: TextAnchor(.start, .middle),
        rotation: 0)
    }
    canvas.stroke(ticks, style: style)
  }
}
