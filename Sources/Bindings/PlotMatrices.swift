// Matrices and colours from arguments: tensors or lists of rows as plot matrices, colour
// maps and colour ranges.
import Lang
import Plotting
import Tensors

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
