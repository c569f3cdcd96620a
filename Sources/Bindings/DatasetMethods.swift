// Methods of datasets in lr: ds.split(0.9), ds.shuffle(), ds.subset(n), ds.batches(128), …
import Datasets
import Lang
import Tensors

/// A method of datasets: bound to a receiver it becomes an ordinary native function.
struct DatasetMethod {
  let name: String
  let params: [Parameter]
  let doc: String
  let body: (DatasetObject, Arguments) throws -> Value

  func bind(to receiver: DatasetObject) -> NativeFunction {
    NativeFunction(name: "dataset.\(name)", params: params, doc: doc) { args in
      try body(receiver, args)
    }
  }
}

/// Runs `body` with `RNG(seed:)` when the call gives `seed`, else with the session's
/// generator (so a notebook's seed fixes every shuffle).
func withGenerator<T>(
  _ args: Arguments, _ session: Session, _ body: (inout RNG) throws -> T
) throws -> T {
  if args.isGiven("seed"), case .number = try args.value("seed") {
    var rng = RNG(seed: UInt64(try args.nonNegativeInt("seed")))
    return try body(&rng)
  }
  return try body(&session.random.rng)
}

/// The methods of datasets by name. Immutable after initialisation and only read by the
/// interpreter's thread.
nonisolated(unsafe) let datasetMethods: [String: DatasetMethod] = Dictionary(
  uniqueKeysWithValues: datasetMethodList.map { ($0.name, $0) })

private var datasetMethodList: [DatasetMethod] {
  [
    DatasetMethod(
      name: "split",
      params: [
        Parameter("fraction", default: .number(0.8)), Parameter("shuffle", default: .bool(true)),
        Parameter("seed", default: .nil),
      ],
      doc: """
        Disjoint parts after a seeded shuffle: a fraction gives {train, test}; a list of two
        fractions gives {train, validation, test}, the last part taking the rest.

            let parts = digits().split(0.9)
            let three = digits().split([0.8, 0.1], seed: 1)
        """
    ) { ds, args in
      let shuffle = try args.bool("shuffle")
      let fractions: [Double]
      if case .list = try args.value("fraction") {
        fractions = try args.numbers("fraction")
        guard fractions.count == 2 else {
          throw args.bad("fraction", expected: "a number or a list of two numbers")
        }
      } else {
        fractions = [try args.number("fraction")]
      }
      let parts = try withGenerator(args, ds.session) {
        try ds.dataset.split(fractions: fractions, shuffle: shuffle, using: &$0)
      }
      let names = parts.count == 2 ? ["train", "test"] : ["train", "validation", "test"]
      return .record(
        zip(names, parts).map { name, part in
          var named = part
          named.name = "\(ds.dataset.name) [\(name)]"
          return (name, ds.wrap(named))
        })
    },
    DatasetMethod(
      name: "shuffle", params: [Parameter("seed", default: .nil)],
      doc: "The examples in a seeded random order.\n\n    let mixed = digits().shuffle()"
    ) { ds, args in
      var result = try withGenerator(args, ds.session) { try ds.dataset.shuffled(using: &$0) }
      result.name = ds.dataset.name
      return ds.wrap(result)
    },
    DatasetMethod(
      name: "subset", params: [Parameter("n")],
      doc: """
        The first `n` examples, for quick experiments (shuffle first if the file is sorted).

            let small = fashion_mnist().shuffle().subset(1000)
        """
    ) { ds, args in ds.wrap(try ds.dataset.subset(try args.nonNegativeInt("n"))) },
    DatasetMethod(
      name: "batches",
      params: [
        Parameter("size", default: .number(128)), Parameter("shuffle", default: .bool(true)),
        Parameter("seed", default: .nil), Parameter("drop_last", default: .bool(false)),
      ],
      doc: """
        One epoch of mini-batches as a list; each batch has `b.x`, `b.y` and `b.indices`,
        gathered when read (no copy of the dataset). Shuffled from the seeded generator, so
        each call gives the next epoch's order.

            for b in digits().batches(64) { print(b.x.shape) }
        """
    ) { ds, args in
      let size = try args.positiveInt("size")
      let dropLast = try args.bool("drop_last")
      let batches =
        try args.bool("shuffle")
        ? try withGenerator(args, ds.session) {
          try ds.dataset.batches(size: size, dropLast: dropLast, using: &$0)
        }
        : try ds.dataset.batches(size: size, dropLast: dropLast)
      return .list((0..<batches.count).map { .native(DatasetBatchObject(batches, index: $0)) })
    },
    DatasetMethod(
      name: "normalize",
      params: [Parameter("per_feature", default: .bool(false)), Parameter("like", default: .nil)],
      doc: """
        Inputs standardised to mean 0, std 1 (one mean/std overall, or per feature). With
        `like: train`, uses the statistics of the normalised dataset `train` instead.

            let parts = digits().split(0.8)
            let train = parts.train.normalize()
            let test = parts.test.normalize(like: train)
        """
    ) { ds, args in
      if let reference = try args.optional(
        "like", { try args.native($0, as: DatasetObject.self, expected: "a dataset") })
      {
        let stats =
          try reference.dataset.normalization
          ?? Normalization.fit(reference.dataset, perFeature: try args.bool("per_feature"))
        return ds.wrap(try stats.apply(to: ds.dataset))
      }
      return ds.wrap(try ds.dataset.normalized(perFeature: try args.bool("per_feature")))
    },
    DatasetMethod(
      name: "flatten", params: [],
      doc:
        "Each input flattened to one axis, [N, D] (for dense layers).\n\n    digits().flatten().x.shape"
    ) { ds, _ in ds.wrap(try ds.dataset.flattened()) },
  ]
}
