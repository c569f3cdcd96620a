// Natives that build single layers for `sequential`.
import Lang
import NeuralNets
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

func nnLayerNatives(_ session: Session) -> [NativeFunction] {
  func layer(_ l: any Layer) -> Value { .native(LayerObject(l)) }
  let conv = [
    Parameter("inputs"), Parameter("outputs"), Parameter("kernel"),
    Parameter("stride", default: .number(1)),
    Parameter("padding", default: .number(0)),
  ]
  return [
    NativeFunction(
      name: "dense", params: [Parameter("inputs"), Parameter("outputs")],
      doc: "A dense layer y = x·Wᵀ + b (Kaiming-normal W, zero b).\n\n    dense(784, 256)"
    ) { args in
      layer(
        try Dense(
          try args.positiveInt("inputs"), try args.positiveInt("outputs"),
          using: &session.random.rng))
    },
    NativeFunction(
      name: "lowrank_dense",
      params: [Parameter("inputs"), Parameter("outputs"), Parameter("rank"), lowRankInitParameter],
      doc: """
        A dense layer stored as U·S·Vᵀ of `rank` (a count or a fraction of full rank), from the \
        truncated SVD of a Kaiming-normal matrix. \(lowRankInitDoc)

            lowrank_dense(784, 256, 32)
            lowrank_dense(800, 500, 100, init: "squared_normal")
        """
    ) { args in
      let (n, m) = (try args.positiveInt("inputs"), try args.positiveInt("outputs"))
      let r = try Initialization.resolveRank(try args.rank("rank"), fullRank: min(n, m))
      return layer(
        try LowRankDense(
          n, m, rank: r, initialization: try args.lowRankInitialization(),
          using: &session.random.rng))
    },
    NativeFunction(
      name: "conv2d", params: conv,
      doc: "A 2-D convolution over [channels, height, width] inputs.\n\n    conv2d(1, 20, 5)"
    ) { args in
      layer(
        try Conv2d(
          try args.positiveInt("inputs"), try args.positiveInt("outputs"),
          kernel: try args.positiveInt("kernel"),
          stride: try args.positiveInt("stride"), padding: try args.nonNegativeInt("padding"),
          using: &session.random.rng))
    },
    NativeFunction(
      name: "lowrank_conv2d",
      params: conv + [Parameter("rank", default: .number(0.2)), lowRankInitParameter],
      doc: """
        A convolution whose flattened kernel is U·S·Vᵀ of `rank`: im2col, then Vᵀ, then U·S. \
        \(lowRankInitDoc)

            lowrank_conv2d(20, 50, 5, rank: 10)
            lowrank_conv2d(20, 50, 5, rank: 10, init: "squared_normal")
        """
    ) { args in
      let (n, m, k) = (
        try args.positiveInt("inputs"), try args.positiveInt("outputs"),
        try args.positiveInt("kernel")
      )
      let r = try Initialization.resolveRank(try args.rank("rank"), fullRank: min(m, n * k * k))
      return layer(
        try LowRankConv2d(
          n, m, kernel: k, rank: r, stride: try args.positiveInt("stride"),
          padding: try args.nonNegativeInt("padding"),
          initialization: try args.lowRankInitialization(), using: &session.random.rng))
    },
    NativeFunction(
      name: "activation", params: [Parameter("name")],
      doc:
        "An activation layer: \"relu\", \"tanh\", \"sigmoid\" or \"leaky_relu\".\n\n    activation(\"relu\")"
    ) { args in
      guard let f = Activation.Function(rawValue: try args.string("name")) else {
        throw args.bad("name", expected: "one of \"relu\", \"tanh\", \"sigmoid\", \"leaky_relu\"")
      }
      return layer(Activation(f))
    },
    NativeFunction(
      name: "maxpool",
      params: [Parameter("size", default: .number(2)), Parameter("stride", default: .nil)],
      doc: "Max pooling over size×size windows (stride defaults to size).\n\n    maxpool(2)"
    ) { args in
      layer(
        try Pool2d(
          .max, size: try args.positiveInt("size"),
          stride: try args.optional("stride", args.positiveInt)))
    },
    NativeFunction(
      name: "avgpool",
      params: [Parameter("size", default: .number(2)), Parameter("stride", default: .nil)],
      doc: "Average pooling over size×size windows (stride defaults to size).\n\n    avgpool(2)"
    ) { args in
      layer(
        try Pool2d(
          .average, size: try args.positiveInt("size"),
          stride: try args.optional("stride", args.positiveInt)))
    },
    NativeFunction(
      name: "dropout", params: [Parameter("rate", default: .number(0.5))],
      doc:
        "Inverted dropout during training (seeded); the identity at inference.\n\n    dropout(0.25)"
    ) { args in
      layer(
        try Dropout(rate: try args.float("rate", in: 0...0.999_999, expected: "a rate in [0, 1)")))
    },
    NativeFunction(
      name: "flatten_layer", params: [],
      doc:
        "Flattens [channels, height, width] to one axis (C order, as PyTorch).\n\n    flatten_layer()"
    ) { _ in layer(Flatten()) },
  ]
}
