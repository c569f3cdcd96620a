// The options every plot shares: panel texts, log axes, limits, legend, size, DPI, theme,
// alt text; and the style options of series.
import Lang
import Plotting
import Testing

@testable import Bindings

@Suite struct PlotOptionTests {
  @Test func panelOptions() throws {
    let f = try figure(
      """
      lineplot([1, 10, 100], [1, 2, 3], title: "t", xlabel: "x", ylabel: "y", xlog: true,
               xlim: [0.5, nil], ylim: [0, 4], legend: "outside", grid: false)
      """)
    let p = f.panels[0]
    #expect(p.title == "t" && p.xlabel == "x" && p.ylabel == "y")
    #expect(p.xscale == .log && p.yscale == .linear)
    #expect(p.xmin == 0.5 && p.xmax == nil && p.ymin == 0 && p.ymax == 4)
    #expect(p.legend == .outside && !p.grid)
  }

  @Test(arguments: [
    ("\"best\"", LegendPosition.best), ("\"upper left\"", .upperLeft),
    ("\"lower_right\"", .lowerRight), ("\"Upper Right\"", .upperRight), ("false", .none),
    ("true", .best),
  ])
  func legendPositions(text: String, position: LegendPosition) throws {
    #expect(try figure("lineplot([1, 2], legend: \(text))").panels[0].legend == position)
  }

  @Test func figureOptions() throws {
    let f = try figure(
      "lineplot([1, 2], width: 300, height: 200, dpi: 192, theme: \"dark\", alt: \"two points\")")
    #expect(f.width == 300 && f.height == 200 && f.scale == 2)
    #expect(f.theme == .dark)
    #expect(f.altText == "two points")
    guard case .image(let image) = FigureObject(f).display() else {
      Issue.record("expected an image")
      return
    }
    // Twice the pixels, shown at the figure's size.
    #expect(image.width == 300 && image.height == 200)
    #expect(image.alt == "two points")
  }

  @Test func cellFigureSizeIsTheDefault() throws {
    let sink = CollectingSink()
    let (interpreter, session) = try Library.makeInterpreter(output: sink)
    session.figureSize = (480, 320)
    let value = try interpreter.run(Source(name: "t.lr", text: "lineplot([1, 2])"))
    let box = try #require(value?.asNative as? FigureObject)
    #expect(box.figure.width == 480 && box.figure.height == 320)
  }

  @Test func seriesStyles() throws {
    let line = try figure(
      "lineplot([1, 2], [[1, 2], [2, 1]], color: [\"red\", \"#112233\"], dash: [\"--\", \"dotted\"], linewidth: 3, marker: \"s\")"
    ).panels[0].series
    #expect(line.map(\.style.color) == [Color(parsing: "red"), Color(hex: 0x112233)])
    #expect(line.map(\.style.dash) == [.dashed, .dotted])
    #expect(line.allSatisfy { $0.style.lineWidth == 3 && $0.style.marker == .square })
    let dots = try figure("scatter([1], [1], marker: \"^\", size: 9, opacity: 0.5)").panels[0]
      .series[0]
    #expect(
      dots.style.marker == .triangle && dots.style.markerSize == 9 && dots.style.opacity == 0.5)
    let rule = try figure("lineplot([1, 2]).hline(1.5, dash: \"solid\", color: \"grey\")").panels[0]
      .series[1]
    #expect(rule.style.dash == .solid && rule.style.color == Color(parsing: "grey"))
  }

  @Test func labelsNameSeriesAndAnyValueIsALabel() throws {
    let s = try figure("lineplot([1, 2], [[1, 2], [2, 1]], labels: [16, \"dense\"])").panels[0]
      .series
    #expect(s.map(\.style.label) == ["16", "dense"])
    #expect(try figure("lineplot([1, 2], label: \"one\")").panels[0].series[0].style.label == "one")
  }
}
