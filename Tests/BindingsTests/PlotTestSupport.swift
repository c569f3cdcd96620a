// Helpers for plot binding tests: run lr code to a figure, check its layout is clean.
import Lang
import Plotting
import Testing

@testable import Bindings

/// The figure that `code` evaluates to.
func figure(
  _ code: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Figure {
  let value = try evaluate(code).value
  guard case .native(let object)? = value, let box = object as? FigureObject else {
    Issue.record(
      "expected a figure, got \(value?.typeName ?? "nothing")", sourceLocation: sourceLocation)
    throw PlotError("not a figure")
  }
  return box.figure
}

/// Lays `figure` out on a recording canvas and records an issue for any text that leaves
/// the figure or overlaps another text, and any tick outside its axis.
func expectCleanLayout(_ figure: Figure, sourceLocation: Testing.SourceLocation = #_sourceLocation)
{
  let canvas = RecordingCanvas()
  let layout = FigureRenderer.draw(figure, on: canvas)
  let page = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
  let texts = canvas.texts
  for t in texts where !page.contains(t.bounds) {
    Issue.record(
      "text '\(t.string)' at \(t.bounds) leaves the figure", sourceLocation: sourceLocation)
  }
  for (i, a) in texts.enumerated() {
    for b in texts[(i + 1)...] where convexOverlap(a.corners, b.corners) {
      Issue.record("texts '\(a.string)' and '\(b.string)' overlap", sourceLocation: sourceLocation)
    }
  }
  for panel in layout.panels {
    for tick in panel.x.ticks {
      let p = panel.x.scale.pixel(tick.value) ?? -1
      #expect(
        p >= panel.plotArea.minX - 0.5 && p <= panel.plotArea.maxX + 0.5,
        "x tick \(tick.value) outside its axis", sourceLocation: sourceLocation)
    }
    for tick in panel.y.ticks {
      let p = panel.y.scale.pixel(tick.value) ?? -1
      #expect(
        p >= panel.plotArea.minY - 0.5 && p <= panel.plotArea.maxY + 0.5,
        "y tick \(tick.value) outside its axis", sourceLocation: sourceLocation)
    }
  }
}

/// Whether two convex quadrilaterals (rotated text boxes) overlap by more than a hairline:
/// true unless some edge direction separates them (the separating-axis test).
func convexOverlap(_ a: [Point], _ b: [Point]) -> Bool {
  for quad in [a, b] {
    for i in quad.indices {
      let p = quad[i]
      let q = quad[(i + 1) % quad.count]
      let length = max(1e-9, ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot())
      let axis = Point((q.y - p.y) / length, (p.x - q.x) / length)
      let pa = a.map { $0.x * axis.x + $0.y * axis.y }
      let pb = b.map { $0.x * axis.x + $0.y * axis.y }
      let tolerance = 0.5
      if (pa.max() ?? 0) <= (pb.min() ?? 0) + tolerance
        || (pb.max() ?? 0) <= (pa.min() ?? 0) + tolerance
      {
        return false
      }
    }
  }
  return true
}
