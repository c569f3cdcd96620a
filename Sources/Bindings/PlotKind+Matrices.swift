// Matrices drawn cell by cell: heatmaps (weights, S) and images (digits, perturbations).
import Lang
import Plotting

extension PlotKind {
  static var heatmap: PlotKind {
    PlotKind(
      function: "heatmap", method: "heatmap",
      params: [
        Parameter("matrix"), Parameter("cmap", default: .string("viridis")),
        Parameter("vmin", default: .nil), Parameter("vmax", default: .nil),
        Parameter("colorbar", default: .bool(true)),
      ],
      doc: """
        A matrix drawn cell by cell through a colour map, with row and column indices on the
        axes and a colour bar: weight matrices, the S factor of a low-rank layer, confusion
        matrices. `cmap` is "viridis" (default), "diverging" (blue–white–red, for signed
        values; the range is then symmetric around 0), "greys" or "greys_r"; `vmin`/`vmax`
        fix the colour range.
        """,
      example: """
        heatmap(layer.S, title: "S of layer 1", cmap: "diverging")
        """,
      methodExample: "fig.heatmap(W, panel: 1, cmap: \"diverging\")",
      build: { args in
        let m = try matrixArgument(args, "matrix", shape: nil)
        let map = try colormap(args, fallback: .viridis)
        return [
          Series.heatmap(
            m, colormap: map, range: try colorRange(args, m.values, map: map, unit: false),
            colorbar: try args.bool("colorbar"))
        ]
      },
      preferredSize: matrixFigureSize)
  }

  static var imshow: PlotKind {
    PlotKind(
      function: "imshow", method: "imshow",
      params: [
        Parameter("image"), Parameter("cmap", default: .string("greys")),
        Parameter("vmin", default: .nil), Parameter("vmax", default: .nil),
        Parameter("colorbar", default: .bool(false)), Parameter("shape", default: .nil),
      ],
      doc: """
        A picture from a 2-d tensor or list of rows (a digit, an adversarial example, a
        perturbation), without axes. Grey values in [0, 1] are shown black to white; other
        data use their own range unless `vmin`/`vmax` are given. `cmap: "diverging"` shows
        signed data such as perturbations blue–white–red, symmetric around 0. `shape: [28,
        28]` reshapes a flat vector first.
        Options: `cmap` ("greys", "greys_r", "viridis", "diverging"), `vmin`, `vmax`,
        `colorbar`, `shape`.
        """,
      example: """
        imshow(x_test[0], shape: [28, 28], title: "label 7")
        """,
      methodExample: "fig.imshow(delta, panel: 2, cmap: \"diverging\", colorbar: true)",
      build: { args in
        let shape = try imageShape(args)
        let m = try matrixArgument(args, "image", shape: shape)
        let map = try colormap(args, fallback: .greys)
        return [
          Series.image(
            m, colormap: map, range: try colorRange(args, m.values, map: map, unit: true),
            colorbar: try args.bool("colorbar"))
        ]
      },
      preferredSize: matrixFigureSize)
  }
}

/// A one-call heatmap or image keeps square cells: the figure takes the matrix's aspect,
/// about 360 pixels on its longer side (plus room for a colour bar).
func matrixFigureSize(_ args: Arguments, _ series: [Series], _ fallback: Size) throws -> Size {
  guard let s = series.first else { return fallback }
  let m: Matrix
  switch s.data {
  case .heatmap(let matrix), .image(let matrix): m = matrix
  default: return fallback
  }
  let side = 360.0
  let aspect = Double(m.columns) / Double(m.rows)
  var width = aspect >= 1 ? side : max(120, side * aspect)
  var height = aspect >= 1 ? max(120, side / aspect) : side
  if case .heatmap = s.data {
    width += 50
    height += 30
  }
  if s.style.colorbar { width += 70 }
  if try args.optionalText("title") != nil { height += 30 }
  return Size(min(width + 40, Figure.maxSide), min(height + 30, Figure.maxSide))
}
