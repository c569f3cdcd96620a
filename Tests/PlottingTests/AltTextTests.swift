// Alt text generated from figures: kind, title, axes with scales and ranges, series names.
import Plotting
import Testing

@Test func altTextDescribesALinePlot() throws {
  var axes = Axes(title: "loss", xlabel: "epoch", ylabel: "loss", yscale: .log)
  axes.add(try .line(x: [0, 10], y: [1, 0.001], label: "train"))
  axes.add(try .line(x: [0, 10], y: [1, 0.01], label: "test"))
  axes.xmin = 0
  axes.xmax = 10
  let alt = Figure(axes).altText
  #expect(alt.hasPrefix("Line plot \"loss\"."))
  #expect(alt.contains("x axis \"epoch\" (linear, 0 to 10)"))
  #expect(alt.contains("y axis \"loss\" (log, "))
  #expect(alt.hasSuffix("Series: train, test."))
}

@Test func explicitAltTextWins() throws {
  var figure = try Samples.lines()
  figure.alt = "Loss falls quickly."
  #expect(figure.altText == "Loss falls quickly.")
}

@Test func altTextOfGridsAndImages() throws {
  var grid = Figure(rows: 1, columns: 2, title: "digits")
  let digit = try Matrix(rows: 2, columns: 2, values: [0, 1, 1, 0])
  for i in 0..<2 {
    try grid.add(.image(digit), toPanel: i)
    try grid.updatePanel(i) { $0.title = "label \(i)" }
  }
  #expect(
    grid.altText == "Grid of 2 images in 1 row and 2 columns, \"digits\". Titles: label 0, label 1."
  )

  var mixed = Figure(rows: 2, columns: 1)
  try mixed.add(.line(y: [1, 2]), toPanel: 0)
  try mixed.add(.heatmap(digit), toPanel: 1)
  #expect(
    mixed.altText.hasPrefix("Figure with 2 panels in 2 rows and 1 column. Panel 1: Line plot."))
  #expect(mixed.altText.contains("Panel 2: Heatmap. 2×2 matrix, colour viridis from 0 to 1."))
  #expect(throws: PlotError.self) { try mixed.add(.line(y: [1]), toPanel: 2) }
}

@Test func linePlotBuildsOnePanelFromOptions() throws {
  let figure = try Figure.linePlot(
    x: [1, 2, 3], ys: [[1, 0.1, 0.01], [2, 0.5, 0.2]], labels: ["train", "test"], title: "loss",
    xlabel: "epoch", ylog: true)
  let axes = try #require(figure.panels.first)
  #expect(axes.yscale == .log && axes.xscale == .linear)
  #expect(axes.series.compactMap(\.style.label) == ["train", "test"])
  #expect(figure.altText.hasPrefix("Line plot \"loss\"."))
  #expect(throws: PlotError.self) { try Figure.linePlot(ys: [[1]], labels: ["a", "b"]) }
  #expect(throws: PlotError.self) { try Figure.linePlot(x: [1, 2], ys: [[1]]) }
}
