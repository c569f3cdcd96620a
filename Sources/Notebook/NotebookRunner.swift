// Running a notebook: parameters and seed first, then cells top to bottom in one scope.
import Foundation
import Lang

/// How a run behaves; the CLI fills it from its flags.
public struct RunOptions {
  /// The parameters to define (see `Notebook.parameters(applying:)`); nil uses the
  /// notebook's own.
  public var parameters: [Parameter]?
  /// A seed overriding the front matter's.
  public var seed: UInt64?
  /// Run every cell even after a failure (`--keep-going`); the run still fails.
  public var keepGoing = false
  /// The lrnb version, for the footer and cache keys.
  public var toolVersion = "dev"
  /// Which build of lrnb this is (empty when unknown), for cache keys only: a rebuilt
  /// lrnb of the same version may compute different values, so it must not restore
  /// cells the old build cached. Not shown in reports, which stay the same across builds.
  public var toolBuild = ""
  /// Cache bookkeeping for `cache: true` cells, or nil to skip it.
  public var cache: CellCache?
  /// Called as each cell starts and finishes (the CLI prints progress to stderr).
  public var progress: ((RunEvent) -> Void)?

  /// Default options: the notebook's parameters and seed, stop at the first failure.
  public init() {}
}

/// Runs a notebook's cells through a kernel.
///
///     var options = RunOptions()
///     options.progress = { FileHandle.standardError.write(Data(($0.line + "\n").utf8)) }
///     let run = NotebookRunner(kernel: kernel, options: options).run(notebook)
///     let html = try ReportWriter(run: run).write(to: outputDirectory)
///     exit(run.exitStatus)
public final class NotebookRunner {
  /// The kernel every cell runs in.
  public let kernel: any Kernel
  /// How the run behaves.
  public var options: RunOptions

  /// Creates a runner over a configured kernel.
  public init(kernel: any Kernel, options: RunOptions = RunOptions()) {
    self.kernel = kernel
    self.options = options
  }

  /// Runs every cell. Failures are recorded in the result, never thrown: the report is
  /// written for a failed run too.
  public func run(_ notebook: Notebook) -> NotebookRun {
    let clock = ContinuousClock()
    let started = clock.now
    let parameters = options.parameters ?? notebook.frontMatter.parameters
    let seed = options.seed ?? notebook.frontMatter.seed
    var result = NotebookRun(
      notebook: notebook, cells: [], parameters: parameters, seed: seed,
      toolVersion: options.toolVersion,
      startedAt: Date(), totalTime: .zero)

    result.setupFailure = setUp(notebook, parameters: parameters, seed: seed)
    var stopped = result.setupFailure != nil
    // A cache entry assumes the globals every earlier cell left behind; after a failure
    // (even an allowed one) they may differ, so later cells run instead of restoring.
    var restorable = true
    var upstream = ""
    let cells = notebook.cells
    options.cache?.liveSlugs = Set(cells.map(\.slug))
    for (index, cell) in cells.enumerated() {
      let progress = CellProgress(
        index: index + 1, total: cells.count, label: cell.options.label,
        location: "\(notebook.name):\(cell.fenceLine)")
      // Keys chain through every cell, cached or not: any cell may change the globals.
      let key = options.cache.map { _ in
        CacheKey(
          cell: cell, upstream: upstream, parameters: parameters, seed: seed,
          toolVersion: options.toolBuild.isEmpty
            ? options.toolVersion : "\(options.toolVersion) build \(options.toolBuild)")
      }
      upstream = key?.digest ?? ""
      var cellResult: CellResult
      if stopped {
        cellResult = CellResult(cell: cell, status: .notRun)
      } else if !cell.options.eval {
        cellResult = CellResult(cell: cell, status: .skipped)
      } else {
        options.progress?(.started(progress))
        if cell.options.cache, let cache = options.cache, let key {
          cellResult = executeCached(cell, key: key, cache: cache, restorable: restorable)
        } else {
          cellResult = execute(cell)
        }
        if cellResult.status == .failed { restorable = false }
        if cellResult.stopsRun && !options.keepGoing { stopped = true }
      }
      options.progress?(
        .finished(progress, cellResult.status, cellResult.duration, cellResult.cache))
      result.cells.append(cellResult)
    }
    result.totalTime = clock.now - started
    return result
  }

  /// Seeds the kernel and defines the parameters; a refused parameter stops the run.
  private func setUp(_ notebook: Notebook, parameters: [Parameter], seed: UInt64?) -> RunFailure? {
    if let seed { kernel.seed(seed) }
    let problems = notebook.define(parameters, in: kernel)
    return problems.isEmpty ? nil : RunFailure(problems)
  }

  /// Runs one cell, collecting its output and timing it.
  func execute(_ cell: Cell) -> CellResult {
    let sink = CollectingSink()
    let clock = ContinuousClock()
    let start = clock.now
    do {
      let display = try kernel.run(CellRequest(cell), sink: sink)
      var outputs = sink.items
      if let display { outputs.append(.display(display)) }
      return CellResult(
        cell: cell, status: .succeeded, outputs: outputs, duration: clock.now - start)
    } catch {
      return CellResult(
        cell: cell, status: .failed, outputs: sink.items, failure: error,
        duration: clock.now - start)
    }
  }
}
