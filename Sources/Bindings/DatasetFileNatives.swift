// Natives that read and write data files: load_csv, load_npy, load_images, and safetensors.
import Datasets
import Foundation
import Lang
import Tensors

/// A CSV column argument: a number (position, negative from the end) or a header name.
private func column(_ value: Value, _ args: Arguments, _ name: String) throws -> CSV.Column {
  switch value {
  case .number(let x):
    guard let i = wholeNumber(x) else { throw args.bad(name, expected: "a column number or name") }
    return .index(i)
  case .string(let s): return .name(s)
  default: throw args.bad(name, expected: "a column number or name")
  }
}

func datasetFileNatives(_ session: Session) -> [NativeFunction] {
  [
    NativeFunction(
      name: "load_csv",
      params: [
        Parameter("path"), Parameter("label", default: .number(-1)),
        Parameter("targets", default: .nil), Parameter("header", default: .nil),
        Parameter("delimiter", default: .nil),
      ],
      doc: """
        A dataset from a numeric CSV file (gzipped or not). `label` is the class column (a
        number, -1 = last, or a header name); text labels become classes in sorted order.
        With `targets` (a list of columns) it is a regression dataset. The header row and
        delimiter are detected unless given.

            # not run: needs a CSV file
            let iris = load_csv("iris.csv", label: "species")
        """
    ) { args in
      let label = try column(try args.value("label"), args, "label")
      let targets = try args.optional("targets") { name in
        try args.list(name).map { try column($0, args, name) }
      }
      let header = try args.optional("header", args.bool)
      let delimiter = try args.optional("delimiter") { name -> Character in
        let text = try args.string(name)
        guard text.count == 1, let c = text.first else {
          throw args.bad(name, expected: "one character")
        }
        return c
      }
      let data = try CSV.load(
        try fileURL(args, "path"), label: label, targets: targets, header: header,
        delimiter: delimiter)
      return .native(DatasetObject(data, session: session))
    },
    NativeFunction(
      name: "load_npy", params: [Parameter("path")],
      doc: """
        The array in a NumPy .npy file (gzipped or not) as a tensor; combine arrays into a
        dataset with dataset(x, y).

            # not run: needs .npy files
            let d = dataset(load_npy("x.npy"), load_npy("y.npy"))
        """
    ) { args in .native(TensorObject(try NPY.read(try fileURL(args, "path")))) },
    NativeFunction(
      name: "load_images", params: [Parameter("dir"), Parameter("channels", default: .nil)],
      doc: """
        A dataset from a folder of PNG images, one subfolder per class (named after it).
        Images share one size; grey images give [N, 1, H, W], colour [N, 3, H, W], in [0, 1].

            # not run: needs a folder of PNG images
            let pets = load_images("pets")
        """
    ) { args in
      let channels = try args.optional("channels", args.positiveInt)
      return .native(
        DatasetObject(
          try ImageFolder.load(try fileURL(args, "dir"), channels: channels), session: session))
    },
    NativeFunction(
      name: "save_tensors",
      params: [Parameter("path"), Parameter("tensors"), Parameter("metadata", default: .nil)],
      doc: """
        Writes a record of tensors to a safetensors file (atomically), readable by PyTorch
        and NumPy; `metadata` is a record of strings stored in the header.

            # not run: writes a file
            save_tensors("weights.safetensors", {W: randn([4, 3]), b: zeros([4])})
        """
    ) { args in
      var tensors: [String: Tensor] = [:]
      for (name, value) in try args.record("tensors").fields {
        guard let t = try tensorValue(value) else {
          throw args.bad(
            "tensors", expected: "a record of tensors ('\(name)' is \(value.typeName))")
        }
        tensors[name] = t
      }
      let metadata = try args.optional("metadata", args.record)?.fields.reduce(
        into: [String: String]()
      ) {
        $0[$1.0] = $1.1.asString ?? $1.1.description
      }
      try SafeTensors.write(tensors, metadata: metadata ?? [:], to: try fileURL(args, "path"))
      return .nil
    },
    NativeFunction(
      name: "load_tensors",
      params: [Parameter("path"), Parameter("metadata", default: .bool(false))],
      doc: """
        The tensors of a safetensors file as a record (in file order); with `metadata: true`,
        a record {tensors, metadata}.

            # not run: needs a safetensors file
            let w = load_tensors("weights.safetensors")
            w.W.shape
        """
    ) { args in
      let archive = try SafeTensors.read(contentsOf: try fileURL(args, "path"))
      let tensors = Value.record(
        archive.names.compactMap { name in
          archive.tensors[name].map { (name, Value.native(TensorObject($0))) }
        })
      guard try args.bool("metadata") else { return tensors }
      let metadata = Value.record(
        archive.metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
      return .record([("tensors", tensors), ("metadata", metadata)])
    },
  ]
}
