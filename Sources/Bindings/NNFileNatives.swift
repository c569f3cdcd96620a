// Natives that save and load models as safetensors files.
import Foundation
import Lang
import NeuralNets
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

func nnFileNatives() -> [NativeFunction] {
  [
    NativeFunction(
      name: "save", params: [Parameter("net"), Parameter("path")],
      doc: """
        Writes a model to a safetensors file (tensors named like `layers.0.U`, architecture in the \
        header), readable by Python's safetensors/NumPy. Returns the path.

            # not run: writes a file
            save(net, "lenet.safetensors")
        """
    ) { args in
      let path = try args.string("path")
      try args.model("net").save(to: URL(fileURLWithPath: path))
      return .string(path)
    },
    NativeFunction(
      name: "load", params: [Parameter("path")],
      doc: """
        Reads a model written by `save`; it predicts exactly as the saved one did.

            # not run: needs a model file
            let net = load("lenet.safetensors")
        """
    ) { args in
      .native(
        ModelObject(try Sequential.load(contentsOf: URL(fileURLWithPath: try args.string("path")))))
    },
  ]
}
