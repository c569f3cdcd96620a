// The result of running a notebook: every cell's outputs, status and time.
import Foundation
import Lang

/// Everything a report needs from one run: per-cell results in order, the parameters
/// and seed used, and timing.
public struct NotebookRun: Sendable {
  /// The notebook that ran.
  public var notebook: Notebook
  /// One result per cell, in notebook order.
  public var cells: [CellResult]
  /// The parameters the cells saw, overrides applied.
  public var parameters: [Parameter]
  /// The seed the kernel was given (nil: its own default).
  public var seed: UInt64?
  /// The lrnb version that produced the run (shown in the footer, part of cache keys).
  public var toolVersion: String
  /// When the run started, for the footer and `date: today`.
  public var startedAt: Date
  /// Wall time of the whole run.
  public var totalTime: Duration
  /// Problems before the first cell (a parameter the kernel refused); nothing ran then.
  public var setupFailure: RunFailure?

  /// Cells that failed and did not allow it (`error: true` cells are not counted).
  public var failedCells: [CellResult] { cells.filter(\.stopsRun) }

  /// True when no setup problem and no cell failure stopped the run.
  public var succeeded: Bool { setupFailure == nil && failedCells.isEmpty }

  /// The process exit status for the run: 0 on success, 65 when the first failure is a
  /// syntax error, 70 for a runtime error (the BSD `sysexits` the CLI uses elsewhere).
  public var exitStatus: Int32 {
    if let failure = setupFailure ?? failedCells.first?.failure {
      return failure.isSyntaxError ? 65 : 70
    }
    return 0
  }
}

/// What happened to one cell.
public enum CellStatus: String, Sendable, Hashable {
  /// Ran to the end.
  case succeeded
  /// Stopped with an error (shown in the report; stops the run unless allowed).
  case failed
  /// Not run because of `eval: false`.
  case skipped
  /// Not run because an earlier cell failed.
  case notRun = "not run"
}

/// One cell's outcome.
public struct CellResult: Sendable {
  /// The cell.
  public var cell: Cell
  /// Whether it ran, failed, or was skipped.
  public var status: CellStatus
  /// Printed text and displays in the order produced; the last expression's display last.
  public var outputs: [OutputItem]
  /// The error that stopped the cell, when it failed.
  public var failure: RunFailure?
  /// Wall time, for cells that ran.
  public var duration: Duration?
  /// For `cache: true` cells, how the cell's key compares with the last run.
  public var cache: CacheStatus?

  /// Creates a result.
  public init(
    cell: Cell, status: CellStatus, outputs: [OutputItem] = [], failure: RunFailure? = nil,
    duration: Duration? = nil, cache: CacheStatus? = nil
  ) {
    self.cell = cell
    self.status = status
    self.outputs = outputs
    self.failure = failure
    self.duration = duration
    self.cache = cache
  }

  /// True for a failure the notebook did not allow with `error: true`.
  public var stopsRun: Bool { status == .failed && !cell.options.error }
}
