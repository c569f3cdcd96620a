// Point markers, drawn as one combined path per series for speed.
import Foundation

extension Painter {
  /// Draws `marker` of diameter `size` at every point.
  func drawMarkers(_ points: [Point], _ marker: Marker, _ size: Double, _ color: Color) {
    guard !points.isEmpty else { return }
    var path = Path()
    path.reserve(points.count * 6)
    for p in points { Painter.addMarker(marker, at: p, size: size, to: &path) }
    switch marker {
    case .cross, .plus:
      canvas.stroke(path, style: StrokeStyle(color: color, width: max(1, size / 5)))
    default:
      canvas.fill(path, color: color)
    }
  }

  /// Appends one marker's outline (filled shapes) or strokes (cross, plus) to `path`.
  static func addMarker(_ marker: Marker, at p: Point, size: Double, to path: inout Path) {
    let r = size / 2
    switch marker {
    case .circle:
      path.addCircle(center: p, radius: r)
    case .square:
      // Equal area to the circle, so mixed markers look equally heavy.
      let h = r * 0.886
      path.addRect(Rect(x: p.x - h, y: p.y - h, width: 2 * h, height: 2 * h))
    case .diamond:
      path.move(to: Point(p.x, p.y - r * 1.2))
      path.line(to: Point(p.x + r * 0.9, p.y))
      path.line(to: Point(p.x, p.y + r * 1.2))
      path.line(to: Point(p.x - r * 0.9, p.y))
      path.close()
    case .triangle:
      let t = r * 1.2
      path.move(to: Point(p.x, p.y - t))
      path.line(to: Point(p.x + t * 0.866, p.y + t * 0.5))
      path.line(to: Point(p.x - t * 0.866, p.y + t * 0.5))
      path.close()
    case .cross:
      let d = r * 0.8
      path.move(to: Point(p.x - d, p.y - d))
      path.line(to: Point(p.x + d, p.y + d))
      path.move(to: Point(p.x - d, p.y + d))
      path.line(to: Point(p.x + d, p.y - d))
    case .plus:
      path.move(to: Point(p.x - r, p.y))
      path.line(to: Point(p.x + r, p.y))
      path.move(to: Point(p.x, p.y - r))
      path.line(to: Point(p.x, p.y + r))
    }
  }
}
