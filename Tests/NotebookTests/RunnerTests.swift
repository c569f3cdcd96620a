// The runner: order, shared state, outputs, failures, keep-going, progress, parameters.
import Lang
import Testing

@testable import Notebook

@Suite struct RunnerTests {
  @Test func runsCellsInOrderWithSharedState() throws {
    let (run, kernel) = try Fixtures.run(
      "```lr\nset x = 41\n```\n\n```lr\nprint $x\nshow last\n```\n")
    #expect(run.succeeded && run.exitStatus == 0)
    #expect(run.cells.map(\.status) == [.succeeded, .succeeded])
    #expect(run.cells[1].outputs == [.stdout("41\n"), .display(.text("last"))])
    #expect(kernel.requests.map(\.source.firstLine) == [2, 6])
    #expect(run.cells.allSatisfy { $0.duration != nil })
  }

  @Test func parametersAndSeedComeFirst() throws {
    let (run, kernel) = try Fixtures.run(
      "---\nseed: 42\nparams:\n  epochs: 3\n---\n```lr\nprint $epochs\n```\n")
    #expect(kernel.seeds == [42])
    #expect(run.cells[0].outputs == [.stdout("3\n")])
    #expect(run.seed == 42)
  }

  @Test func failureStopsTheRunAndLaterCellsAreNotRun() throws {
    let text =
      "```lr\nprint a\n```\n\n```lr\nprint b\nfail boom\nprint never\n```\n\n```lr\nprint c\n```\n"
    let (run, kernel) = try Fixtures.run(text)
    #expect(run.cells.map(\.status) == [.succeeded, .failed, .notRun])
    #expect(run.cells[1].outputs == [.stdout("b\n")])
    #expect(run.cells[1].failure?.diagnostics.first?.range.start.line == 7)
    #expect(!run.succeeded && run.exitStatus == 70)
    #expect(kernel.requests.count == 2)
  }

  @Test func syntaxErrorExitStatus() throws {
    let (run, _) = try Fixtures.run("```lr\nsyntax unexpected '}'\n```\n")
    #expect(run.exitStatus == 65)
  }

  @Test func keepGoingRunsEverythingButStillFails() throws {
    var options = RunOptions()
    options.keepGoing = true
    let (run, _) = try Fixtures.run(
      "```lr\nfail one\n```\n\n```lr\nfail two\n```\n\n```lr\nprint c\n```\n", options: options)
    #expect(run.cells.map(\.status) == [.failed, .failed, .succeeded])
    #expect(run.failedCells.count == 2)
    #expect(!run.succeeded)
  }

  @Test func errorTrueShowsAndContinues() throws {
    let (run, _) = try Fixtures.run(
      "```lr\n#| error: true\nfail expected\n```\n\n```lr\nprint after\n```\n")
    #expect(run.cells.map(\.status) == [.failed, .succeeded])
    #expect(run.succeeded && run.failedCells.isEmpty)
  }

  @Test func evalFalseIsSkipped() throws {
    let (run, kernel) = try Fixtures.run("```lr\n#| eval: false\nfail would\n```\n")
    #expect(run.cells.map(\.status) == [.skipped])
    #expect(kernel.requests.isEmpty && run.succeeded)
  }

  @Test func requestCarriesExecutionOptions() throws {
    let (_, kernel) = try Fixtures.run(
      "```lr\n#| label: plot\n#| timeout: 3\n#| fig-width: 6\n#| fig-height: 4\nprint x\n```\n")
    let request = try #require(kernel.requests.first)
    #expect(request.label == "plot" && request.timeout == 3)
    #expect(request.figureWidth == 6 && request.figureHeight == 4)
  }

  @Test func refusedParameterStopsBeforeAnyCell() throws {
    let kernel = FakeKernel()
    kernel.refusedParameters = ["len"]
    let notebook = try Fixtures.read("---\nparams:\n  len: 1\n---\n```lr\nprint a\n```\n")
    let run = NotebookRunner(kernel: kernel).run(notebook)
    #expect(run.cells.map(\.status) == [.notRun])
    let problem = try #require(run.setupFailure?.diagnostics.first)
    #expect(problem.message == "cannot define parameter 'len': 'len' is a builtin")
    #expect(problem.range.start.line == 3)
    #expect(run.exitStatus == 70)
  }

  @Test func progressLines() throws {
    var lines: [String] = []
    var options = RunOptions()
    options.progress = { event in
      if case .finished = event { lines.append(event.line) }
    }
    let text =
      "```lr\n#| label: train\nprint a\n```\n\n```lr\nfail x\n```\n\n```lr\n#| eval: false\n```\n"
    let kernel = FakeKernel()
    _ = NotebookRunner(kernel: kernel, options: options).run(try Fixtures.read(text))
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("[1/3] train (nb.lrnb:1) … ") && lines[0].hasSuffix(" ms"))
    #expect(lines[1].hasPrefix("[2/3] nb.lrnb:6 … failed after "))
    #expect(lines[2] == "[3/3] nb.lrnb:10 … not run")
  }

  @Test func durations() {
    #expect(formatDuration(.microseconds(200)) == "<1 ms")
    #expect(formatDuration(.milliseconds(340)) == "340 ms")
    #expect(formatDuration(.milliseconds(4_240)) == "4.2 s")
    #expect(formatDuration(.seconds(125)) == "2 min 5 s")
  }

  @Test func checkUsesTheKernelWithoutRunning() throws {
    let kernel = FakeKernel()
    let notebook = try Fixtures.read(
      "---\nparams:\n  a: 1\n---\n```lr\nsyntax bad\n```\n\n```lr\n#| eval: false\nsyntax ignored\n```\n\n```lr\n#| colour: x\nprint ok\n```\n"
    )
    let problems = notebook.check(with: kernel)
    #expect(problems.map(\.range.start.line) == [6, 15])
    #expect(problems.map(\.severity) == [.error, .warning])
    #expect(kernel.requests.isEmpty && kernel.checked.count == 2)
    #expect(kernel.globals["a"] == "1")
  }
}
