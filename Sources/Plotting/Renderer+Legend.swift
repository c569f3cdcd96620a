// Drawing a legend box with one symbol and label per labelled series.

extension Painter {
  func drawLegend(_ legend: LegendLayout, axes: Axes, panel: PanelLayout) {
    canvas.fill(.rect(legend.rect), color: theme.legendBackground)
    canvas.stroke(.rect(legend.rect), style: StrokeStyle(color: theme.legendBorder, width: 0.8))
    for entry in legend.entries where axes.series.indices.contains(entry.seriesIndex) {
      let series = axes.series[entry.seriesIndex]
      let base = panel.colors[entry.seriesIndex]
      let color = base.withAlpha(base.alpha * series.style.opacity)
      drawLegendSymbol(series, in: entry.symbol, color: color)
      canvas.text(
        entry.label, at: entry.textPosition, font: legend.font, color: theme.foreground,
        anchor: TextAnchor(.start, .middle), rotation: 0)
    }
  }

  func drawLegendSymbol(_ series: Series, in box: Rect, color: Color) {
    let mid = Point(box.midX, box.minY + box.height / 2)
    let style = series.style
    let swatch = Rect(
      x: box.minX + box.width * 0.15, y: mid.y - box.height * 0.3, width: box.width * 0.7,
      height: box.height * 0.6)
    switch series.data {
    case .line, .step, .horizontalLine, .verticalLine:
      let lineColor =
        style.color == nil && !series.usesPaletteColor ? theme.foreground.withAlpha(0.7) : color
      strokeLine([Point(box.minX, mid.y), Point(box.maxX, mid.y)], style: style, color: lineColor)
      if let marker = style.marker { drawMarkers([mid], marker, style.markerSize, color) }
    case .scatter:
      drawMarkers([mid], style.marker ?? .circle, style.markerSize, color)
    case .errorBars:
      var bar = Path()
      bar.move(to: Point(mid.x, swatch.minY))
      bar.line(to: Point(mid.x, swatch.maxY))
      canvas.stroke(bar, style: StrokeStyle(color: color, width: 1.5))
      if let marker = style.marker { drawMarkers([mid], marker, style.markerSize, color) }
    case .bars, .histogram:
      canvas.fill(.rect(swatch), color: color)
    case .band(_, _, _, let center):
      canvas.fill(.rect(swatch), color: color.withAlpha(color.alpha * 0.25))
      if center != nil {
        strokeLine([Point(box.minX, mid.y), Point(box.maxX, mid.y)], style: style, color: color)
      }
    case .heatmap, .image, .text:
      canvas.fill(.rect(swatch), color: color)
    }
  }
}
