// Progress events for the CLI to print: `[3/12] train (nb.lrnb:45) … 4.2 s`.

/// A cell starting or finishing, reported while a notebook runs.
public enum RunEvent: Sendable {
  /// A cell is about to run (not sent for cells that do not run).
  case started(CellProgress)
  /// A cell's outcome, with its wall time when it ran; sent for every cell.
  case finished(CellProgress, CellStatus, Duration?)

  /// The line for a log (finished events) or the start of a line a TTY completes later.
  ///
  ///     [3/12] train (nb.lrnb:45) …
  ///     [3/12] train (nb.lrnb:45) … 4.2 s
  ///     [4/12] nb.lrnb:60 … failed after 0.3 s
  public var line: String {
    switch self {
    case .started(let progress):
      return "\(progress.prefix) …"
    case .finished(let progress, let status, let duration):
      return "\(progress.prefix) … \(Self.outcome(status, duration))"
    }
  }

  /// The end of a finished line: a time, or what happened instead.
  public static func outcome(_ status: CellStatus, _ duration: Duration?) -> String {
    let time = duration.map(formatDuration) ?? ""
    switch status {
    case .succeeded: return time
    case .failed: return duration == nil ? "failed" : "failed after \(time)"
    case .skipped: return "skipped (eval: false)"
    case .notRun: return "not run"
    }
  }
}

/// Which cell of how many, and where it is.
public struct CellProgress: Sendable, Hashable {
  /// 1-based position and the number of cells.
  public var index: Int
  /// How many cells the notebook has.
  public var total: Int
  /// The cell's label, if it has one.
  public var label: String?
  /// `file:line` of the cell's fence.
  public var location: String

  /// `[3/12] train (nb.lrnb:45)`, or `[3/12] nb.lrnb:45` for a cell without a label.
  public var prefix: String {
    if let label { return "[\(index)/\(total)] \(label) (\(location))" }
    return "[\(index)/\(total)] \(location)"
  }
}

/// Human time: `<1 ms`, `340 ms`, `4.2 s`, `2 min 5 s`.
public func formatDuration(_ duration: Duration) -> String {
  let seconds =
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  if seconds < 0.001 { return "<1 ms" }
  if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
  if seconds < 59.95 { return "\((seconds * 10).rounded() / 10) s" }
  let whole = Int(seconds.rounded())
  return "\(whole / 60) min \(whole % 60) s"
}
