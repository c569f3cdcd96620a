// Per-epoch tracking of ranks, condition numbers, singular values and compression in the history.
import Tensors

extension History {
  /// Appends the model's current ranks, κ, singular values (per layer with weights), Πκ and
  /// compression as the next epoch's entries.
  /// - Throws: `TensorError` when a weight holds NaN or ∞.
  mutating func record(_ model: Sequential) throws {
    var tracked: [Int] = []
    var spectra: [[Double]] = []
    for (index, layer) in model.layers.enumerated() {
      guard let sigma = try NeuralNets.singularValues(of: layer) else { continue }
      tracked.append(index)
      spectra.append(sigma.scalars.map(Double.init))
    }
    if trackedLayers != tracked {
      // First epoch (or a model whose layers changed): start the per-layer lists afresh.
      trackedLayers = tracked
      ranks = tracked.map { _ in [] }
      kappa = tracked.map { _ in [] }
      singularValues = tracked.map { _ in [] }
    }
    var product = 1.0
    for (i, sigma) in spectra.enumerated() {
      let k = conditionNumber(sigma)
      product *= k
      ranks[i].append(sigma.count)
      kappa[i].append(k)
      singularValues[i].append(sigma)
    }
    kappaProduct.append(product)
    compression.append(model.compression)
  }
}

/// σ_max/σ_min of descending singular values (∞ when the smallest is 0, NaN when empty).
func conditionNumber(_ sigma: [Double]) -> Double {
  guard let top = sigma.first, let bottom = sigma.last else { return .nan }
  return bottom == 0 ? .infinity : top / bottom
}
