// image_grid: many small pictures with titles (digits, adversarial examples, perturbations).
import Lang
import Plotting
import Tensors

/// `image_grid(images, titles:, cols:, cmap:, …)`.
func imageGridNative(_ session: Session) -> NativeFunction {
  NativeFunction(
    name: "image_grid",
    params: [
      Parameter("images"), Parameter("titles", default: .nil),
      Parameter("cols", default: .number(8)),
      Parameter("cmap", default: .string("greys")), Parameter("vmin", default: .nil),
      Parameter("vmax", default: .nil), Parameter("shape", default: .nil),
      Parameter("title", default: .nil), Parameter("cell", default: .number(96)),
      Parameter("dpi", default: .nil), Parameter("theme", default: .nil),
      Parameter("alt", default: .nil),
    ],
    doc: """
      A grid of pictures, `cols` per row, each with an optional title (labels, predictions).
      `images` is a list of images (2-d tensors or lists of rows), a 3-d tensor [N, H, W],
      or the rows of a 2-d tensor [N, H·W] with `shape: [H, W]` (MNIST-style data). All
      images share one colour range: [0, 1] for grey values in it, else their joint range;
      `cmap: "diverging"` shows perturbations blue–white–red, symmetric around 0.
      Options: `titles` (one per image), `cols`, `cmap`, `vmin`/`vmax`, `shape`, `title`
      (above the grid), `cell` (pixels per image, 16 to 512), `dpi`, `theme`, `alt`.

          let x = rand([16, 784])
          image_grid(x, shape: [28, 28], titles: range(16), cols: 8)
          image_grid(x - rand([16, 784]), shape: [28, 28], cmap: "diverging", title: "differences")
      """
  ) { args in
    let shape = try imageShape(args)
    let images = try gridImages(args, shape: shape)
    guard images.count <= Figure.maxPanels else {
      throw args.bad("images", expected: "at most \(Figure.maxPanels) images")
    }
    var titles: [String] = []
    if try args.has("titles") {
      let items = try args.list("titles")
      guard items.count == images.count else {
        throw args.bad("titles", expected: "\(images.count) titles, one per image")
      }
      titles = items.map { labelText($0) ?? "" }
    }
    let map = try colormap(args, fallback: .greys)
    let all = images.flatMap(\.values)
    var range = try colorRange(args, all, map: map, unit: true)
    if range == nil {
      let finite = all.filter(\.isFinite)
      if let lo = finite.min(), let hi = finite.max(), hi > lo { range = lo...hi }
    }
    var figure = try plotting(args.callee) {
      try Figure.imageGrid(
        images, titles: titles, columns: try args.positiveInt("cols"),
        title: try args.optionalText("title"), colormap: map, range: range,
        cellSize: try args.number("cell", in: 16...512), theme: try args.plotTheme() ?? .light)
    }
    if args.isGiven("dpi"), !(try args.value("dpi")).isNil {
      figure.scale = try args.number("dpi", in: dpiRange) / 96
    }
    if let alt = try args.optionalText("alt") { figure.alt = alt }
    try args.checkPixelCount(figure)
    return .native(FigureObject(figure))
  }
}

/// The images of `images`: a list of matrices, a tensor [N, H, W] (singleton axes
/// dropped), or a tensor [N, H·W] whose rows fold to `shape`.
private func gridImages(_ args: Arguments, shape: (Int, Int)?) throws -> [Matrix] {
  let value = try args.value("images")
  if case .list(let items) = value, !items.isEmpty {
    return try items.enumerated().map { i, item in
      guard let m = try plotting(args.callee, { try plotMatrix(item, shape: shape) }) else {
        throw args.bad(
          "images",
          expected: "a list of images (2-d tensors or lists of rows); item \(i + 1) is not one")
      }
      return m
    }
  }
  guard case .native(let object) = value, let t = (object as? TensorObject)?.tensor,
    let n = t.shape.first, t.rank >= 2, n > 0
  else {
    throw args.bad("images", expected: "a list of images or a tensor [N, H, W]")
  }
  guard n <= Figure.maxPanels else {
    throw args.bad("images", expected: "at most \(Figure.maxPanels) images")
  }
  if t.rank == 2 && shape == nil {
    throw args.bad("images", expected: "a tensor [N, H, W], or [N, H·W] rows with shape: [H, W]")
  }
  return try (0..<n).map { i in
    guard
      let m = try plotting(
        args.callee, { try plotMatrix(.native(TensorObject(try t.select(i))), shape: shape) })
    else {
      throw args.bad("images", expected: "a tensor [N, H, W] (got shape \(t.shape))")
    }
    return m
  }
}
