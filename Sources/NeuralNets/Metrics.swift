// Model metrics: parameters, compression, FLOPs, singular values, condition numbers κ and Πκ.
import Tensors

/// One row of a model's layer table.
public struct LayerReport: Sendable {
  /// Position in the model.
  public var index: Int
  /// `Dense(784 => 256)` etc.
  public var description: String
  /// Per-sample input and output shapes.
  public var inputShape: [Int], outputShape: [Int]
  /// The rank of a low-rank layer, or of a dense weight matrix (min of its sizes); nil for
  /// layers without weights.
  public var rank: Int?
  /// Stored parameters, and what the dense equivalent would store.
  public var parameters: Int, denseParameters: Int
  /// Multiply–adds per sample.
  public var flops: Int
  /// κ = σ_max/σ_min of the weight (of `S` for low-rank layers); nil without weights.
  public var kappa: Double?
}

/// The singular values of a layer's weight matrix (the flattened kernel for convolutions,
/// `S` for low-rank layers), or nil for layers without weights.
/// - Throws: `TensorError` when the weight holds NaN or ∞.
public func singularValues(of layer: any Layer) throws -> Tensor? {
  switch layer {
  case let lowRank as any LowRankLayer: return try lowRank.singularValues()
  case let dense as Dense: return try dense.weight.value.singularValues()
  case let conv as Conv2d:
    return try conv.weight.value.reshaped([conv.outputs, -1]).singularValues()
  default: return nil
  }
}

/// The parameters a dense version of `layer` would store.
func denseEquivalentCount(of layer: any Layer) -> Int {
  switch layer {
  case let l as LowRankDense: return l.inputs * l.outputs + (l.bias == nil ? 0 : l.outputs)
  case let l as LowRankConv2d:
    return l.v.value.shape[0] * l.outputs + (l.bias == nil ? 0 : l.outputs)
  default: return layer.parameterCount
  }
}

extension Sequential {
  /// The number of stored trainable scalars.
  public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

  /// The number of scalars the all-dense equivalent would store.
  public var denseParameterCount: Int { layers.reduce(0) { $0 + denseEquivalentCount(of: $1) } }

  /// 1 − stored / dense parameters: 0 for a dense model, 0.9 for one ten times smaller.
  public var compression: Double {
    1 - Double(parameterCount) / Double(Swift.max(denseParameterCount, 1))
  }

  /// Multiply–adds per sample over all layers.
  public var flopsPerSample: Int {
    let shapes = (try? layerShapes()) ?? []
    return zip(layers, shapes).reduce(0) { $0 + $1.0.flops(for: $1.1.input) }
  }

  /// One report per layer: shapes, rank, parameters, FLOPs, κ.
  /// - Throws: shape errors, or `TensorError` for weights holding NaN or ∞.
  public func layerReports() throws -> [LayerReport] {
    try zip(layers, layerShapes()).enumerated().map { index, pair in
      let (layer, shapes) = pair
      let sigma = try singularValues(of: layer)?.scalars
      let kappa = sigma.map { s -> Double in
        guard let top = s.first, let bottom = s.last else { return .nan }
        return bottom == 0 ? .infinity : Double(top) / Double(bottom)
      }
      return LayerReport(
        index: index, description: layer.description, inputShape: shapes.input,
        outputShape: shapes.output, rank: sigma?.count, parameters: layer.parameterCount,
        denseParameters: denseEquivalentCount(of: layer), flops: layer.flops(for: shapes.input),
        kappa: kappa)
    }
  }

  /// κ of every layer with weights, in order.
  /// - Throws: `TensorError` for weights holding NaN or ∞.
  public func conditionNumbers() throws -> [Double] {
    try layerReports().compactMap(\.kappa)
  }

  /// Π κ(W_ℓ) over the layers with weights: the product bound on the network's
  /// sensitivity that the robustness constraints control.
  /// - Throws: `TensorError` for weights holding NaN or ∞.
  public func kappaProduct() throws -> Double {
    try conditionNumbers().reduce(1, *)
  }
}
