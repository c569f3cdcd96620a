// A cell that declares a parameter again is an error at the declaration, so a `-p`
// override is never silently lost; reading the parameter and locals of its name work.
import Foundation
import Lang
import Testing
import _TestSupport

@testable import Notebook

@Suite struct ParameterShadowingTests {
  static let shadowing = """
    ---
    title: Shadowing
    params:
      epochs: 10
    ---

    ```lr
    print("before")
    var epochs = 10
    print("epochs = \\(epochs)")
    ```

    ```lr
    print("later")
    ```
    """

  static let message =
    "'epochs' is a notebook parameter (front matter, line 4); this 'var' would hide it and "
    + "-p epochs=… would be ignored: use the parameter, or choose another name"

  /// Runs `text` in a fresh interpreter with the overrides applied, as `lrnb run -p` does.
  func run(_ text: String, _ overrides: [String] = []) throws
    -> (NotebookRun, InterpreterKernel)
  {
    let notebook = try Fixtures.read(text)
    var options = RunOptions()
    options.parameters = try notebook.parameters(
      applying: try overrides.map { try ParameterOverride.parse($0) })
    let kernel = InterpreterKernel(interpreter: Interpreter(output: CollectingSink()))
    return (NotebookRunner(kernel: kernel, options: options).run(notebook), kernel)
  }

  @Test func aCellDeclaringAParameterFailsAtTheDeclarationAndRunsNothing() throws {
    let (run, _) = try run(Self.shadowing, ["epochs=7"])
    let failure = try #require(run.cells[0].failure)
    let diagnostic = try #require(failure.diagnostics.first)
    #expect(failure.diagnostics.count == 1)
    #expect(diagnostic.message == Self.message)
    #expect(diagnostic.kind == .syntax)
    #expect("\(diagnostic.range)" == "nb.lrnb:9:5")
    #expect(diagnostic.range.end.column == 11)
    #expect(run.cells[0].outputs.isEmpty)  // not even the print before it
    #expect(run.cells[1].status == .notRun)
    #expect(run.exitStatus == 65)
    let rendered = DiagnosticRenderer(sources: [run.notebook.source]).render(diagnostic)
    #expect(
      rendered == "nb.lrnb:9:5: error: \(Self.message)\n  9 | var epochs = 10\n    |     ^~~~~~\n")
  }

  @Test func checkReportsTheSameErrorWithoutAnOverride() throws {
    let notebook = try Fixtures.read(Self.shadowing)
    let kernel = InterpreterKernel(interpreter: Interpreter(output: CollectingSink()))
    let problems = notebook.check(with: kernel)
    #expect(problems.map(\.message) == [Self.message])
    #expect(problems.map { "\($0.range)" } == ["nb.lrnb:9:5"])
  }

  @Test func everyTopLevelBindingFormIsRefused() throws {
    let text = """
      ---
      params: {epochs: 1, rate: 0.1, tag: x}
      ---
      ```lr
      let (a, rate) = [1, 2]
      fn tag() { 1 }
      let epochs = epochs
      ```
      """
    let kernel = InterpreterKernel(interpreter: Interpreter(output: CollectingSink()))
    let problems = try Fixtures.read(text).check(with: kernel)
    #expect(problems.map { "\($0.range)" } == ["nb.lrnb:5:9", "nb.lrnb:6:4", "nb.lrnb:7:5"])
    #expect(problems[0].message.hasPrefix("'rate' is a notebook parameter (front matter, line 2);"))
    #expect(problems[1].message.contains("this 'fn' would hide it and -p tag=… would be ignored"))
    #expect(problems[2].message.contains("this 'let' would hide it"))
  }

  @Test func theOverrideReachesCellsThatReadTheParameter() throws {
    let text = """
      ---
      params:
        epochs: 10
      ---

      ```lr
      fn train() {
        var epochs = 2
        epochs
      }
      var total = 0
      for epochs in 0..<3 { total += epochs }
      if true { let epochs = "block" }
      print("epochs = \\(epochs), local = \\(train()), total = \\(total)")
      ```
      """
    let (run, _) = try run(text, ["epochs=7"])
    #expect(run.succeeded, "\(run.cells.map(\.failure))")
    #expect(run.cells[0].outputs == [.stdout("epochs = 7, local = 2, total = 3\n")])
  }

  @Test func theReservationEndsWithTheKernel() throws {
    // A REPL `:load`s a notebook through a kernel of its own; its later entries run in
    // the same interpreter, where there is no `-p` to lose.
    let (run, kernel) = try run("---\nparams: {epochs: 3}\n---\n```lr\nprint(epochs)\n```\n")
    #expect(run.succeeded)
    _ = try kernel.interpreter.run(Source(name: "repl", text: "var epochs = 4"))
    #expect(kernel.interpreter.globalValue("epochs") == .number(4))
  }

  @Test func aStoredEntryHoldingAParameterIsNotRestored() throws {
    let writer = InterpreterKernel(interpreter: Interpreter(output: CollectingSink()))
    let mark = writer.markGlobals()
    _ = try writer.run(
      CellRequest(source: Source(name: "nb.lrnb", text: "var epochs = 10")), sink: CollectingSink())
    let state = try writer.saveChanges(since: mark)

    let reader = InterpreterKernel(interpreter: Interpreter(output: CollectingSink()))
    try reader.setParameter("epochs", .number(7), declaredAt: 3)
    #expect(throws: CacheRefusal("the stored values redefine the parameter 'epochs'")) {
      try reader.restore(state)
    }
    #expect(reader.interpreter.globalValue("epochs") == .number(7))
  }
}
