// Fitting ticks to an axis: as many as fit without labels touching.

extension PanelPlanner {
  /// The scale of an axis spanning `start...end` pixels.
  func scale(_ spec: AxisSpec, start: Double, end: Double) -> Scale {
    let (a, b) = spec.inverted ? (end, start) : (start, end)
    return Scale(kind: spec.kind, lower: spec.lower, upper: spec.upper, start: a, end: b)
  }

  /// The x axis of a data area: ticks, labels and rotation chosen so labels do not overlap.
  func xAxis(_ spec: AxisSpec, area: Rect) -> AxisLayout {
    let scale = scale(spec, start: area.minX, end: area.maxX)
    if let categories = spec.categories {
      let ticks = categories.enumerated().map { Tick(value: Double($0.offset), label: $0.element) }
        .filter { scale.contains($0.value) }
      // Long category names turn 45° rather than overlap or disappear.
      let rotation = labelsFit(ticks, scale: scale, horizontal: true) ? 0.0 : 45.0
      return AxisLayout(
        scale: scale, ticks: ticks, showLabels: spec.showLabels, labelRotation: rotation)
    }
    let ticks = fittedTicks(spec, scale: scale, length: area.width, horizontal: true)
    return AxisLayout(scale: scale, ticks: ticks, showLabels: spec.showLabels, labelRotation: 0)
  }

  /// The y axis of a data area.
  func yAxis(_ spec: AxisSpec, area: Rect) -> AxisLayout {
    let scale = scale(spec, start: area.maxY, end: area.minY)
    let ticks = fittedTicks(spec, scale: scale, length: area.height, horizontal: false)
    return AxisLayout(scale: scale, ticks: ticks, showLabels: spec.showLabels, labelRotation: 0)
  }

  /// Ticks for `spec`: start from a density suited to the axis length (about one label per
  /// 75 px across, 38 px up) and thin out until labels keep a gap.
  func fittedTicks(_ spec: AxisSpec, scale: Scale, length: Double, horizontal: Bool) -> [Tick] {
    let perTick = horizontal ? 75.0 : 38.0
    var target = max(2, min(TickLocator.maxTicks - 2, Int(length / perTick)))
    while true {
      var ticks =
        spec.kind == .log
        ? TickLocator.log(lower: spec.lower, upper: spec.upper, target: target)
        : TickLocator.linear(lower: spec.lower, upper: spec.upper, target: target)
      if spec.integerTicks {
        // Matrix rows and columns are whole: keep whole ticks, labelled without the
        // decimals a finer step gave them ("1", not "1.0").
        ticks = ticks.filter { $0.value == $0.value.rounded() && abs($0.value) < 1e15 }.map {
          Tick(value: $0.value, label: $0.major ? String(Int($0.value)) : "", major: $0.major)
        }
      }
      ticks = ticks.filter { scale.contains($0.value) }
      if target <= 1 || labelsFit(ticks, scale: scale, horizontal: horizontal) { return ticks }
      target -= 1
    }
  }

  /// True when consecutive labelled ticks leave a gap of at least half an em (across) or a
  /// quarter em (up) between their labels.
  func labelsFit(_ ticks: [Tick], scale: Scale, horizontal: Bool) -> Bool {
    let font = theme.tickFont
    let gap = horizontal ? 0.5 * font.size : 0.25 * font.size
    var spans: [(Double, Double)] = []
    for tick in ticks where tick.major && !tick.label.isEmpty {
      guard let p = scale.pixel(tick.value) else { continue }
      let m = measuring.measure(tick.label, font: font)
      let half = (horizontal ? m.width : m.height) / 2
      spans.append((p - half, p + half))
    }
    spans.sort { $0.0 < $1.0 }
    for (a, b) in zip(spans, spans.dropFirst()) where b.0 - a.1 < gap { return false }
    return true
  }

  /// The bounding box of tick label `label` at `tick` on the x axis of `area`.
  func xLabelBounds(_ label: String, at x: Double, area: Rect, rotation: Double) -> Rect {
    let m = measuring.measure(label, font: theme.tickFont)
    let y = area.maxY + Metrics.tickLength + Metrics.tickPad
    let anchor = rotation == 0 ? TextAnchor(.middle, .top) : TextAnchor(.end, .top)
    return m.bounds(at: Point(x, y), anchor: anchor, rotation: rotation)
  }
}
