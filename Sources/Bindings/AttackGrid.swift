// adversarial_grid: clean inputs, their adversarial versions and the perturbations, as images.
import Attacks
import Lang
import NeuralNets
import Plotting
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

/// The most examples one grid shows: a row of 16 cells is already wider than a page.
private let maxGridExamples = 16

/// `adversarial_grid(net, data, method, eps:, n:, …)`.
func adversarialGridNative(_ session: Session) -> NativeFunction {
  NativeFunction(
    name: "adversarial_grid",
    params: [
      Parameter("net"), Parameter("data"), Parameter("method", default: .string("fgsm")),
      Parameter("eps", default: .number(0.1)), Parameter("n", default: .number(8)),
    ] + attackSettingParameters + [
      Parameter("shape", default: .nil), Parameter("title", default: .nil),
      Parameter("cell", default: .number(96)),
    ],
    doc: """
      A grid of the first `n` examples of `data` (at most 16) under an attack (as in \
      `attack`): clean inputs titled "true → predicted" on top, the adversarial inputs \
      titled with their prediction below, and the perturbation x′ − x at the bottom in a \
      diverging map over [−eps, eps] (L∞ attacks; ± the largest change otherwise). Images \
      are single-channel: [1, H, W] inputs, or flat inputs of a square size (or `shape: \
      [H, W]`). Class names come from a dataset's `classes`. `cell`: pixels per image.

          let net = mlp([64, 32, 10])
          let d = digits()
          adversarial_grid(net, d, "fgsm", eps: 0.2, n: 6)
      """,
    group: "attack"
  ) { args in
    let net = try args.model("net")
    let (data, normalization) = try args.attackData("data")
    let n = try args.positiveInt("n")
    guard n <= Swift.min(maxGridExamples, data.count) else {
      throw args.bad("n", expected: "1 to \(Swift.min(maxGridExamples, data.count)) examples")
    }
    let epsilon = try args.epsilon("eps")
    let attack = try args.attack("method", epsilon: epsilon)
    let seed = try args.attackSeed(session)
    let (x, y) = try data.batch(Array(0..<n))
    let adversarial = try args.attacking {
      try attack.perturb(net, inputs: x, labels: y, normalization: normalization, seed: seed)
    }
    let (h, w) = try gridImageShape(
      args, features: net.inputShape.reduce(1, *), input: net.inputShape)
    let pixels = try pixelImages(x, normalization, h * w)
    let attacked = try pixelImages(adversarial, normalization, h * w)
    let names = classNames(args)
    func name(_ c: Float) -> String {
      let k = Int(c)
      return names.indices.contains(k) ? names[k] : "\(k)"
    }
    let (truth, clean, fooled) = (
      y.scalars, try net.predictClasses(x).scalars,
      try net.predictClasses(adversarial).scalars
    )
    let delta = zip(pixels, attacked).map { zip($1, $0).map { $0 - $1 } }
    let largest = delta.flatMap { $0 }.map(abs).max() ?? 0
    let bound = attack.norm == .linf && epsilon > 0 ? epsilon : Swift.max(largest, 1e-6)
    let cell = try args.number("cell", in: 16...512)
    var theme = Theme.light
    theme.titleFont = .points(10)
    var figure = Figure(
      width: Double(n) * cell + 16, height: 3 * (cell + 20) + 16 + 24, rows: 3, columns: n,
      title: try args.optionalText("title") ?? "\(attack.description)", theme: theme)
    try plotting(args.callee) {
      for i in 0..<n {
        let image = { (values: [Double]) in try Matrix(rows: h, columns: w, values: values) }
        figure.panels[i].add(.image(try image(pixels[i])))
        figure.panels[i].title = "\(name(truth[i])) → \(name(clean[i]))"
        figure.panels[n + i].add(.image(try image(attacked[i])))
        figure.panels[n + i].title = name(fooled[i]) + (fooled[i] == truth[i] ? "" : " ✗")
        figure.panels[2 * n + i].add(
          .image(try image(delta[i]), colormap: .diverging, range: -bound...bound))
        figure.panels[2 * n + i].title = "δ"
      }
    }
    try args.checkPixelCount(figure)
    return .native(FigureObject(figure))
  }
}

/// Height and width of one image: `shape`, the last two axes of a [1, H, W] input, or the
/// side of a square flat input.
private func gridImageShape(_ args: Arguments, features: Int, input: [Int]) throws -> (Int, Int) {
  if args.isGiven("shape"), !(try args.value("shape")).isNil {
    let s = try args.shape("shape")
    guard s.count == 2, s[0] * s[1] == features else {
      throw args.bad("shape", expected: "[H, W] with H·W = \(features), the model's input size")
    }
    return (s[0], s[1])
  }
  if input.count == 3, input[0] == 1 { return (input[1], input[2]) }
  if input.count == 2 { return (input[0], input[1]) }
  let side = Int(Double(features).squareRoot().rounded())
  guard input.count == 1, side * side == features else {
    throw RuntimeError(
      "\(args.callee) shows single-channel images; inputs of shape \(input) need shape: [H, W]")
  }
  return (side, side)
}

/// Each row of a batch as pixel values in [0, 1] (standardisation undone).
private func pixelImages(_ x: Tensor, _ normalization: InputNormalization?, _ size: Int) throws
  -> [[Double]]
{
  let pixels = try normalization?.pixels(of: x) ?? x
  let values = pixels.scalars.map(Double.init)
  let n = x.shape.first ?? 0
  guard n * size == values.count else {
    throw RuntimeError(
      "adversarial_grid: inputs of shape \(x.shape) are not \(n) images of \(size) pixels")
  }
  return (0..<n).map { Array(values[($0 * size)..<(($0 + 1) * size)]) }
}

/// The class names of a dataset argument `data` (empty for tensors).
private func classNames(_ args: Arguments) -> [String] {
  guard case .native(let object)? = try? args.value("data"), let ds = object as? DatasetObject
  else { return [] }
  return ds.dataset.classNames
}
