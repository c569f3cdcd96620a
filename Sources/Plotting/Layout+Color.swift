// Colour ranges and colour-bar ticks of heatmaps and images.

extension PanelPlanner {
  /// The value range a matrix series maps onto its colour map.
  func colorRange(_ series: Series) -> (Double, Double) {
    series.colorRange
  }

  func colorbarTicks(_ series: Series, length: Double) -> [Tick] {
    let (lo, hi) = colorRange(series)
    let spec = AxisSpec(kind: .linear, lower: lo, upper: hi)
    let scale = Scale(kind: .linear, lower: lo, upper: hi, start: length, end: 0)
    return fittedTicks(spec, scale: scale, length: length, horizontal: false)
  }
}

/// The value range of a heatmap or image: its style's range, else the finite data range,
/// widened when flat so the map is defined.
extension Series {
  var colorRange: (Double, Double) {
    if let r = style.valueRange, r.lowerBound.isFinite, r.upperBound.isFinite,
      r.upperBound > r.lowerBound
    {
      return (r.lowerBound, r.upperBound)
    }
    var range: (Double, Double)?
    switch data {
    case .heatmap(let m), .image(let m): range = m.finiteRange
    default: break
    }
    guard let (lo, hi) = range else { return (0, 1) }
    return hi > lo ? (lo, hi) : (lo - 0.5, hi + 0.5)
  }
}
