// Hostile plot calls: odd numbers, empty data, huge sizes. Each gives an error or a figure
// that renders; none crashes.
import Lang
import Testing

@testable import Bindings

@Suite struct PlotRobustnessTests {
  @Test(arguments: [
    "lineplot([])", "lineplot([0 / 0, 0 / 0])", "lineplot([1 / 0, -1 / 0, 1])",
    "lineplot([1, 2], ylog: true)", "lineplot([-1, 0], [-5, 0], xlog: true, ylog: true)",
    "scatter([1e308, -1e308], [1, 2])", "lineplot([1e-300, 1e300], xlog: true)",
    "lineplot([1, 2], xlim: [1e-300, 1e300])", "lineplot([1, 1, 1], [2, 2, 2])",
    "hist([])", "hist([1 / 0, 0 / 0])", "hist([5, 5, 5], bins: 10000)",
    "hist([1, 2], range: [3, 4])", "bar([\"a\"], [0 / 0])", "bar(0..<1, [-1e300])",
    "band([1, 2], [0 / 0, 1], [1, 0 / 0])", "errorbar([1, 2], [1, 2], -1)",
    "heatmap([[0 / 0]])", "heatmap([[1 / 0, 1]])", "imshow(zeros([1, 1]))",
    "imshow(zeros([1, 5000]))", "imshow(zeros([5000, 5000]))",
    "image_grid(zeros([0, 2, 2]))", "image_grid([])", "image_grid(zeros([400, 1, 1]), cols: 1000)",
    "figure(rows: 400)", "figure(rows: 20, cols: 20, width: 8192, height: 8192, dpi: 384)",
    "lineplot([1, 2], width: 8192, height: 8192, dpi: 192)", "lineplot([1, 2], width: 0 / 0)",
    "figure().text(0, 0, \"\")", "figure().line([1], panel: -1)",
    "figure().line([1], panel: 1e300)", "figure().line([1], panel: [0 / 0, 0])",
    "stepplot([1], [2], where: \"pre\")", "lineplot([1, 2], labels: [])",
    "plot_history({loss: [], acc: []})", "plot_history({loss: [0 / 0]}, ylog: true)",
    "lineplot(tensor([[[1]]]))", "heatmap(zeros([0, 3]))", "heatmap([])",
  ])
  func hostileCallEndsWell(code: String) throws {
    do {
      let value = try evaluate(code).value
      guard case .native(let object)? = value, let box = object as? FigureObject else {
        Issue.record("\(code) gave \(value?.typeName ?? "nothing")")
        return
      }
      guard case .image = box.display() else {
        Issue.record("\(code) did not render")
        return
      }
    } catch is RunFailure {
      // A diagnostic is a fine answer to a hostile call.
    }
  }
}
