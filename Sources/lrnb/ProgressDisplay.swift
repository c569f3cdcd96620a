// Progress on stderr while notebooks run: a line per cell, live bars for long natives.
import Bindings
import Foundation
import Notebook

/// Shows a run's progress. On a terminal the current cell's line is redrawn in place
/// (`\r`) with a bar while a native such as `fit` reports steps; elsewhere (a log, CI)
/// each cell gets one finished line and long tasks a plain line every few seconds.
///
///     [3/12] train ██████▍          fit 42% · epoch 2/3 · loss 0.41 · 3.1 s
///     [3/12] train (nb.lrnb:45) … 7.9 s (cache miss: the code changed)
final class ProgressDisplay {
  /// Redraws at most this often: a training loop reports thousands of steps a second.
  static let redrawInterval: Duration = .milliseconds(100)
  /// Plain mode writes a task's progress at most this often.
  static let plainInterval: Duration = .seconds(5)
  /// The bar's width in characters.
  static let barWidth = 16

  private let live: Bool
  private let width: Int
  private let write: (String) -> Void
  private let now: () -> ContinuousClock.Instant
  /// The running cell: its line's prefix, a shorter one for bars, and its start.
  private var cell: (prefix: String, short: String, started: ContinuousClock.Instant)?
  private var lastDraw: ContinuousClock.Instant?

  /// A display writing through `write`; `live` redraws lines (a terminal `width` wide).
  init(
    live: Bool, width: Int = 80, write: @escaping (String) -> Void,
    now: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }
  ) {
    self.live = live
    self.width = max(width, 20)
    self.write = write
    self.now = now
  }

  /// The display for stderr: live when stderr is a terminal, as wide as the terminal
  /// (or `COLUMNS`, or 80 columns).
  static func standardError() -> ProgressDisplay {
    var size = winsize()
    let columns =
      ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
      ? Int(size.ws_col)
      : ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) } ?? 80
    return ProgressDisplay(live: Terminal.stderrIsTerminal, width: columns, write: Terminal.err)
  }

  /// A cell started or finished.
  func show(_ event: RunEvent) {
    switch event {
    case .started(let progress):
      let short = "[\(progress.index)/\(progress.total)] \(progress.label ?? progress.location)"
      cell = (progress.prefix, short, now())
      lastDraw = nil
      if live { write("\r\u{1B}[K" + fitted(event.line)) }
    case .finished:
      write((live ? "\r\u{1B}[K" : "") + event.line + "\n")
      cell = nil
    }
  }

  /// A long-running native's progress within the current cell.
  func show(_ update: ProgressUpdate) {
    let time = now()
    if live {
      let done = update.total > 0 && update.completed >= update.total
      if let lastDraw, time - lastDraw < Self.redrawInterval, !done { return }
    } else {
      // A line per interval, the first one interval into the cell: short tasks stay quiet.
      guard let since = lastDraw ?? cell?.started, time - since >= Self.plainInterval else {
        return
      }
    }
    lastDraw = time
    let elapsed = cell.map { formatDuration(time - $0.started) }
    let percent = update.total > 0 ? min(100, update.completed * 100 / update.total) : nil
    var status = [update.task + (percent.map { " \($0)%" } ?? "")]
    if !live, update.total > 0 { status[0] += " (\(update.completed)/\(update.total))" }
    if !update.detail.isEmpty { status.append(update.detail) }
    if let elapsed { status.append(elapsed) }
    let text = status.joined(separator: " · ")
    if live {
      let fraction = update.total > 0 ? Double(update.completed) / Double(update.total) : 0
      write("\r\u{1B}[K" + fitted("\(cell?.short ?? "") \(Self.bar(fraction)) \(text)"))
    } else {
      write("\(cell?.prefix ?? "")   \(text)\n")
    }
  }

  /// `████▌           ` for 0.28 of `barWidth`: eighth blocks for a smooth edge.
  static func bar(_ fraction: Double) -> String {
    let eighths = Int((min(max(fraction, 0), 1) * Double(barWidth * 8)).rounded(.down))
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
    let full = String(repeating: "█", count: eighths / 8)
    let filled = full + partial
    return filled + String(repeating: " ", count: barWidth - filled.count)
  }

  /// The line cut to the terminal's width: a wrapped line cannot be redrawn with `\r`.
  private func fitted(_ line: String) -> String {
    line.count < width ? line : String(line.prefix(width - 2)) + "…"
  }
}
