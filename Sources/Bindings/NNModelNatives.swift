// Natives that build models and layers: mlp, lenet5, vgg, sequential, dense, conv2d, …
import Lang
import NeuralNets
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

func nnModelNatives(_ session: Session) -> [NativeFunction] {
  [
    NativeFunction(
      name: "mlp", params: [Parameter("sizes")] + rankParameters + trainingRuleParameters,
      doc: """
        A multilayer perceptron with ReLU between layers. With `lowrank: true`, hidden layers are \
        U·S·Vᵀ of `rank` (a count, or a fraction of full rank); the classifier stays dense unless \
        `classifier: true`; `ranks` sets each weight layer (nil = dense). The \
        training rule of the low-rank layers (see `set_training`) can be given here: `integrator`, \
        `theta`, `r_min`, `r_max`, `period`, `tau`, `beta`, `squared`. \(lowRankInitDoc)

            let net = mlp([784, 256, 256, 10], lowrank: true, rank: 32, integrator: "bug", theta: 0.15)
        """
    ) { args in
      let sizes = try args.numbers("sizes").map { x -> Int in
        guard let n = wholeNumber(x), n > 0 else {
          throw args.bad("sizes", expected: "a list of positive layer sizes")
        }
        return n
      }
      let model = try Architectures.mlp(
        sizes, ranks: try args.rankPlan(), using: &session.random.rng)
      try args.setTraining(on: model)
      return .native(ModelObject(model))
    },
    NativeFunction(
      name: "lenet5",
      params: [
        Parameter("input_shape", default: .list([1, 28, 28].map { .number($0) })),
        Parameter("classes", default: .number(10)),
      ] + rankParameters + trainingRuleParameters,
      doc: """
        LeNet5 as in the CondLR code: conv 1→20 5×5, max-pool, conv 20→50 5×5, max-pool, FC 800→500, \
        FC 500→10, ReLU activations. Low-rank options (`init` included) and training rules as for \
        `mlp`.

            let net = lenet5(lowrank: true, rank: 0.5, integrator: "bug", theta: 0.15)
            let start = lenet5(lowrank: true, rank: 0.2, init: "squared_normal", integrator: "fixed", beta: 0.1)
        """
    ) { args in
      let model = try Architectures.lenet5(
        inputShape: try args.shape("input_shape"), classes: try args.positiveInt("classes"),
        ranks: try args.rankPlan(), using: &session.random.rng)
      try args.setTraining(on: model)
      return .native(ModelObject(model))
    },
    NativeFunction(
      name: "vgg",
      params: [
        Parameter("input_shape", default: .list([1, 28, 28].map { .number($0) })),
        Parameter("classes", default: .number(10)),
      ] + rankParameters + trainingRuleParameters,
      doc: """
        A small VGG-style CNN: two blocks of two 3×3 convolutions (32, 64 channels) with max-pool, \
        then FC 256 and the classifier. Low-rank options and training rules as for `mlp`.

            let net = vgg(lowrank: true, rank: 8)
        """
    ) { args in
      let model = try Architectures.vgg(
        inputShape: try args.shape("input_shape"), classes: try args.positiveInt("classes"),
        ranks: try args.rankPlan(), using: &session.random.rng)
      try args.setTraining(on: model)
      return .native(ModelObject(model))
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
        Parameter("theta", default: .nil), Parameter("classifier", default: .bool(false)),
      ],
      doc: """
        A copy of a trained model whose dense and conv layers are replaced by their truncated SVD \
        W ≈ U·S·Vᵀ: at `rank` (a count, or a fraction of full rank), or with `theta` at the \
        smallest rank whose discarded singular values have ‖(σ_{r+1}, …)‖₂ ≤ ϑ‖σ‖₂. The classifier \
        stays dense unless `classifier: true`. Fine-tune the copy with `fit` and any integrator \
        (compress, then fine-tune); the original is untouched.

            let d = digits().split(0.8)
            let net = mlp([64, 64, 10])
            fit(net, d.train, epochs: 5)
            let small = compress(net, rank: 0.25)
            fit(small, d.train, epochs: 2, integrator: "fixed")
            [compression(small), accuracy(small, d.test) > 0.5]
        """
    ) { args in
      let net = try args.model("net")
      let how: CompressionRank
      if let theta = try args.optional("theta", args.number) {
        guard theta >= 0, theta < 1 else {
          throw args.bad("theta", expected: "a tolerance ϑ in [0, 1)")
        }
        how = .tolerance(theta)
      } else {
        how = .rank(try args.rank("rank"))
      }
      return .native(ModelObject(try net.compressed(how, classifier: try args.bool("classifier"))))
    },
  ] + nnLayerNatives(session)
}
