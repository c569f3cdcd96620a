// Documentation from one source: the methods of native types registered for `lrnb docs`
// and completion, and docs/reference.md made from everything an interpreter documents.
import Lang

extension Library {
  /// Registers the method tables of native types (tensor, dataset) for documentation.
  static func documentNativeMethods(_ interpreter: Interpreter) {
    interpreter.documentMethods(
      of: "tensor",
      TensorObject.methods.values.map { m in
        NativeFunction(name: m.name, params: m.params, doc: m.doc) { _ in .nil }
      })
    interpreter.documentMethods(
      of: "dataset",
      datasetMethods.values.map { m in
        NativeFunction(name: m.name, params: m.params, doc: m.doc) { _ in .nil }
      })
  }

  /// The command that regenerates docs/reference.md.
  public static let referenceCommand = "swift run lrnb docs --markdown > docs/reference.md"

  /// docs/reference.md: every native, method and stdlib function of `interpreter`
  /// (one made by `makeInterpreter`), grouped, with signatures, docs and examples.
  public static func referenceMarkdown(_ interpreter: Interpreter) -> String {
    DocEntry.markdown(
      interpreter.documentation, title: "lr reference",
      preface: """
        Every function and method *lr* offers, generated from their doc strings by \
        `lrnb docs --markdown` (regenerate with `make docs` or `\(referenceCommand)`; a test \
        fails when this file is stale). `lrnb docs NAME` shows one entry in the terminal.
        """)
  }
}
