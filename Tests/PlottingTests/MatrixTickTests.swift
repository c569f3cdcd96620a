// Heatmap and image axes tick whole rows and columns, labelled as integers.
import Plotting
import Testing

@Test(arguments: [2, 4, 7, 30])
func matrixTicksAreWholeNumbers(n: Int) throws {
  var axes = Axes(ylabel: "row")
  axes.add(.heatmap(try Matrix(rows: n, columns: n, values: Array(repeating: 0, count: n * n))))
  let layout = FigureLayout(Figure(axes, width: 420, height: 360), measuring: RecordingCanvas())
  let panel = try #require(layout.panels.first)
  for tick in panel.x.ticks + panel.y.ticks where tick.major {
    #expect(tick.value == tick.value.rounded())
    #expect(tick.label == String(Int(tick.value)), "tick \(tick.value) labelled '\(tick.label)'")
  }
  #expect(panel.y.ticks.contains { $0.major })
}
