// The real lr interpreter behind the runner: outputs, parameters, errors, timeouts, check.
import Lang
import Testing

@testable import Notebook

@Suite struct InterpreterKernelTests {
  func run(_ text: String, seeds: Box = Box()) throws -> NotebookRun {
    let kernel = InterpreterKernel(
      interpreter: Interpreter(output: CollectingSink()), seed: { seeds.values.append($0) })
    return NotebookRunner(kernel: kernel).run(try Fixtures.read(text))
  }

  final class Box { var values: [UInt64] = [] }

  @Test func cellsShareGlobalsAndShowTheLastValue() throws {
    let text = """
      ---
      seed: 5
      params:
        epochs: 3
        cfg: {rank: 8, name: low}
      ---
      ```lr
      let twice = epochs * 2
      print("twice is \\(twice)")
      ```

      ```lr
      fn scale(x) { x * cfg.rank }
      scale(twice)
      ```

      ```lr
      {rank: cfg.rank, name: cfg.name}
      ```

      ```lr
      let quiet = 1;
      ```
      """
    let seeds = Box()
    let run = try run(text, seeds: seeds)
    #expect(run.succeeded)
    #expect(seeds.values == [5])
    #expect(run.cells[0].outputs == [.stdout("twice is 6\n")])
    #expect(run.cells[1].outputs == [.display(.text("48"))])
    #expect(
      run.cells[2].outputs == [
        .display(.table(Display.Table(columns: ["rank", "name"], rows: [["8", "low"]])))
      ])
    #expect(run.cells[3].outputs.isEmpty)
  }

  @Test func errorsPointAtNotebookLines() throws {
    let text = "# Title\n\n```lr\nlet a = 1\nlet b = a + missing\n```\n\n```lr\nlet c = (1 +\n```\n"
    let run = try run(text)
    let failure = try #require(run.cells[0].failure?.diagnostics.first)
    #expect(failure.range.start.line == 5)
    #expect(failure.range.file == "nb.lrnb")
    #expect(run.cells[1].status == .notRun)
    let html = HTMLReport(run: run).render()
    #expect(
      html.contains("   5 | let b = a + missing") || html.contains("  5 | let b = a + missing"))
  }

  @Test func parametersAreConstants() throws {
    let run = try run("---\nparams:\n  n: 1\n---\n```lr\nn = 2\n```\n")
    #expect(run.cells[0].status == .failed)
  }

  @Test func timeoutStopsARunawayCell() throws {
    let run = try run(
      "```lr\n#| timeout: 0.2\nvar i = 0\nwhile true { i += 1 }\n```\n\n```lr\nprint(\"next\")\n```\n"
    )
    let message = try #require(run.cells[0].failure?.diagnostics.first?.message)
    #expect(message == "cell stopped after its timeout of 0.2 s (#| timeout)")
    #expect(run.cells[1].status == .notRun)
  }

  @Test func timeoutShorterThanCompilingStillStops() throws {
    // The timer fires before the interpreter starts (and clears its switch): it must
    // fire again, or this loop would never end.
    for _ in 0..<20 {
      let run = try run("```lr\n#| timeout: 0.000001\nwhile true {}\n```\n")
      #expect(run.cells[0].status == .failed)
    }
  }

  @Test func interpreterStaysUsableAfterATimeout() throws {
    var options = RunOptions()
    options.keepGoing = true
    let kernel = InterpreterKernel(interpreter: Interpreter(output: CollectingSink()))
    let notebook = try Fixtures.read(
      "```lr\n#| timeout: 0.1\nwhile true {}\n```\n\n```lr\nprint(\"after\")\n```\n")
    let run = NotebookRunner(kernel: kernel, options: options).run(notebook)
    #expect(run.cells[1].outputs == [.stdout("after\n")])
  }

  @Test func checkFindsSyntaxErrorsWithoutRunning() throws {
    let kernel = InterpreterKernel(interpreter: Interpreter(output: CollectingSink()))
    let notebook = try Fixtures.read(
      "```lr\nprint(\"ran\")\nlet x = (\n```\n\n```lr\nlet ok = 1\n```\n")
    let problems = notebook.check(with: kernel)
    #expect(!problems.isEmpty)
    #expect(problems.allSatisfy { $0.range.start.line >= 2 && $0.range.start.line <= 4 })
    #expect(kernel.interpreter.globalValue("ok") == nil)
  }
}
