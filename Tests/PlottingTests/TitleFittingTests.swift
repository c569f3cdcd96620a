// Titles wider than their space: smaller, wrapped or cut, never over a neighbour or the edge.
import Foundation
import Testing

@testable import Plotting

/// Fashion-MNIST class names as `adversarial_grid` titles its panels (✗ when wrong).
private let gridTitles = [
  "Ankle boot", "Pullover ✗", "Trouser", "Sandal ✗", "Sneaker ✗", "Shirt", "Coat ✗", "Bag",
  "T-shirt/top", "Dress", "Ankle boot ✗", "Sneaker",
]

/// The figure title `adversarial_grid` gives a PGD attack.
private let attackTitle =
  "GD-L∞ (ε = 0.1, 10 steps of 0.025, random start): clean, adversarial, δ = x′ − x"

private func blank() throws -> Matrix {
  try Matrix(rows: 28, columns: 28, values: Array(repeating: 0.5, count: 28 * 28))
}

/// The texts drawn as panel titles (every line of each), with the panel they belong to.
private func panelTitleTexts(_ layout: FigureLayout, _ canvas: RecordingCanvas)
  -> [(panel: Int, text: RecordingCanvas.RecordedText)]
{
  let drawn = canvas.texts
  return layout.panels.enumerated().flatMap { index, panel in
    (panel.title?.lines ?? []).compactMap { line in
      drawn.first { $0.string == line.text && $0.position == line.position }.map { (index, $0) }
    }
  }
}

/// Panel titles lie inside the figure and their panel's frame, and no two overlap.
@discardableResult
private func expectSeparateTitles(
  _ figure: Figure, sourceLocation: SourceLocation = #_sourceLocation
) -> (FigureLayout, RecordingCanvas) {
  let canvas = RecordingCanvas()
  let layout = FigureRenderer.draw(figure, on: canvas)
  let page = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
  let titles = panelTitleTexts(layout, canvas)
  let expected = layout.panels.map { $0.title?.lines.count ?? 0 }.reduce(0, +)
  #expect(titles.count == expected, sourceLocation: sourceLocation)
  for (panel, t) in titles {
    #expect(
      page.contains(t.bounds), "title '\(t.string)' at \(t.bounds) leaves the figure",
      sourceLocation: sourceLocation)
    #expect(
      layout.panels[panel].frame.contains(t.bounds, tolerance: 1e-9),
      "title '\(t.string)' leaves its panel", sourceLocation: sourceLocation)
  }
  for (i, a) in titles.enumerated() {
    for b in titles[(i + 1)...] where a.text.bounds.intersects(b.text.bounds) {
      Issue.record(
        "titles '\(a.text.string)' and '\(b.text.string)' overlap", sourceLocation: sourceLocation)
    }
  }
  return (layout, canvas)
}

@Test(arguments: [(12, 60.0), (5, 80), (8, 96)])
func gridPanelTitlesStayInTheirPanels(columns: Int, cell: Double) throws {
  let images = try (0..<columns).map { _ in try blank() }
  let figure = try Figure.imageGrid(
    images, titles: Array(gridTitles.prefix(columns)), columns: columns, cellSize: cell)
  let (layout, _) = expectSeparateTitles(figure)
  // One size for every title of the grid, no smaller than the floor.
  let sizes = Set(layout.panels.compactMap { $0.title?.font.size })
  #expect(sizes.count == 1)
  let size = try #require(sizes.first)
  #expect(size >= figure.theme.titleFont.size * TextFitter.floorScale - 1e-9)
  // Every character survives: grid titles are short enough to wrap (at spaces, or after
  // the slash of "T-shirt/top") rather than be cut.
  for (panel, title) in zip(layout.panels, gridTitles) {
    let lines = try #require(panel.title?.lines.map(\.text))
    #expect(lines.joined().filter { $0 != " " } == title.filter { $0 != " " })
    #expect(!lines.contains { $0.hasSuffix("…") })
  }
}

@Test func wrappedPanelTitlesGetTheirRoom() throws {
  let images = try (0..<12).map { _ in try blank() }
  let figure = try Figure.imageGrid(images, titles: gridTitles, columns: 12, cellSize: 60)
  let (layout, canvas) = expectSeparateTitles(figure)
  #expect(layout.panels.contains { ($0.title?.lines.count ?? 0) == 2 })
  // A two-line title stays above its picture and below the figure title.
  for (panel, t) in panelTitleTexts(layout, canvas) {
    #expect(t.bounds.maxY <= layout.panels[panel].plotArea.minY)
    #expect(t.bounds.minY >= layout.panels[panel].frame.minY - 1e-9)
  }
}

@Test func longFigureTitleWrapsInsideTheFigure() throws {
  let images = try (0..<5).map { _ in try blank() }
  let figure = try Figure.imageGrid(
    images, titles: Array(gridTitles.prefix(5)), columns: 5, title: attackTitle,
    cellSize: 80)
  let (layout, canvas) = expectSeparateTitles(figure)
  let title = try #require(layout.title)
  #expect(title.lines.count > 1)
  // Nothing is lost: the lines hold every word, in order.
  #expect(title.lines.map(\.text).joined(separator: " ") == attackTitle)
  let page = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
  let drawn = canvas.texts.filter { t in title.lines.contains { $0.text == t.string } }
  #expect(drawn.count == title.lines.count)
  for t in drawn { #expect(page.contains(t.bounds), "'\(t.string)' at \(t.bounds)") }
  // The panels start below the last line.
  let bottom = drawn.map(\.bounds.maxY).max() ?? 0
  for panel in layout.panels { #expect(panel.frame.minY >= bottom) }
}

@Test func figureTitleWiderThanTheFigureShrinksFirst() throws {
  // Slightly too wide: a smaller font on one line beats two lines.
  let text = "Accuracy under FGSM attack, rank 16 networks"
  var figure = Figure(width: 400, height: 300, title: text)
  try figure.add(.line(y: [1, 2, 3]), toPanel: 0)
  let (layout, _) = checkCleanLayout(figure)
  let title = try #require(layout.title)
  #expect(title.lines.map(\.text) == [text])
  #expect(title.font.size < figure.theme.figureTitleFont.size)
}

@Test func titlesThatFitAreDrawnAsBefore() throws {
  let figure = try Samples.lines()
  let (layout, canvas) = checkCleanLayout(figure)
  let panel = try #require(layout.panels.first)
  let title = try #require(panel.title)
  #expect(title.font == figure.theme.titleFont)
  #expect(title.lines.map(\.text) == ["Training loss"])
  #expect(title.lines.first?.position == Point(panel.plotArea.midX, panel.plotArea.minY - 7))
  #expect(canvas.texts.filter { $0.string == "Training loss" }.count == 1)
}

@Test func hopelessPanelTitlesAreCutWithAnEllipsis() throws {
  let images = try (0..<6).map { _ in try blank() }
  let word = "Supercalifragilisticexpialidocious"
  let figure = try Figure.imageGrid(
    images, titles: Array(repeating: word, count: 6), columns: 6, cellSize: 48)
  let (layout, _) = expectSeparateTitles(figure)
  for panel in layout.panels {
    let lines = try #require(panel.title?.lines.map(\.text))
    #expect(lines.count == 1)
    #expect(lines.last?.hasSuffix("…") == true)
    #expect(word.hasPrefix(String(lines.last?.dropLast() ?? "")))
  }
}

@Test func figureTitleKeepsEveryCharacterOfALongWord() throws {
  var figure = Figure(width: 200, height: 200, title: String(repeating: "δ", count: 60))
  try figure.add(.line(y: [1, 2]), toPanel: 0)
  let (layout, _) = checkCleanLayout(figure)
  let title = try #require(layout.title)
  #expect(title.lines.count > 1)
  #expect(title.lines.map(\.text).joined() == figure.title)
}

@Test func balancedWrappingSplitsNearTheMiddle() {
  let fitter = TextFitter(
    measuring: RecordingCanvas(), font: Font(size: 10), width: 120, maxLines: 2)
  let fitted = fitter.fit("one two three four five six", scale: 1)
  // Filling the first line greedily would give "one two three four" / "five six".
  #expect(fitted?.lines == ["one two three", "four five six"])
}

@Test func panelTitlesInARegularGridDoNotCollide() throws {
  var figure = Figure(width: 480, height: 300, rows: 1, columns: 3)
  for i in 0..<3 {
    try figure.add(.line(y: [1, 3, 2]), toPanel: i)
    figure.panels[i].title = "Validation accuracy of the rank \(8 << i) network"
  }
  expectSeparateTitles(figure)
}
