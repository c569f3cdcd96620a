// Matrices drawn cell by cell: heatmaps (weights, S) and images (digits, perturbations).
import Foundation
import Lang
import Plotting

extension PlotKind {
  static var heatmap: PlotKind {
    PlotKind(
      function: "heatmap", method: "heatmap",
      params: [
        Parameter("matrix"), Parameter("cmap", default: .string("viridis")),
        Parameter("vmin", default: .nil), Parameter("vmax", default: .nil),
        Parameter("colorbar", default: .bool(true)), Parameter("annotate", default: .bool(false)),
      ],
      doc: """
        A matrix drawn cell by cell through a colour map, with row and column indices on the
        axes and a colour bar: weight matrices, the S factor of a low-rank layer, confusion
        matrices. `cmap` is "viridis" (default), "diverging" (blue–white–red, for signed
        values; the range is then symmetric around 0), "greys" or "greys_r"; `vmin`/`vmax`
        fix the colour range; `annotate: true` writes each cell's value in it (up to
        \(maxAnnotatedCells) cells).
        """,
      example: """
        heatmap(randn([8, 8]), title: "S of layer 1", cmap: "diverging")
        """,
      methodExample: "fig.heatmap(W, panel: 1, cmap: \"diverging\")",
      build: { args in
        let m = try matrixArgument(args, "matrix", shape: nil)
        let map = try colormap(args, fallback: .viridis)
        let heatmap = Series.heatmap(
          m, colormap: map, range: try colorRange(args, m.values, map: map, unit: false),
          colorbar: try args.bool("colorbar"))
        guard try args.bool("annotate") else { return [heatmap] }
        guard m.values.count <= maxAnnotatedCells else {
          throw args.bad(
            "annotate", expected: "false for a matrix over \(maxAnnotatedCells) cells")
        }
        return [heatmap] + cellValues(m, heatmap.style)
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
        imshow(rand([784]), shape: [28, 28], title: "label 7")
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

/// Most cells `annotate: true` writes values into: beyond a 32×32 matrix the numbers no
/// longer fit their cells.
let maxAnnotatedCells = 1024

/// Text annotations with each cell's value, centred in the cell, dark on light colours and
/// light on dark ones.
private func cellValues(_ m: Matrix, _ style: SeriesStyle) -> [Series] {
  let finite = m.values.filter(\.isFinite)
  let lo = style.valueRange?.lowerBound ?? finite.min() ?? 0
  let hi = style.valueRange?.upperBound ?? finite.max() ?? 1
  return m.values.enumerated().map { k, v in
    let (row, column) = k.quotientAndRemainder(dividingBy: m.columns)
    let c = style.colormap.color(at: hi > lo ? (v - lo) / (hi - lo) : 0.5)
    let luminance = 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue
    var s = Series.text(
      cellText(v), x: Double(column), y: Double(row),
      color: luminance > 0.45 ? Color(hex: 0x1A1A1A) : .white)
    s.style.centered = true
    return s
  }
}

/// A cell value in at most four or five characters: whole numbers as they are, others
/// with two significant decimals.
func cellText(_ v: Double) -> String {
  guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
  if let n = wholeNumber(v), abs(n) < 100_000 { return String(n) }
  let magnitude = abs(v)
  let digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
  let text = String(format: "%.\(digits)f", v)
  // A tiny negative value rounds to "-0.00": show it as the zero it reads as.
  return text.allSatisfy { "-0.".contains($0) }
    ? String(text.dropFirst(text.hasPrefix("-") ? 1 : 0)) : text
}
