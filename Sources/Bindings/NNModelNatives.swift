// Natives that build models and layers: mlp, lenet5, vgg, sequential, dense, conv2d, …
import Lang
import NeuralNets
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

func nnModelNatives(_ session: Session) -> [NativeFunction] {
  [
    NativeFunction(
      name: "mlp", params: [Parameter("sizes")] + rankParameters,
      doc: """
        A multilayer perceptron with ReLU between layers. With `lowrank: true`, hidden layers are \
        U·S·Vᵀ of `rank` (a count, or a fraction of full rank); the classifier stays dense unless \
        `classifier: true`; `ranks` sets each weight layer (nil = dense).

            let net = mlp([784, 256, 256, 10], lowrank: true, rank: 32)
        """
    ) { args in
      let sizes = try args.numbers("sizes").map { x -> Int in
        guard let n = wholeNumber(x), n > 0 else {
          throw args.bad("sizes", expected: "a list of positive layer sizes")
        }
        return n
      }
      return .native(
        ModelObject(
          try Architectures.mlp(sizes, ranks: try args.rankPlan(), using: &session.random.rng)))
    },
    NativeFunction(
      name: "lenet5",
      params: [
        Parameter("input_shape", default: .list([1, 28, 28].map { .number($0) })),
        Parameter("classes", default: .number(10)),
      ] + rankParameters,
      doc: """
        LeNet5 as in the CondLR code: conv 1→20 5×5, max-pool, conv 20→50 5×5, max-pool, FC 800→500, \
        FC 500→10, ReLU activations. Low-rank options as for `mlp`.

            let net = lenet5(lowrank: true, rank: 0.2)
        """
    ) { args in
      .native(
        ModelObject(
          try Architectures.lenet5(
            inputShape: try args.shape("input_shape"), classes: try args.positiveInt("classes"),
            ranks: try args.rankPlan(), using: &session.random.rng)))
    },
    NativeFunction(
      name: "vgg",
      params: [
        Parameter("input_shape", default: .list([1, 28, 28].map { .number($0) })),
        Parameter("classes", default: .number(10)),
      ] + rankParameters,
      doc: """
        A small VGG-style CNN: two blocks of two 3×3 convolutions (32, 64 channels) with max-pool, \
        then FC 256 and the classifier. Low-rank options as for `mlp`.

            let net = vgg(lowrank: true, rank: 8)
        """
    ) { args in
      .native(
        ModelObject(
          try Architectures.vgg(
            inputShape: try args.shape("input_shape"), classes: try args.positiveInt("classes"),
            ranks: try args.rankPlan(), using: &session.random.rng)))
    },
    NativeFunction(
      name: "sequential",
      params: [
        Parameter("layers"), Parameter("input_shape"),
        Parameter("name", default: .string("sequential")),
      ],
      doc: """
        A model applying `layers` in order to inputs of `input_shape` (one sample, no batch axis).

            let net = sequential([dense(64, 32), activation("relu"), dense(32, 10)], [64])
        """
    ) { args in
      let layers = try args.list("layers").map { item -> any Layer in
        guard case .native(let object) = item, let layer = object as? LayerObject else {
          throw args.bad("layers", expected: "a list of layers")
        }
        return layer.layer
      }
      let model = try Sequential(
        name: try args.string("name"), inputShape: try args.shape("input_shape"), layers)
      return .native(ModelObject(model))
    },
    NativeFunction(
      name: "compress",
      params: [
        Parameter("net"), Parameter("rank", default: .number(0.2)),
        Parameter("classifier", default: .bool(false)),
      ],
      doc: """
        A copy of a trained model whose dense and conv layers are replaced by their rank-`rank` \
        truncated SVD (compress, then fine-tune). The classifier stays dense unless `classifier: true`.

            let net = mlp([64, 32, 10])
            let small = compress(net, rank: 0.2)
        """
    ) { args in
      let net = try args.model("net")
      let rank = try args.rank("rank")
      let weighted = net.layers.indices.filter {
        net.layers[$0] is Dense || net.layers[$0] is Conv2d
      }
      var layers: [any Layer] = []
      for (i, layer) in net.layers.enumerated() {
        let keep = try i == weighted.last && !args.bool("classifier")
        switch layer {
        case let d as Dense where !keep:
          let full = min(d.inputs, d.outputs)
          layers.append(
            try LowRankDense(from: d, rank: try Initialization.resolveRank(rank, fullRank: full)))
        case let c as Conv2d where !keep:
          let full = min(c.outputs, c.inputs * c.kernel * c.kernel)
          layers.append(
            try LowRankConv2d(from: c, rank: try Initialization.resolveRank(rank, fullRank: full)))
        default:
          layers.append(try copyLayer(layer))
        }
      }
      return .native(
        ModelObject(try Sequential(name: net.name, inputShape: net.inputShape, layers)))
    },
  ] + nnLayerNatives(session)
}

/// An independent copy of a layer (parameters copied), so a compressed model does not
/// share weights with its source.
func copyLayer(_ layer: any Layer) throws -> any Layer {
  switch layer {
  case let d as Dense: return Dense(weight: d.weight.value, bias: d.bias?.value)
  case let c as Conv2d:
    return Conv2d(weight: c.weight.value, bias: c.bias?.value, stride: c.stride, padding: c.padding)
  case let l as LowRankDense:
    return LowRankDense(u: l.u.value, s: l.s.value, v: l.v.value, bias: l.bias?.value)
  case let l as LowRankConv2d:
    return LowRankConv2d(
      u: l.u.value, s: l.s.value, v: l.v.value, bias: l.bias?.value, kernel: l.kernel,
      stride: l.stride, padding: l.padding)
  default: return layer  // parameter-free layers hold nothing to share
  }
}
