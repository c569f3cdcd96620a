// Running an attack on one batch: adversarial inputs from clean ones, in the data's units.
import NeuralNets
import Tensors

extension Attack {
  /// Adversarial versions of a batch for `model`, white-box with the true `labels`.
  ///
  /// Each example's gradient comes from one batched backward pass of the mean
  /// cross-entropy; random starts and noise are drawn per example from `seed` and the
  /// example's index (`firstIndex` + row), so results do not depend on how data are
  /// batched. Dropout is off.
  ///
  /// - Parameters:
  ///   - inputs: the batch in the data's units: pixels in [0, 1], or pixels standardised
  ///     by `normalization`. Any shape whose first axis is the batch.
  ///   - labels: class indices `[n]` or target distributions `[n, classes]`.
  ///   - normalization: how the inputs were standardised (nil: they are pixels).
  /// - Returns: the adversarial inputs, in the units and shape of `inputs`; in pixel
  ///   units each lies in [0, 1] and within ε of its clean input.
  /// - Throws: `AttackError.notPixels` for inputs outside [0, 1]; shape errors of the model.
  public func perturb(
    _ model: Sequential, inputs: Tensor, labels: Tensor,
    normalization: InputNormalization? = nil, seed: UInt64 = 0, firstIndex: Int = 0
  ) throws -> Tensor {
    let target = PixelModel(model: model, normalization: normalization)
    let x0 = try target.pixels(inputs)
    return try target.inputs(
      try perturbPixels(target, x0, labels: labels, seed: seed, firstIndex: firstIndex))
  }

  /// The adversarial pixels for clean pixels `x0`.
  func perturbPixels(
    _ target: PixelModel, _ x0: Tensor, labels: Tensor, seed: UInt64, firstIndex: Int
  ) throws -> Tensor {
    let rows = x0.shape.first ?? 0
    guard labels.shape.first == rows else {
      throw AttackError.invalidArgument(
        "\(rows) inputs but labels of shape \(labels.shape): one label per input is needed")
    }
    guard rows > 0 else { return x0 }
    if method == .noise {
      return try RandomPerturbation.perturbed(
        x0, rows: rows, epsilon: epsilon, norm: norm, kind: .onSphere, seed: seed,
        firstIndex: firstIndex)
    }
    var x = x0
    if randomStart {
      x = try RandomPerturbation.perturbed(
        x0, rows: rows, epsilon: epsilon, norm: norm, kind: .insideBall, seed: seed,
        firstIndex: firstIndex)
    }
    let direction: Steps.Direction =
      switch method {
      case .fgsm: .sign
      case .fgm: .normalized(norm)
      case .pgd, .noise: norm == .linf ? .sign : .normalized(.l2)
      }
    let alpha = method == .pgd ? stepSize : epsilon
    for _ in 0..<steps {
      let g = try target.lossGradient(x, labels: labels)
      x = try Steps.stepAndProject(
        x, try Steps.direction(g, rows: rows, direction), by: alpha, around: x0,
        epsilon: epsilon, norm: norm, rows: rows)
    }
    return x
  }
}
