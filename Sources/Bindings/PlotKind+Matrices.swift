// Matrices drawn cell by cell: heatmaps (weights, S) and images (digits, perturbations).
import Lang
import Plotting
import Tensors

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
        var s = Series.heatmap(
          m, colormap: map, range: try colorRange(args, m.values, map: map, unit: false),
          colorbar: try args.bool("colorbar"))
        s.style.label = nil
        return [s]
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

/// The colour map named by `cmap`.
func colormap(_ args: Arguments, fallback: Colormap) throws -> Colormap {
  guard case .string(let name) = try args.value("cmap") else { return fallback }
  guard let map = Colormap.named(name) else {
    throw args.bad("cmap", expected: "\"viridis\", \"diverging\", \"greys\" or \"greys_r\"")
  }
  return map
}

/// The value range mapped onto the colours: `vmin`/`vmax` where given; otherwise symmetric
/// around zero for the diverging map, 0...1 for images whose values all lie there (`unit`),
/// else the data's range (nil lets Plotting use it).
func colorRange(
  _ args: Arguments, _ values: [Double], map: Colormap, unit: Bool
) throws -> ClosedRange<Double>? {
  let finite = values.filter(\.isFinite)
  var lo = finite.min() ?? 0
  var hi = finite.max() ?? 1
  let given = (try args.has("vmin"), try args.has("vmax"))
  if map == .diverging {
    let m = max(abs(lo), abs(hi), 1e-12)
    (lo, hi) = (-m, m)
  } else if unit && lo >= 0 && hi <= 1 {
    (lo, hi) = (0, 1)
  } else if !given.0 && !given.1 {
    return nil
  }
  if given.0 { lo = try args.number("vmin") }
  if given.1 { hi = try args.number("vmax") }
  guard lo.isFinite, hi.isFinite, lo < hi else {
    throw RuntimeError(
      "bad arguments 'vmin' and 'vmax' to \(args.callee) (expected vmin < vmax, got "
        + "\(shortNumber(lo)) and \(shortNumber(hi)))")
  }
  return lo...hi
}

/// The `shape:` hint of an image: `[height, width]`, or nil.
func imageShape(_ args: Arguments) throws -> (Int, Int)? {
  guard try args.has("shape") else { return nil }
  let dims = try args.shape("shape")
  guard dims.count == 2, dims[0] > 0, dims[1] > 0 else {
    throw args.bad("shape", expected: "[height, width] with positive sizes")
  }
  return (dims[0], dims[1])
}

/// A value as a plot matrix: a 2-d tensor or list of rows; a vector is one row unless
/// `shape` says how to fold it; singleton axes of a 3-d tensor ([1, H, W], [H, W, 1]) drop.
func plotMatrix(_ value: Value, shape: (Int, Int)?) throws -> Matrix? {
  if shape == nil, let rows = try listRows(value) {
    return try Matrix(rows)
  }
  guard var t = try tensorValue(value) else { return nil }
  // Checked before converting: a mistaken huge tensor should fail fast, not after copying.
  guard t.count <= Matrix.maxCells else {
    throw PlotError("a tensor of shape \(t.shape) is too large to draw")
  }
  if let (h, w) = shape {
    guard t.count == h * w else {
      throw RuntimeError("cannot show \(t.count) values as a \(h)×\(w) image")
    }
    t = try t.reshaped([h, w])
  }
  let dims = t.shape.filter { $0 != 1 }
  let (rows, columns): (Int, Int)
  switch (t.rank, dims.count) {
  case (0, _): (rows, columns) = (1, 1)
  case (1, _): (rows, columns) = (1, t.count)
  case (_, 0): (rows, columns) = (1, 1)
  case (_, 1) where t.rank == 2: (rows, columns) = (t.shape[0], t.shape[1])
  case (_, 1): (rows, columns) = (1, dims[0])
  case (_, 2): (rows, columns) = (dims[0], dims[1])
  default: return nil
  }
  return try Matrix(rows: rows, columns: columns, values: t.scalars.map(Double.init))
}

/// A list of rows of numbers as Doubles, without a detour through Float32 tensors (so
/// `[[-0.2, 0.1]]` keeps -0.2 exactly); nil for anything else, ragged lists included
/// (the tensor conversion then names the problem).
private func listRows(_ value: Value) throws -> [[Double]]? {
  guard case .list(let items) = value, !items.isEmpty else { return nil }
  var rows: [[Double]] = []
  for item in items {
    guard case .list = item, let row = try numberSeries(item),
      row.count == rows.first?.count ?? row.count
    else { return nil }
    rows.append(row)
  }
  return rows
}

/// Argument `name` as a matrix, with the standard message otherwise.
func matrixArgument(_ args: Arguments, _ name: String, shape: (Int, Int)?) throws -> Matrix {
  guard let m = try plotting(args.callee, { try plotMatrix(try args.value(name), shape: shape) })
  else {
    throw args.bad(name, expected: "a matrix (a 2-d tensor or a list of rows)")
  }
  return m
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
