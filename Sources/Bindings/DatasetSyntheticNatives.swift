// Natives for seeded synthetic datasets: moons, spirals, blobs, low_rank_regression.
import Datasets
import Lang
import Tensors

func syntheticDatasetNatives(_ session: Session) -> [NativeFunction] {
  func wrap(_ d: Dataset) -> Value { .native(DatasetObject(d, session: session)) }
  return [
    NativeFunction(
      name: "moons",
      params: [
        Parameter("n", default: .number(200)), Parameter("noise", default: .number(0.1)),
        Parameter("seed", default: .nil),
      ],
      doc: """
        Two interleaving half circles in 2-D, classes 0 and 1, with Gaussian noise of
        standard deviation `noise`; drawn from the seeded generator (or `seed`).

            let m = moons(500, noise: 0.2)
        """
    ) { args in
      let n = try args.positiveInt("n")
      let noise = try args.number("noise")
      return wrap(
        try withGenerator(args, session) { try Synthetic.moons(count: n, noise: noise, using: &$0) }
      )
    },
    NativeFunction(
      name: "spirals",
      params: [
        Parameter("n", default: .number(300)), Parameter("classes", default: .number(2)),
        Parameter("turns", default: .number(1)), Parameter("noise", default: .number(0.05)),
        Parameter("seed", default: .nil),
      ],
      doc: """
        Interleaved spiral arms in 2-D, one class per arm, each of `turns` revolutions, with
        Gaussian noise; a classic problem a linear model cannot solve.

            let s = spirals(600, classes: 3, turns: 1.5)
        """
    ) { args in
      let (n, classes) = (try args.positiveInt("n"), try args.positiveInt("classes"))
      let (turns, noise) = (try args.number("turns"), try args.number("noise"))
      return wrap(
        try withGenerator(args, session) {
          try Synthetic.spirals(count: n, classes: classes, turns: turns, noise: noise, using: &$0)
        })
    },
    NativeFunction(
      name: "blobs",
      params: [
        Parameter("n", default: .number(300)), Parameter("centers", default: .number(3)),
        Parameter("features", default: .number(2)), Parameter("spread", default: .number(1)),
        Parameter("seed", default: .nil),
      ],
      doc: """
        Gaussian clusters: `centers` random centres in [-10, 10]^features, one class each,
        with standard deviation `spread`.

            let b = blobs(300, centers: 4, spread: 2)
        """
    ) { args in
      let (n, centers) = (try args.positiveInt("n"), try args.positiveInt("centers"))
      let (features, spread) = (try args.positiveInt("features"), try args.number("spread"))
      return wrap(
        try withGenerator(args, session) {
          try Synthetic.blobs(
            count: n, centers: centers, features: features, spread: spread, using: &$0)
        })
    },
    NativeFunction(
      name: "low_rank_regression",
      params: [
        Parameter("n", default: .number(1000)), Parameter("features", default: .number(50)),
        Parameter("outputs", default: .number(20)), Parameter("rank", default: .number(3)),
        Parameter("noise", default: .number(0.01)), Parameter("seed", default: .nil),
      ],
      doc: """
        A regression problem y = W x + noise whose true W [outputs, features] has rank `rank`.
        Returns {data, weights}: the dataset and W, to compare a low-rank fit with the truth.

            let p = low_rank_regression(500, features: 20, outputs: 10, rank: 2)
            svd(p.weights).S
        """
    ) { args in
      let (n, features) = (try args.positiveInt("n"), try args.positiveInt("features"))
      let (outputs, rank) = (try args.positiveInt("outputs"), try args.positiveInt("rank"))
      let noise = try args.number("noise")
      let (data, weights) = try withGenerator(args, session) {
        try Synthetic.lowRankRegression(
          count: n, features: features, outputs: outputs, rank: rank, noise: noise, using: &$0)
      }
      return .record([("data", wrap(data)), ("weights", .tensor(weights))])
    },
  ]
}
