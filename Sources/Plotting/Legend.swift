// Legend geometry: entry sizes, and the placement that hides the least data.

/// A laid-out legend: its box and one row per labelled series.
public struct LegendLayout: Sendable, Hashable {
  /// One legend row.
  public struct Entry: Sendable, Hashable {
    /// The series' label.
    public var label: String
    /// Index of the series in its panel.
    public var seriesIndex: Int
    /// Where the symbol (line sample, marker or swatch) is drawn.
    public var symbol: Rect
    /// Left-middle anchor of the label text.
    public var textPosition: Point
  }

  /// The legend box.
  public var rect: Rect
  /// Rows, top to bottom.
  public var entries: [Entry]
  /// Font of the labels.
  public var font: Font
}

extension PanelPlanner {
  /// The labels that appear in the legend, with their series index.
  func legendItems(_ axes: Axes) -> [(Int, String)] {
    axes.series.indices.compactMap { i in
      guard let label = axes.series[i].style.label, !label.isEmpty else { return nil }
      return (i, label)
    }
  }

  /// Proportions of the legend box, in ems of the legend font.
  private var legendPad: Double { 0.55 * theme.tickFont.size }
  private var sampleLength: Double { 2.0 * theme.tickFont.size }
  private var sampleGap: Double { 0.6 * theme.tickFont.size }
  private var rowHeight: Double {
    measuring.measure("Ag", font: theme.tickFont).height + 0.3 * theme.tickFont.size
  }

  /// The size of the legend box, or nil when no series has a label or it is turned off.
  func legendSize(_ axes: Axes) -> Size? {
    let items = legendItems(axes)
    guard axes.legend != .none, !items.isEmpty else { return nil }
    let widest = items.map { measuring.measure($0.1, font: theme.tickFont).width }.max() ?? 0
    return Size(
      2 * legendPad + sampleLength + sampleGap + widest,
      2 * legendPad + Double(items.count) * rowHeight)
  }

  /// The legend of a panel whose data area is final.
  func legend(for axes: Axes, layout: PanelLayout) -> LegendLayout? {
    guard let size = legendSize(axes) else { return nil }
    let area = layout.plotArea
    let inset = Metrics.legendInset
    let rect: Rect
    if axes.legend == .outside {
      let colorbarWidth = layout.colorbar.map { $0.rect.maxX - area.maxX } ?? 0
      rect = Rect(
        x: area.maxX + colorbarWidth + inset, y: area.minY, width: size.width, height: size.height)
    } else {
      let candidates = legendCandidates(area: area, size: size, inset: inset)
      switch axes.legend {
      case .upperLeft: rect = candidates[1]
      case .lowerLeft: rect = candidates[2]
      case .lowerRight: rect = candidates[3]
      case .best: rect = bestLegendRect(candidates, axes: axes, layout: layout)
      default: rect = candidates[0]
      }
    }
    let entries = legendItems(axes).enumerated().map { row, item in
      let top = rect.minY + legendPad + Double(row) * rowHeight
      let symbol = Rect(
        x: rect.minX + legendPad, y: top, width: sampleLength, height: rowHeight)
      return LegendLayout.Entry(
        label: item.1, seriesIndex: item.0, symbol: symbol,
        textPosition: Point(symbol.maxX + sampleGap, top + rowHeight / 2))
    }
    return LegendLayout(rect: rect, entries: entries, font: theme.tickFont)
  }

  /// Positions in matplotlib's order of preference: the four corners, then the edge
  /// centres, then the centre.
  func legendCandidates(area: Rect, size: Size, inset: Double) -> [Rect] {
    let left = area.minX + inset
    let right = area.maxX - inset - size.width
    let midX = area.midX - size.width / 2
    let top = area.minY + inset
    let bottom = area.maxY - inset - size.height
    let midY = area.minY + (area.height - size.height) / 2
    return [
      (right, top), (left, top), (left, bottom), (right, bottom), (right, midY), (left, midY),
      (midX, bottom), (midX, top), (midX, midY),
    ].map { Rect(x: $0.0, y: $0.1, width: size.width, height: size.height) }
  }

  /// The candidate covering the fewest data points and line segments; earlier candidates
  /// win ties.
  func bestLegendRect(_ candidates: [Rect], axes: Axes, layout: PanelLayout) -> Rect {
    let obstacles = LegendObstacles(
      axes: axes, layout: layout, measuring: measuring, font: theme.tickFont)
    var best = candidates[0]
    var bestScore = Int.max
    for rect in candidates {
      let score = obstacles.score(rect)
      if score < bestScore {
        best = rect
        bestScore = score
      }
      if score == 0 { break }
    }
    return best
  }
}
