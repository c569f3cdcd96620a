// One-call plots from lr: every kind builds a figure that lays out cleanly and displays as
// a PNG with alt text; data may be lists, ranges or tensors.
import Imaging
import Lang
import Plotting
import Testing

@testable import Bindings

/// One call per one-call plot, with the kind of series it must produce.
let oneCallPlots: [(code: String, kind: String)] = [
  ("lineplot(1...4, [1, 10, 100, 1000], ylog: true, title: \"powers\", xlabel: \"k\")", "line"),
  ("scatter(randn([50]), randn([50]), label: \"points\")", "scatter"),
  ("stepplot([0, 1, 2, 3], [4, 3, 3, 1], where: \"mid\")", "step"),
  ("bar([\"a\", \"b\", \"c\"], [[1, 2, 3], [3, 2, 1]], labels: [\"x\", \"y\"])", "bar"),
  ("hist(randn([300]), bins: 12)", "histogram"),
  ("band(0..<5, [1, 2, 3, 2, 1], [0.1, 0.2, 0.2, 0.2, 0.1])", "band"),
  ("errorbar([1, 2, 3], [0.5, 0.7, 0.9], 0.05)", "error bar"),
  ("heatmap(randn([6, 9]), cmap: \"diverging\")", "heatmap"),
  ("imshow(rand([28, 28]), title: \"noise\")", "image"),
  ("image_grid(rand([6, 16]), shape: [4, 4], titles: [0, 1, 2, 3, 4, 5], cols: 3)", "image"),
  ("plot_history({loss: [1, 0.5, 0.3], val_acc: [0.5, 0.6, 0.7]})", "line"),
]

@Suite struct PlotBindingTests {
  @Test(arguments: oneCallPlots.map(\.code))
  func oneCallPlotDisplaysAsPNG(code: String) throws {
    let kind = try #require(oneCallPlots.first { $0.code == code }?.kind)
    let f = try figure(code)
    #expect(f.panels.flatMap(\.series).contains { $0.kindName == kind })
    expectCleanLayout(f)
    let display = FigureObject(f).display()
    guard case .image(let image) = display else {
      Issue.record("expected an image display, got \(display)")
      return
    }
    let bitmap = try PNG.decode(image.data)
    #expect(bitmap.width == image.width && bitmap.height == image.height)
    #expect(!image.alt.isEmpty)
    #expect(
      try PNG.text(in: image.data).contains { $0.keyword == "Description" && $0.text == image.alt })
  }

  @Test func lineplotOfOneArgumentUsesIndices() throws {
    let f = try figure("lineplot([3, 1, 2])")
    guard case .line(let x, let y)? = f.panels.first?.series.first?.data else {
      Issue.record("expected a line")
      return
    }
    #expect(x == [0, 1, 2])
    #expect(y == [3, 1, 2])
  }

  @Test func dataMayBeListsRangesOrTensors() throws {
    for code in [
      "lineplot([0, 1, 2], [1, 2, 3])", "lineplot(0..<3, tensor([1, 2, 3]))",
      "lineplot(arange(0, 3), [1, 2, 3])", "lineplot(0...2, 1...3)",
    ] {
      guard case .line(let x, let y)? = try figure(code).panels.first?.series.first?.data else {
        Issue.record("\(code) made no line")
        continue
      }
      #expect(x == [0, 1, 2], "\(code)")
      #expect(y == [1, 2, 3], "\(code)")
    }
  }

  @Test func severalSeriesFromListsOrTheRowsOfAMatrix() throws {
    let fromList = try figure("lineplot([1, 2], [[1, 2], [3, 4], [5, 6]])")
    #expect(fromList.panels[0].series.count == 3)
    let fromMatrix = try figure(
      "lineplot([1, 2], tensor([[1, 2], [3, 4]]), labels: [\"a\", \"b\"])")
    #expect(fromMatrix.panels[0].series.map(\.style.label) == ["a", "b"])
    let perSeriesX = try figure("scatter([[0, 1], [5, 6, 7]], [[1, 2], [3, 4, 5]])")
    #expect(perSeriesX.panels[0].series.count == 2)
  }

  @Test func groupedBarsShareCategories() throws {
    let f = try figure("bar(0..<3, [[1, 2, 3], [3, 2, 1]], labels: [\"x\", \"y\"])")
    #expect(f.panels[0].series.count == 2)
    for s in f.panels[0].series {
      guard case .bars(let categories, _) = s.data else {
        Issue.record("expected bars")
        continue
      }
      #expect(categories == ["0", "1", "2"])
    }
  }

  @Test func overlaidHistogramsShareBinsAndDensityHasUnitArea() throws {
    let f = try figure("hist([randn([400]), randn([400]) + 3], bins: 16, density: true)")
    var edges: [[Double]] = []
    for s in f.panels[0].series {
      guard case .histogram(let e, let counts) = s.data else { continue }
      edges.append(e)
      let area = zip(counts, zip(e, e.dropFirst())).map { c, pair in c * (pair.1 - pair.0) }
        .reduce(0, +)
      #expect(abs(area - 1) < 1e-9)
    }
    #expect(edges.count == 2 && edges[0] == edges[1])
  }

  @Test func bandFromLowerAndUpperWithOptionalCentre() throws {
    let f = try figure("band([0, 1, 2], lower: [0, 1, 2], upper: [1, 2, 3], mean: [0.5, 1.5, 2.5])")
    guard case .band(_, let lower, let upper, let center)? = f.panels[0].series.first?.data else {
      Issue.record("expected a band")
      return
    }
    #expect(lower == [0, 1, 2] && upper == [1, 2, 3] && center == [0.5, 1.5, 2.5])
  }

  @Test func imagesTakeTheirColourRangeFromData() throws {
    let unit = try figure("imshow([[0, 0.5], [1, 0.25]])").panels[0].series[0]
    #expect(unit.style.valueRange == 0...1)
    let signed = try figure("imshow([[-0.2, 0.1], [0.05, 0]], cmap: \"diverging\")").panels[0]
      .series[0]
    #expect(signed.style.valueRange == -0.2...0.2)
    let wide = try figure("heatmap([[0, 5], [10, 2]])").panels[0].series[0]
    #expect(wide.style.valueRange == nil)
    let fixed = try figure("heatmap([[0, 5], [10, 2]], vmin: -1, vmax: 20)").panels[0].series[0]
    #expect(fixed.style.valueRange == -1...20)
  }

  @Test func annotatedHeatmapWritesEachCellValueCentred() throws {
    let f = try figure("heatmap([[50, 2], [0.004, -0.001]], annotate: true)")
    let texts = f.panels[0].series.compactMap { s -> (String, Double, Double, Bool)? in
      guard case .text(let t, let x, let y) = s.data else { return nil }
      return (t, x, y, s.style.centered)
    }
    #expect(texts.map(\.0) == ["50", "2", "0.00", "0.00"])
    #expect(texts.map(\.1) == [0, 1, 0, 1] && texts.map(\.2) == [0, 0, 1, 1])
    #expect(texts.allSatisfy { $0.3 })
    // Dark text on the bright (yellow) cell, light text on the dark ones.
    let colors = f.panels[0].series.dropFirst().compactMap(\.style.color)
    #expect(colors[0] != colors[1])
    expectCleanLayout(f)
  }

  @Test func cellTextIsShort() {
    #expect(cellText(3) == "3")
    #expect(cellText(0.12345) == "0.12")
    #expect(cellText(-12.345) == "-12.3")
    #expect(cellText(123.45) == "123")
    #expect(cellText(-0.0001) == "0.00")
    #expect(cellText(.nan) == "nan")
  }

  @Test func textCanBeCentred() throws {
    let s = try figure("lineplot([1, 2]).text(1, 1, \"mid\", align: \"center\")").panels[0].series
    #expect(s.last?.style.centered == true)
    #expect(
      try figure("lineplot([1, 2]).text(1, 1, \"x\")").panels[0].series.last?.style.centered
        == false)
  }

  @Test func imageGridAcceptsListsStacksAndFlatRows() throws {
    for code in [
      "image_grid([eye(3), ones([3, 3]), zeros([3, 3])])",
      "image_grid(rand([3, 4, 5]))",
      "image_grid(rand([3, 1, 4, 5]))",
      "image_grid(rand([3, 20]), shape: [4, 5])",
    ] {
      let f = try figure(code)
      let images = f.panels.filter { $0.visible }.count
      #expect(images == 3, "\(code)")
    }
  }

  @Test func plotsAreFigureValues() throws {
    #expect(try evaluate("type(lineplot([1, 2]))").value?.asString == "figure")
    #expect(
      try evaluate("lineplot([1, 2], title: \"t\").alt").value?.asString?.contains("\"t\"") == true)
    let printed = try evaluate("print(bar([\"a\"], [1]))").printed
    #expect(printed.hasPrefix("<figure: Bar plot."))
  }
}
