// Composable figures: figure() grids, methods that add to panels in place, panel options.
import Lang
import Plotting
import Testing

@testable import Bindings

@Suite struct PlotFigureTests {
  @Test func methodsAddToTheNamedPanelAndReturnTheFigure() throws {
    let f = try figure(
      """
      let fig = figure(rows: 2, cols: 2, title: "views")
      fig.line([1, 2, 3], [3, 2, 1], label: "a")
      fig.scatter([1, 2], [1, 2], panel: 1)
      fig.hist(randn([50]), panel: [1, 0])
      fig.heatmap(eye(3), panel: [1, 1]).hline(0.5, panel: 0).text(1, 2, "peak")
      """)
    #expect(f.title == "views")
    #expect(
      f.panels.map { $0.series.map(\.kindName) } == [
        ["line", "horizontal line", "annotation"], ["scatter"], ["histogram"], ["heatmap"],
      ])
    expectCleanLayout(f)
  }

  @Test func aFigureIsAReferenceThatLaterCodeChanges() throws {
    let (_, value) = try evaluate(
      """
      let fig = figure()
      let same = fig
      fig.line([1, 2], [1, 2])
      fn add_marks(f) { f.vline(1.5) }
      add_marks(same)
      [len(fig.alt) > 0, fig == same]
      """)
    #expect(value?.quotedDescription == "[true, true]")
    let f = try figure(
      "let fig = figure()\nfig.line([1, 2], [1, 2])\nfn add(f) { f.vline(1.5) }\nadd(fig)\nfig")
    #expect(f.panels[0].series.count == 2)
  }

  @Test func panelSetsOptionsAndKeepsTheRest() throws {
    let f = try figure(
      """
      let fig = figure(cols: 2)
      fig.panel(1, title: "robustness", xlabel: "ε", ylog: true, ylim: [0.01, 1], legend: "lower left")
      fig.panel([0, 1], grid: false)
      """)
    let p = f.panels[1]
    #expect(p.title == "robustness" && p.xlabel == "ε")
    #expect(p.yscale == .log && p.ymin == 0.01 && p.ymax == 1)
    #expect(p.legend == .lowerLeft && p.grid == false)
    #expect(f.panels[0].title == nil && f.panels[0].grid)
  }

  @Test func sharedAxesAndGridSize() throws {
    let f = try figure("figure(rows: 2, cols: 3, sharex: true, sharey: true)")
    #expect(f.rows == 2 && f.columns == 3 && f.panels.count == 6)
    #expect(f.sharedX && f.sharedY)
    #expect(f.width > Figure.defaultSize.width && f.height > Figure.defaultSize.height)
    let sized = try figure("figure(cols: 2, width: 500, height: 300)")
    #expect(sized.width == 500 && sized.height == 300)
  }

  @Test func figureFields() throws {
    let v = try evaluate(
      "let fig = figure(rows: 2, cols: 3, title: \"t\")\n[fig.rows, fig.cols, fig.panels, fig.title]"
    ).value
    #expect(v?.quotedDescription == "[2, 3, 6, \"t\"]")
  }

  @Test func oneCallPlotsTakeMethodsToo() throws {
    let f = try figure("lineplot([1, 2, 3]).hline(2, label: \"mid\").vline(1)")
    #expect(f.panels[0].series.map(\.kindName) == ["line", "horizontal line", "vertical line"])
    #expect(f.panels[0].series[1].style.label == "mid")
  }

  @Test func everyKindIsAMethod() throws {
    let f = try figure(
      """
      let fig = figure(rows: 3, cols: 4)
      fig.line([1, 2], [1, 2], panel: 0)
      fig.scatter([1, 2], [1, 2], panel: 1)
      fig.step([1, 2], [1, 2], panel: 2)
      fig.bar(["a", "b"], [1, 2], panel: 3)
      fig.hist([1, 2, 2, 3], panel: 4)
      fig.band([1, 2], [1, 2], [0.1, 0.1], panel: 5)
      fig.errorbar([1, 2], [1, 2], 0.1, panel: 6)
      fig.heatmap(eye(2), panel: 7)
      fig.imshow(eye(2), panel: 8)
      fig.hline(1, panel: 9)
      fig.vline(1, panel: 10)
      fig.text(1, 1, "t", panel: 11)
      """)
    #expect(
      f.panels.map { $0.series.first?.kindName ?? "" } == [
        "line", "scatter", "step", "bar", "histogram", "band", "error bar", "heatmap", "image",
        "horizontal line", "vertical line", "annotation",
      ])
    expectCleanLayout(f)
  }
}
