// Data limits of a panel: the range each axis must show, padded like matplotlib.

/// A range in a scale's working space (log10 for log axes), being grown by data.
struct Extent {
  var lower = Double.infinity
  var upper = -Double.infinity
  /// Edges that padding must not cross (a bar's zero baseline, an image's border).
  var sticky: [Double] = []
  /// Whether padding applies (images fill their axes exactly).
  var pad = true

  var isEmpty: Bool { lower > upper }

  mutating func include(_ t: Double?) {
    guard let t, t.isFinite else { return }
    lower = min(lower, t)
    upper = max(upper, t)
  }

  mutating func merge(_ other: Extent) {
    include(other.isEmpty ? nil : other.lower)
    include(other.isEmpty ? nil : other.upper)
    sticky += other.sticky
    pad = pad && other.pad
  }

  /// Padding as a fraction of the span on each side (matplotlib's `axes.xmargin`).
  static let margin = 0.05

  /// The final (lower, upper) in working space: padded, sticky edges respected, never empty.
  func resolved(kind: ScaleKind) -> (Double, Double) {
    guard !isEmpty else { return kind == .log ? (0, 1) : (0, 1) }
    var lo = lower
    var hi = upper
    if hi - lo < 1e-12 * max(1, abs(lo)) {
      // A single value: open a window around it.
      let half = kind == .log ? 0.5 : max(abs(lo) * 0.05, 0.5)
      return (lo - half, hi + half)
    }
    if pad {
      let span = hi - lo
      let paddedLo = lo - span * Extent.margin
      let paddedHi = hi + span * Extent.margin
      lo = sticky.contains { $0 <= lo && $0 > paddedLo } ? lo : paddedLo
      hi = sticky.contains { $0 >= hi && $0 < paddedHi } ? hi : paddedHi
    }
    return (lo, hi)
  }
}

extension Axes {
  /// The data extents of all series on each axis, in working space.
  func dataExtents() -> (x: Extent, y: Extent) {
    let xs = Scale(kind: xscale, lower: 1, upper: 1, start: 0, end: 0)
    let ys = Scale(kind: yscale, lower: 1, upper: 1, start: 0, end: 0)
    var x = Extent()
    var y = Extent()
    let categories = barCategories
    for s in series {
      switch s.data {
      case .line(let px, let py), .scatter(let px, let py), .step(let px, let py, _):
        includePairs(px, py, xs, ys, &x, &y)
      case .bars(_, let values):
        x.include(-0.5)
        x.include(Double(categories.count) - 0.5)
        x.sticky += [-0.5, Double(categories.count) - 0.5]
        y.include(ys.transform(0))
        if let zero = ys.transform(0) { y.sticky.append(zero) }
        values.forEach { y.include(ys.transform($0)) }
      case .histogram(let edges, let counts):
        edges.forEach { x.include(xs.transform($0)) }
        y.include(ys.transform(0))
        if let zero = ys.transform(0) { y.sticky.append(zero) }
        counts.forEach { y.include(ys.transform($0)) }
      case .band(let px, let lower, let upper, _):
        includePairs(px, lower, xs, ys, &x, &y)
        includePairs(px, upper, xs, ys, &x, &y)
      case .errorBars(let px, let py, let below, let above):
        for i in px.indices where i < py.count && i < below.count && i < above.count {
          guard px[i].isFinite, py[i].isFinite else { continue }
          x.include(xs.transform(px[i]))
          y.include(ys.transform(py[i] - abs(below[i])))
          y.include(ys.transform(py[i] + abs(above[i])))
          y.include(ys.transform(py[i]))
        }
      case .heatmap(let m), .image(let m):
        var mx = Extent()
        mx.include(-0.5)
        mx.include(Double(m.columns) - 0.5)
        mx.pad = false
        var my = Extent()
        my.include(-0.5)
        my.include(Double(m.rows) - 0.5)
        my.pad = false
        x.merge(mx)
        y.merge(my)
      case .horizontalLine(let v): y.include(ys.transform(v))
      case .verticalLine(let v): x.include(xs.transform(v))
      case .text: break
      }
    }
    return (x, y)
  }

  private func includePairs(
    _ px: [Double], _ py: [Double], _ xs: Scale, _ ys: Scale, _ x: inout Extent,
    _ y: inout Extent
  ) {
    for (a, b) in zip(px, py) {
      // A point counts only when both coordinates can be shown.
      guard let tx = xs.transform(a), let ty = ys.transform(b) else { continue }
      x.include(tx)
      y.include(ty)
    }
  }

  /// Final data limits (lower, upper) in data units, with user limits applied.
  static func limits(
    _ extent: Extent, kind: ScaleKind, fixedLower: Double?, fixedUpper: Double?
  ) -> (Double, Double) {
    let scale = Scale(kind: kind, lower: 1, upper: 1, start: 0, end: 0)
    var (lo, hi) = extent.resolved(kind: kind)
    if let v = fixedLower, let t = scale.transform(v) { lo = t }
    if let v = fixedUpper, let t = scale.transform(v) { hi = t }
    if hi == lo {
      lo -= 0.5
      hi += 0.5
    }
    if hi < lo { swap(&lo, &hi) }
    return (scale.untransform(lo), scale.untransform(hi))
  }
}
