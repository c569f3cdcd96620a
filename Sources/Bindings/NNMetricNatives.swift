// Natives for model metrics: parameters, compression, FLOPs, singular values, κ and Πκ.
import Lang
import NeuralNets
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

func nnMetricNatives() -> [NativeFunction] {
  [
    NativeFunction(
      name: "parameters", params: [Parameter("net")],
      doc:
        "The number of trainable scalars of a model or layer.\n\n    let net = mlp([64, 32, 10])\n    parameters(net)"
    ) { args in
      if case .native(let o) = try args.value("net"), let layer = o as? LayerObject {
        return .number(Double(layer.layer.parameterCount))
      }
      return .number(Double(try args.model("net").parameterCount))
    },
    NativeFunction(
      name: "compression", params: [Parameter("net")],
      doc:
        "1 − stored/dense parameters: how much smaller the model is than its dense equivalent.\n\n    let net = mlp([64, 32, 10])\n    compression(net)"
    ) { args in .number(try args.model("net").compression) },
    NativeFunction(
      name: "flops", params: [Parameter("net")],
      doc:
        "Multiply–adds per sample of a forward pass.\n\n    let net = mlp([64, 32, 10])\n    flops(net)"
    ) { args in .number(Double(try args.model("net").flopsPerSample)) },
    NativeFunction(
      name: "singular_values", params: [Parameter("layer")],
      doc: """
        The singular values of a layer's weight (the flattened kernel of a conv, S of a low-rank \
        layer), largest first.

            let net = mlp([64, 32, 10])
            singular_values(net.layers[0])
        """
    ) { args in
      let layer = try args.native("layer", as: LayerObject.self, expected: "a layer").layer
      guard let s = try singularValues(of: layer) else {
        throw RuntimeError("layer \(layer.description) has no weights")
      }
      return .tensor(s)
    },
    NativeFunction(
      name: "kappa", params: [Parameter("x")],
      doc: """
        The condition number κ = σ_max/σ_min of a layer's weight, or for a model the product Πκ \
        over its layers (the bound the robustness constraints control).

            let net = mlp([64, 32, 10])
            kappa(net)
        """
    ) { args in
      if case .native(let o) = try args.value("x"), let layer = o as? LayerObject {
        guard let s = try singularValues(of: layer.layer)?.scalars, let top = s.first,
          let bottom = s.last
        else {
          throw RuntimeError("layer \(layer.layer.description) has no weights")
        }
        return .number(bottom == 0 ? .infinity : Double(top) / Double(bottom))
      }
      return .number(try args.model("x").kappaProduct())
    },
    NativeFunction(
      name: "kappas", params: [Parameter("net")],
      doc:
        "κ of every layer with weights, in order.\n\n    let net = mlp([64, 32, 10])\n    kappas(net)"
    ) { args in .list(try args.model("net").conditionNumbers().map { .number($0) }) },
    NativeFunction(
      name: "layer_table", params: [Parameter("net")],
      doc:
        "The model's layers as a list of records (index, layer, output, rank, parameters, dense_parameters, flops, kappa).\n\n    let net = mlp([64, 32, 10])\n    layer_table(net)"
    ) { args in
      .list(
        try args.model("net").layerReports().map { r in
          .record([
            ("index", .number(Double(r.index))), ("layer", .string(r.description)),
            ("output", .list(r.outputShape.map { .number(Double($0)) })),
            ("rank", r.rank.map { .number(Double($0)) } ?? .nil),
            ("parameters", .number(Double(r.parameters))),
            ("dense_parameters", .number(Double(r.denseParameters))),
            ("flops", .number(Double(r.flops))),
            ("kappa", r.kappa.map { .number($0) } ?? .nil),
          ])
        })
    },
  ]
}

/// Every network native, in the order `lrnb docs` lists them.
func nnNatives(_ session: Session) -> [NativeFunction] {
  nnModelNatives(session) + nnTrainingNatives(session) + nnMetricNatives() + nnFileNatives()
    + nnGradNatives()
}
