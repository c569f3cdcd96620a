// Compress-then-finetune: a low-rank copy of a trained model from the SVD of its weights.
import Tensors

/// How `Sequential.compressed` picks each layer's rank.
public enum CompressionRank: Sendable, Equatable {
  /// A fixed rank: a count (≥ 1, capped at the layer's full rank) or a fraction of full
  /// rank (< 1).
  case rank(Double)
  /// The smallest rank r with ‖(σ_{r+1}, …)‖₂ ≤ ϑ‖σ‖₂, as the rank-adaptive truncation
  /// chooses it.
  case tolerance(Double)
}

extension Sequential {
  /// A copy of the model in which every `Dense` and `Conv2d` layer (the classifier only
  /// with `classifier`) is replaced by the truncated SVD of its weight, W ≈ U·S·Vᵀ; other
  /// layers are copied. Train the copy with any integrator to fine-tune it.
  ///
  /// ```swift
  /// let small = try net.compressed(.rank(0.2))
  /// _ = try small.fit(train, options: options)   // fine-tune, rank-adaptive by default
  /// ```
  /// - Throws: `NeuralNetError` for a rank or tolerance out of range; SVD errors.
  public func compressed(_ how: CompressionRank, classifier: Bool = false) throws -> Sequential {
    if case .tolerance(let theta) = how, !(theta >= 0 && theta < 1) {
      throw NeuralNetError.invalidArgument("the tolerance ϑ must be in [0, 1), got \(theta)")
    }
    let weighted = layers.indices.filter { layers[$0] is Dense || layers[$0] is Conv2d }
    var copies: [any Layer] = []
    for (i, layer) in layers.enumerated() {
      let keep = i == weighted.last && !classifier
      switch layer {
      case let d as Dense where !keep:
        let r = try compressionRank(how, of: d.weight.value)
        copies.append(try LowRankDense(from: d, rank: r))
      case let c as Conv2d where !keep:
        let r = try compressionRank(how, of: c.weight.value.reshaped([c.outputs, -1]))
        copies.append(try LowRankConv2d(from: c, rank: r))
      default:
        copies.append(layer.copied())
      }
    }
    let model = try Sequential(name: name, inputShape: inputShape, copies)
    model.layerTraining = layerTraining
    return model
  }
}

/// The rank `how` asks for a weight matrix `w`.
private func compressionRank(_ how: CompressionRank, of w: Tensor) throws -> Int {
  let full = Swift.min(w.shape[0], w.shape[1])
  switch how {
  case .rank(let r):
    return try Initialization.resolveRank(r >= 1 ? Swift.min(r, Double(full)) : r, fullRank: full)
  case .tolerance(let theta):
    return RankAdaptiveBUG.truncationRank(
      try w.singularValues().scalars, theta: theta, minRank: 1, maxRank: full)
  }
}

extension Layer {
  /// An independent copy with its own parameters (layers without parameters are shared:
  /// they hold nothing to change).
  public func copied() -> any Layer {
    switch self {
    case let d as Dense: return Dense(weight: d.weight.value, bias: d.bias?.value)
    case let c as Conv2d:
      return Conv2d(
        weight: c.weight.value, bias: c.bias?.value, stride: c.stride, padding: c.padding)
    case let l as LowRankDense:
      return LowRankDense(u: l.u.value, s: l.s.value, v: l.v.value, bias: l.bias?.value)
    case let l as LowRankConv2d:
      return LowRankConv2d(
        u: l.u.value, s: l.s.value, v: l.v.value, bias: l.bias?.value, kernel: l.kernel,
        stride: l.stride, padding: l.padding)
    default: return self
    }
  }
}
