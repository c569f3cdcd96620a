// Thinning long polylines to what a pixel grid can show, without changing the picture.

extension Painter {
  /// Lines with more points than this are simplified before stroking.
  static let simplifyThreshold = 2000

  /// Keeps, for every run of consecutive points inside one device-pixel column, only the
  /// first, lowest, highest and last point, in their original order ("M4" aggregation).
  /// The stroke covers the same pixels, while a 10,000-point line over 900 columns shrinks
  /// to at most 3,600 points. Gaps (nil) are kept, so broken lines stay broken.
  static func simplify(_ points: [Point?], scale: Double) -> [Point?] {
    var out: [Point?] = []
    out.reserveCapacity(min(points.count, 4096))
    var bucket: [Point] = []
    var column = Int.min

    func flush() {
      guard let first = bucket.first, let last = bucket.last else { return }
      if bucket.count <= 4 {
        out += bucket.map { Optional($0) }
      } else {
        var low = 0
        var high = 0
        for (i, p) in bucket.enumerated() {
          if p.y < bucket[low].y { low = i }
          if p.y > bucket[high].y { high = i }
        }
        out.append(first)
        for i in [low, high].sorted() where i != 0 && i != bucket.count - 1 {
          out.append(bucket[i])
        }
        out.append(last)
      }
      bucket.removeAll(keepingCapacity: true)
    }

    for point in points {
      guard let p = point else {
        flush()
        out.append(nil)
        column = Int.min
        continue
      }
      // Columns far off-canvas all land in one bucket; the clip hides them anyway.
      let scaled = (p.x * scale).rounded(.down)
      let c = scaled.isFinite ? Int(max(-1e9, min(1e9, scaled))) : 0
      if c != column {
        flush()
        column = c
      }
      bucket.append(p)
    }
    flush()
    return out
  }
}
