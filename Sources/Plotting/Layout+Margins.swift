// Margins around a data area, measured from the texts that go there.

extension PanelPlanner {
  /// The margins panel `index` needs around `area` for its tick labels, axis labels,
  /// title (as fitted to the panel's frame), colour bar and outside legend.
  func margins(
    for index: Int, spec: (x: AxisSpec, y: AxisSpec), area: Rect, title: FittedText?
  ) -> Margins {
    let axes = figure.panels[index]
    let visible = axes.axesVisible
    let tickHeight = measuring.measure("0", font: theme.tickFont).height
    var m = Margins()
    let x = xAxis(spec.x, area: area)
    let y = yAxis(spec.y, area: area)

    if visible {
      m.left = Metrics.tickLength
      m.bottom = Metrics.tickLength
      if y.showLabels {
        let widest =
          y.ticks.filter(\.major).map {
            measuring.measure($0.label, font: theme.tickFont).width
          }.max() ?? 0
        m.left += Metrics.tickPad + widest
        // The top and bottom labels are centred on their ticks and may stick out.
        m.top = tickHeight / 2
      }
      if x.showLabels {
        var below = 0.0
        for tick in x.ticks where tick.major && !tick.label.isEmpty {
          guard let px = x.scale.pixel(tick.value) else { continue }
          let box = xLabelBounds(tick.label, at: px, area: area, rotation: x.labelRotation)
          below = max(below, box.maxY - area.maxY)
          // Labels near the ends may reach past the data area sideways.
          m.left = max(m.left, area.minX - box.minX)
          m.right = max(m.right, box.maxX - area.maxX)
        }
        m.bottom = max(m.bottom, below)
      }
    }
    if let label = axes.xlabel, !label.isEmpty {
      m.bottom += Metrics.labelPad + measuring.measure(label, font: theme.labelFont).height
    }
    if let label = axes.ylabel, !label.isEmpty {
      m.left += Metrics.labelPad + measuring.measure(label, font: theme.labelFont).height
    }
    if let title {
      let lineHeight = measuring.measure(title.lines.first ?? "", font: title.font).height
      m.top = max(m.top, Double(title.lines.count) * lineHeight + Metrics.titlePad)
    }
    if let bar = colorbarSeries(axes) {
      let ticks = colorbarTicks(bar, length: area.height)
      let widest = ticks.map { measuring.measure($0.label, font: theme.tickFont).width }.max() ?? 0
      m.right = max(
        m.right,
        Metrics.colorbarGap + Metrics.colorbarWidth + Metrics.tickLength + Metrics.tickPad + widest)
    }
    if axes.legend == .outside, let size = legendSize(axes) {
      m.right += Metrics.legendInset + size.width
    }
    // A hair of slack so anti-aliased glyph edges stay inside the cell.
    m.left += 1
    m.right += 1
    m.bottom += 1
    m.top += 1
    // However long the labels, the data area keeps a third of the cell: a cramped plot
    // with clipped labels is better than none.
    let cell = area.inset(top: -m.top, left: -m.left, bottom: -m.bottom, right: -m.right)
    m.limit(toKeep: Metrics.minPlotFraction, of: cell)
    return m
  }

  /// The layout of panel `index` once its data area is final.
  func finalLayout(
    index: Int, spec: (x: AxisSpec, y: AxisSpec), cell: Rect, area fullArea: Rect
  ) -> PanelLayout {
    let axes = figure.panels[index]
    var area = fullArea
    if axes.isImageOnly, case .image(let m)? = axes.series.first?.data {
      area = fitAspect(area, width: Double(m.columns), height: Double(m.rows))
    }
    let x = xAxis(spec.x, area: area)
    let y = yAxis(spec.y, area: area)
    var layout = PanelLayout(
      frame: cell, plotArea: area, x: x, y: y, axesVisible: axes.axesVisible,
      colors: seriesColors(axes), colorbar: nil, legend: nil)
    if let bar = colorbarSeries(axes) {
      let rect = Rect(
        x: area.maxX + Metrics.colorbarGap, y: area.minY, width: Metrics.colorbarWidth,
        height: area.height)
      let (lo, hi) = colorRange(bar)
      layout.colorbar = ColorbarLayout(
        rect: rect,
        scale: Scale(kind: .linear, lower: lo, upper: hi, start: rect.maxY, end: rect.minY),
        ticks: colorbarTicks(bar, length: area.height), colormap: bar.style.colormap)
    }
    layout.legend = legend(for: axes, layout: layout)
    return layout
  }

  /// The largest rectangle of aspect `width:height` centred in `rect`.
  func fitAspect(_ rect: Rect, width: Double, height: Double) -> Rect {
    guard width > 0, height > 0, rect.width > 0, rect.height > 0 else { return rect }
    let s = min(rect.width / width, rect.height / height)
    let w = width * s
    let h = height * s
    return Rect(x: rect.midX - w / 2, y: rect.minY + (rect.height - h) / 2, width: w, height: h)
  }

  /// Each series' colour: its own, or the next palette colour.
  func seriesColors(_ axes: Axes) -> [Color] {
    var next = 0
    return axes.series.map { s in
      if let c = s.style.color { return c }
      guard s.usesPaletteColor else { return theme.foreground }
      let palette = theme.palette.isEmpty ? [theme.foreground] : theme.palette
      defer { next += 1 }
      return palette[next % palette.count]
    }
  }

  /// The first heatmap or image asking for a colour bar.
  func colorbarSeries(_ axes: Axes) -> Series? {
    axes.series.first { s in
      switch s.data {
      case .heatmap, .image: s.style.colorbar
      default: false
      }
    }
  }
}
