// Bad plot arguments give the standard messages, never a crash.
import Lang
import Testing

@testable import Bindings

@Suite struct PlotErrorTests {
  @Test(arguments: [
    ("hist([1, 2], bins: 0)", "bad argument 'bins' to hist (expected a positive integer, got 0)"),
    (
      "lineplot([1, 2, 3], [1, 2])",
      "bad argument 'y' to lineplot (expected 3 values as 'x' has, got 2)"
    ),
    (
      "lineplot([1, 2], [[1, 2], [1]])",
      "bad argument 'y' to lineplot (expected 2 values as 'x' has, got 1 in series 2)"
    ),
    (
      "lineplot([1, 2], [[1, 2]], labels: [\"a\", \"b\"])",
      "bad argument 'labels' to lineplot (expected 1 label, one per series, got a list)"
    ),
    (
      "lineplot([1, 2], [[1, 2], [2, 1]], label: \"a\")",
      "bad argument 'label' to lineplot (expected one series; use labels: [...] for 2 series, got \"a\")"
    ),
    (
      "lineplot([1, \"a\"])",
      "bad argument 'x' to lineplot (expected a list of numbers, a list of series or a tensor, got a list)"
    ),
    (
      "lineplot([1, 2], color: \"reddish\")",
      "bad argument 'color' to lineplot (expected a colour name or \"#rrggbb\", got \"reddish\")"
    ),
    (
      "lineplot([1, 2], dash: \"wavy\")",
      "bad argument 'dash' to lineplot (expected \"solid\", \"dashed\", \"dotted\" or \"dashdot\" (or a list of them), got \"wavy\")"
    ),
    (
      "lineplot([1, 2], theme: \"blue\")",
      "bad argument 'theme' to lineplot (expected \"light\" or \"dark\", got \"blue\")"
    ),
    (
      "lineplot([1, 2], width: 5)",
      "bad argument 'width' to lineplot (expected a size in pixels from 32 to 8192, got 5)"
    ),
    (
      "lineplot([1, 2], dpi: 1000)",
      "bad argument 'dpi' to lineplot (expected a number from 24 to 384, got 1000)"
    ),
    (
      "lineplot([1, 2], xlim: [2, 1])",
      "bad argument 'xlim' to lineplot (expected a lower limit below the upper one, got a list)"
    ),
    (
      "lineplot([1, 2], ylog: true, ylim: [0, 1])",
      "bad argument 'ylim' to lineplot (expected positive limits on a log axis, got a list)"
    ),
    (
      "lineplot([1, 2], legend: \"middle\")",
      "bad argument 'legend' to lineplot (expected \"best\", \"upper right\", \"upper left\", \"lower left\", \"lower right\", \"outside\", true or false, got \"middle\")"
    ),
    (
      "stepplot([1, 2], where: \"after\")",
      "bad argument 'where' to stepplot (expected \"post\", \"pre\" or \"mid\", got \"after\")"
    ),
    (
      "heatmap([[1, 2], [3]])",
      "a ragged list cannot be a tensor (expected 2 items at depth 2, got 1)"
    ),
    (
      "heatmap(ones([2, 2, 2]))",
      "bad argument 'matrix' to heatmap (expected a matrix (a 2-d tensor or a list of rows), got a tensor)"
    ),
    (
      "heatmap(eye(2), cmap: \"jet\")",
      "bad argument 'cmap' to heatmap (expected \"viridis\", \"diverging\", \"greys\" or \"greys_r\", got \"jet\")"
    ),
    (
      "heatmap(eye(2), vmin: 1, vmax: 0)",
      "bad arguments 'vmin' and 'vmax' to heatmap (expected vmin < vmax, got 1 and 0)"
    ),
    ("imshow(ones([10]), shape: [3, 3])", "cannot show 10 values as a 3×3 image"),
    (
      "heatmap(zeros([33, 32]), annotate: true)",
      "bad argument 'annotate' to heatmap (expected false for a matrix over 1024 cells, got true)"
    ),
    (
      "figure().text(1, 1, \"t\", align: \"right\")",
      "bad argument 'align' to figure.text (expected \"left\" or \"center\", got \"right\")"
    ),
    ("band([1, 2], [1, 2])", "band needs 'mean' and 'std' (or 'lower' and 'upper')"),
    ("band([1, 2], lower: [1, 2])", "band needs both 'lower' and 'upper' (or 'mean' and 'std')"),
    (
      "bar([], [])",
      "bad argument 'categories' to bar (expected a non-empty list of names or a range, got a list)"
    ),
    (
      "image_grid(rand([3, 16]))",
      "bad argument 'images' to image_grid (expected a tensor [N, H, W], or [N, H·W] rows with shape: [H, W], got a tensor)"
    ),
    (
      "image_grid([eye(2)], titles: [\"a\", \"b\"])",
      "bad argument 'titles' to image_grid (expected 1 titles, one per image, got a list)"
    ),
    (
      "image_grid(zeros([401, 2, 2]))",
      "bad argument 'images' to image_grid (expected at most 400 images, got a tensor)"
    ),
    ("figure(rows: 0)", "bad argument 'rows' to figure (expected a positive integer, got 0)"),
    (
      "figure(rows: 30, cols: 30)",
      "bad arguments 'rows' and 'cols' to figure (expected at most 400 panels, got 30×30)"
    ),
    (
      "figure(cols: 2).line([1, 2], panel: 2)",
      "bad argument 'panel' to figure.line (expected a panel index from 0 to 1 or [row, col] with row < 1 and col < 2, got 2)"
    ),
    (
      "figure(cols: 2).panel([1, 0], title: \"x\")",
      "bad argument 'index' to figure.panel (expected a panel index from 0 to 1 or [row, col] with row < 1 and col < 2, got a list)"
    ),
    ("figure().text(1, nan(), \"x\")", "undefined variable 'nan'"),
    (
      "figure().hline(1 / 0)",
      "bad argument 'y' to figure.hline (expected a finite number, got inf)"
    ),
    ("savefig(1, \"a.png\")", "bad argument 'fig' to savefig (expected a figure, got 1)"),
    (
      "savefig(figure(), \"a.pdf\")",
      "bad argument 'path' to savefig (expected a file name ending in .png or .svg, got \"a.pdf\")"
    ),
    (
      "plot_history([1, 2])",
      "bad argument 'history' to plot_history (expected a record of lists such as {loss: [...], val_loss: [...]}, got a list)"
    ),
    (
      "plot_history({lr: [1, 2]})",
      "bad argument 'history' to plot_history (expected a history with a 'loss' or 'acc' list, got a record)"
    ),
    (
      "plot_history({loss: \"low\"})",
      "bad argument 'history' to plot_history (expected 'loss' to be a list of numbers, got string)"
    ),
    (
      "lineplot(0..<100000000000)",
      "bad argument 'x' to lineplot (expected a list of numbers, a list of series or a tensor, got a range)"
    ),
  ])
  func message(code: String, expected: String) {
    #expect(failure(code) == expected)
  }

  @Test func noPlotNativeRepeatsAParameter() {
    for native in Library.natives(Session(seed: 0)) {
      let names = native.parameters.map(\.name)
      #expect(Set(names).count == names.count, "\(native.name) repeats a parameter")
    }
    for kind in PlotKind.all {
      let names = kind.params.map(\.name) + ["panel"]
      #expect(Set(names).count == names.count, "figure.\(kind.method) repeats a parameter")
    }
  }
}
