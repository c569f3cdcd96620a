// Layout on the recording canvas: nothing clipped, no overlapping texts, legend placement.
import Foundation
import Plotting
import Testing

/// Draws `figure` on a recording canvas and checks what every readable figure needs:
/// all text inside the figure, no two texts overlapping, ticks inside their axes.
@discardableResult
func checkCleanLayout(
  _ figure: Figure, sourceLocation: SourceLocation = #_sourceLocation
) -> (FigureLayout, RecordingCanvas) {
  let canvas = RecordingCanvas()
  let layout = FigureRenderer.draw(figure, on: canvas)
  let page = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
  let texts = canvas.texts
  for t in texts {
    #expect(
      page.contains(t.bounds), "text '\(t.string)' at \(t.bounds) leaves the figure",
      sourceLocation: sourceLocation)
  }
  for (i, a) in texts.enumerated() {
    for b in texts[(i + 1)...] where quadsOverlap(a.corners, b.corners) {
      Issue.record("texts '\(a.string)' and '\(b.string)' overlap", sourceLocation: sourceLocation)
    }
  }
  for panel in layout.panels {
    #expect(panel.frame.contains(panel.plotArea, tolerance: 0.5), sourceLocation: sourceLocation)
    for tick in panel.x.ticks {
      let p = panel.x.scale.pixel(tick.value) ?? -1
      #expect(
        p >= panel.plotArea.minX - 0.5 && p <= panel.plotArea.maxX + 0.5,
        "x tick \(tick.value) outside the axis", sourceLocation: sourceLocation)
    }
    for tick in panel.y.ticks {
      let p = panel.y.scale.pixel(tick.value) ?? -1
      #expect(
        p >= panel.plotArea.minY - 0.5 && p <= panel.plotArea.maxY + 0.5,
        "y tick \(tick.value) outside the axis", sourceLocation: sourceLocation)
    }
  }
  return (layout, canvas)
}

@Test func sampleFiguresLayOutCleanly() throws {
  for figure in [try Samples.lines(), try Samples.logSpectrum(), try Samples.scatter()] {
    checkCleanLayout(figure)
  }
}

@Test func smallAndLargeFiguresLayOutCleanly() throws {
  for (w, h) in [(320.0, 220.0), (1000, 700), (640, 160), (200, 500)] {
    var figure = try Samples.lines()
    figure.width = w
    figure.height = h
    checkCleanLayout(figure)
  }
}

@Test func ticksAreNiceAndLabelledInOrder() throws {
  let (layout, canvas) = checkCleanLayout(try Samples.lines())
  let panel = try #require(layout.panels.first)
  #expect(panel.x.ticks.map(\.label) == ["0", "2", "4", "6", "8", "10"])
  #expect(panel.y.ticks.map(\.label) == ["0.5", "1.0", "1.5", "2.0"])
  // Tick labels are drawn left to right under the axis, each centred on its tick.
  let xLabels = canvas.texts.filter { t in panel.x.ticks.contains { $0.label == t.string } }
    .filter { $0.position.y > panel.plotArea.maxY }
  #expect(xLabels.map(\.string) == ["0", "2", "4", "6", "8", "10"])
  for label in xLabels {
    let tick = try #require(panel.x.ticks.first { $0.label == label.string })
    #expect(abs((panel.x.scale.pixel(tick.value) ?? 0) - label.bounds.center.x) < 0.01)
  }
}

@Test func crowdedAxesThinTheirTicks() throws {
  var axes = Axes(xlabel: "step")
  axes.add(try .line(x: [0, 123_456_789], y: [0.000_123, 0.000_456]))
  let (layout, _) = checkCleanLayout(Figure(axes, width: 240, height: 180))
  let panel = try #require(layout.panels.first)
  #expect(panel.x.ticks.filter(\.major).count >= 2)
}

@Test func legendSitsInsideWhereItHidesNoData() throws {
  let (layout, _) = checkCleanLayout(try Samples.lines())
  let panel = try #require(layout.panels.first)
  let legend = try #require(panel.legend)
  #expect(panel.plotArea.contains(legend.rect))
  #expect(legend.entries.map(\.label) == ["train", "test"])
  // Both curves fall from the upper left: the upper right corner is free.
  #expect(legend.rect.maxX > panel.plotArea.midX && legend.rect.minY < panel.plotArea.center.y)

  // Curves rising to the upper right push the legend to the upper left.
  var axes = Axes()
  let x = (0...20).map(Double.init)
  axes.add(try .line(x: x, y: x.map { $0 * $0 }, label: "rising"))
  let (rising, _) = checkCleanLayout(Figure(axes))
  let risingPanel = try #require(rising.panels.first)
  let risingLegend = try #require(risingPanel.legend)
  #expect(risingLegend.rect.maxX < risingPanel.plotArea.midX)
  #expect(risingLegend.rect.minY < risingPanel.plotArea.center.y)
}

@Test func unlabelledSeriesHaveNoLegend() throws {
  var axes = Axes()
  axes.add(.line(y: [1, 2, 3]))
  let (layout, _) = checkCleanLayout(Figure(axes))
  #expect(layout.panels.first?.legend == nil)
}

/// Separating-axis test for two convex quadrilaterals (rotated text boxes); touching edges
/// do not count as overlap.
func quadsOverlap(_ a: [Point], _ b: [Point]) -> Bool {
  for quad in [a, b] {
    for i in quad.indices {
      let p = quad[i]
      let q = quad[(i + 1) % quad.count]
      let axis = Point(q.y - p.y, p.x - q.x)
      let pa = a.map { $0.x * axis.x + $0.y * axis.y }
      let pb = b.map { $0.x * axis.x + $0.y * axis.y }
      let slack = 1e-6 * max(1, abs(axis.x) + abs(axis.y))
      if (pa.max() ?? 0) <= (pb.min() ?? 0) + slack || (pb.max() ?? 0) <= (pa.min() ?? 0) + slack {
        return false
      }
    }
  }
  return true
}

@Test func overlapCheckerSeesRotatedBoxes() {
  let square = [Point(0, 0), Point(10, 0), Point(10, 10), Point(0, 10)]
  let shifted = square.map { Point($0.x + 5, $0.y + 5) }
  let apart = square.map { Point($0.x + 10, $0.y) }
  // A diamond whose bounding box overlaps the square's corner region but not the square.
  let diamond = [Point(16, 10), Point(21, 15), Point(16, 20), Point(11, 15)]
  #expect(quadsOverlap(square, shifted))
  #expect(!quadsOverlap(square, apart))
  #expect(!quadsOverlap(square, diamond))
}
