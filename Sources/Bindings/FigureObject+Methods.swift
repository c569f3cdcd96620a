// Figure methods besides adding series: fig.panel(…) sets panel options, fig.save(…)
// writes a file; savefig's atomic PNG/SVG writer lives here too.
import Foundation
import Lang
import Plotting
import PlottingCairo

extension FigureObject {
  /// `fig.panel(i, title:, xlabel:, ylog: true, …)`.
  var panelMethod: NativeFunction {
    NativeFunction(
      name: "figure.panel", params: [Parameter("index")] + panelOptionParameters,
      doc: """
        Sets options of panel `index` (row-major from 0, or `[row, col]`): `title`,
        `xlabel`, `ylabel`, `xlog`/`ylog`, `xlim`/`ylim`, `legend`, `grid`. Options not
        given stay as they were. Returns the figure.

            fig.panel(1, title: "robustness", xlabel: "ε", ylim: [0, 1])
        """
    ) { [self] args in
      let index = try panelIndex(args, "index")
      try args.applyPanelOptions(to: &figure.panels[index])
      return .native(self)
    }
  }

  /// `fig.save("path.png")`.
  var saveMethod: NativeFunction {
    NativeFunction(
      name: "figure.save", params: [Parameter("path")],
      doc: """
        Writes the figure to `path`, a PNG (with its alt text inside) or an SVG file, chosen
        by the extension. The file is replaced atomically.

            fig.save("robustness.svg")
        """
    ) { [self] args in
      try saveFigure(figure, args)
      return .nil
    }
  }
}

/// Writes `figure` to the `path` argument as PNG or SVG, atomically (temporary file and
/// rename), so a reader never sees half a file.
func saveFigure(_ figure: Figure, _ args: Arguments) throws {
  let path = try args.string("path")
  let lower = path.lowercased()
  let bytes: [UInt8]
  if lower.hasSuffix(".png") {
    bytes = try renderPNG(figure).png
  } else if lower.hasSuffix(".svg") {
    bytes = Array(try renderSVG(figure).utf8)
  } else {
    throw args.bad("path", expected: "a file name ending in .png or .svg")
  }
  do {
    try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
  } catch {
    throw RuntimeError("\(args.callee) could not write '\(path)': \(error.localizedDescription)")
  }
}
