// Every builtin and method of a built-in type documents itself with a summary and an
// example, and every example runs in a fresh interpreter.
import Testing

@testable import Lang

@Test func everyBuiltinHasASummaryAndAnExample() {
  let entries = Interpreter(output: CollectingSink()).documentation
  #expect(entries.count > 60)
  for entry in entries {
    #expect(!entry.summary.isEmpty, "\(entry.name) has no summary")
    #expect(!entry.examples.isEmpty, "\(entry.name) has no example")
  }
}

@Test(arguments: Interpreter(output: CollectingSink()).documentation.map(\.name))
func builtinExamplesRun(_ name: String) throws {
  let entry = try #require(
    Interpreter(output: CollectingSink()).documentation.first { $0.name == name })
  for example in entry.runnableExamples {
    let interp = Interpreter(output: CollectingSink())
    #expect(throws: Never.self, "example of \(name): \(example)") {
      try interp.run(Source(name: "example.lr", text: example))
    }
  }
}

@Test func docEntriesSplitProseFromExamples() {
  let entry = DocEntry(
    name: "f", group: "g", signature: "f(x)",
    doc:
      "Does f.\nOn two lines.\n\n    f(1)\n    f(2)\n\nMore prose.\n\n    # not run: needs a file\n    f(3)"
  )
  #expect(entry.summary == "Does f. On two lines.")
  #expect(entry.examples == ["f(1)\nf(2)", "# not run: needs a file\nf(3)"])
  #expect(entry.runnableExamples == ["f(1)\nf(2)"])
  #expect(entry.markdown.contains("```lr\nf(1)\nf(2)\n```"))
}

@Test func nativeGroupsComeFromTheirFiles() {
  #expect(NativeFunction.group(fromFile: "Bindings/MathNatives.swift") == "math")
  #expect(NativeFunction.group(fromFile: "Bindings/LinearAlgebraNatives.swift") == "linear algebra")
  #expect(NativeFunction.group(fromFile: "Bindings/NNNatives+Layers.swift") == "nn")
  #expect(NativeFunction.group(fromFile: "Lang/Builtins+Format.swift") == "builtins")
}

@Test func docCommentsDocumentLrFunctions() throws {
  let interp = Interpreter(output: CollectingSink())
  _ = try interp.run(
    Source(
      name: "stdlib/helpers.lr",
      text: "## Twice x.\n##\n##     twice(2)\nfn twice(x) { x * 2 }\n# plain\nfn bare() { 1 }\n"
        + "## Private.\nfn _hidden() { 0 }\n## Halves.\nlet half = fn(x) { x / 2 }"))
  let docs = interp.documentation.filter { $0.group == "helpers" }
  #expect(docs.map(\.name) == ["bare", "half", "twice"])
  #expect(docs.first { $0.name == "twice" }?.doc == "Twice x.\n\n    twice(2)")
  #expect(docs.first { $0.name == "half" }?.summary == "Halves.")
  #expect(docs.first { $0.name == "bare" }?.doc == "")
}
