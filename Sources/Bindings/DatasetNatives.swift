// Natives that make datasets: real ones (fashion_mnist, mnist, digits), synthetic ones, and
// dataset(x, y) from tensors.
import Datasets
import Foundation
import Lang
import Tensors

func datasetNatives(_ session: Session) -> [NativeFunction] {
  realDatasetNatives(session) + syntheticDatasetNatives(session) + datasetFileNatives(session)
}

/// A path argument as a file URL; `~/` expands to the home folder.
func fileURL(_ args: Arguments, _ name: String) throws -> URL {
  let path = try args.string(name)
  guard !path.isEmpty else { throw args.bad(name, expected: "a file path") }
  if path.hasPrefix("~/") {
    return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(
      String(path.dropFirst(2)))
  }
  return URL(fileURLWithPath: path)
}

/// The optional `limit` argument: nil or a non-negative integer.
private func limit(_ args: Arguments) throws -> Int? {
  try args.optional("limit", args.nonNegativeInt)
}

/// The `split` argument: "train" or "test".
private func split(_ args: Arguments) throws -> Split {
  guard let split = Split(rawValue: try args.string("split")) else {
    throw args.bad("split", expected: "\"train\" or \"test\"")
  }
  return split
}

private func realDatasetNatives(_ session: Session) -> [NativeFunction] {
  [
    NativeFunction(
      name: "fashion_mnist",
      params: [
        Parameter("split", default: .string("train")), Parameter("limit", default: .nil),
        Parameter("dir", default: .nil),
      ],
      doc: """
        Fashion-MNIST (Zalando, MIT licence): 28×28 greyscale clothing images in 10 classes,
        60,000 for "train" and 10,000 for "test", pixels in [0, 1], shape [N, 1, 28, 28].
        Read from Debian's dataset-fashion-mnist (or `dir`); `limit` reads only the first
        examples.

            let train = fashion_mnist("train", limit: 5000)
        """
    ) { args in
      let dir = try args.optional("dir") { try fileURL(args, $0) }
      return .native(
        DatasetObject(
          try FashionMNIST.load(split: try split(args), directory: dir, limit: try limit(args)),
          session: session))
    },
    NativeFunction(
      name: "mnist",
      params: [
        Parameter("dir", default: .nil), Parameter("split", default: .string("train")),
        Parameter("limit", default: .nil),
      ],
      doc: """
        MNIST handwritten digits from a folder of IDX files (gzipped or not), or from
        $LRNB_DATA/mnist: shape [N, 1, 28, 28] in [0, 1], classes "0"…"9".

            # not run: needs MNIST's IDX files
            let test = mnist("data/mnist", split: "test")
        """
    ) { args in
      let dir = try args.optional("dir") { try fileURL(args, $0) }
      return .native(
        DatasetObject(
          try MNIST.load(split: try split(args), directory: dir, limit: try limit(args)),
          session: session))
    },
    NativeFunction(
      name: "digits", params: [],
      doc: """
        The UCI optical digits bundled with lrnb: 1,797 greyscale 8×8 images of 0–9, shape
        [1797, 1, 8, 8] in [0, 1]. Small enough for any lesson.

            let parts = digits().split(0.8)
        """
    ) { _ in .native(DatasetObject(try UCIDigits.load(), session: session)) },
    NativeFunction(
      name: "dataset",
      params: [
        Parameter("x"), Parameter("y"), Parameter("classes", default: .nil),
        Parameter("name", default: .string("data")), Parameter("regression", default: .bool(false)),
      ],
      doc: """
        A dataset from inputs `x` [N, …] and labels `y`: whole numbers ≥ 0 are classes (named
        by `classes`, a list of strings); with `regression: true`, `y` [N, …] are targets.

            let d = dataset(randn([100, 2]), (0..<100).map(fn(i) { i % 2 }))
        """
    ) { args in
      let x = try args.tensor("x")
      let y = try args.tensor("y")
      let name = try args.string("name")
      if try args.bool("regression") {
        return .native(
          DatasetObject(try Dataset(name: name, inputs: x, targets: y), session: session))
      }
      guard y.rank == 1, y.scalars.allSatisfy({ $0 >= 0 && $0 == $0.rounded() && $0 < 0x1p24 })
      else {
        throw args.bad("y", expected: "class labels (whole numbers ≥ 0), or pass regression: true")
      }
      let classes = try args.optional("classes") {
        try args.list($0).map { $0.asString ?? $0.description }
      }
      return .native(
        DatasetObject(
          try Dataset(
            name: name, inputs: x, labels: y.scalars.map { Int($0) }, classNames: classes),
          session: session))
    },
  ]
}
