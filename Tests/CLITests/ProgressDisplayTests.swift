// The progress display: finished lines in logs, redrawn bars on a terminal, throttling.
import Bindings
import Notebook
import Testing

@testable import lrnb

@Suite struct ProgressDisplayTests {
  final class Screen {
    var written: [String] = []
    var time = ContinuousClock.now
  }

  func display(live: Bool, _ screen: Screen, width: Int = 120) -> ProgressDisplay {
    ProgressDisplay(
      live: live, width: width, write: { screen.written.append($0) }, now: { screen.time })
  }

  let cell = CellProgress(index: 3, total: 12, label: "train", location: "nb.lrnb:45")

  @Test func plainModeWritesFinishedLinesAndOccasionalProgress() {
    let screen = Screen()
    let progress = display(live: false, screen)
    progress.show(.started(cell))
    #expect(screen.written.isEmpty)
    progress.show(ProgressUpdate(task: "fit", completed: 1, total: 100, detail: "epoch 1/2"))
    #expect(screen.written.isEmpty)  // too soon: short tasks stay quiet
    screen.time += .seconds(6)
    progress.show(ProgressUpdate(task: "fit", completed: 40, total: 100, detail: "epoch 1/2"))
    screen.time += .seconds(1)
    progress.show(ProgressUpdate(task: "fit", completed: 50, total: 100, detail: "epoch 1/2"))
    #expect(
      screen.written == ["[3/12] train (nb.lrnb:45)   fit 40% (40/100) · epoch 1/2 · 6.0 s\n"])
    progress.show(.finished(cell, .succeeded, .seconds(8), nil))
    #expect(screen.written.last == "[3/12] train (nb.lrnb:45) … 8.0 s\n")
    #expect(screen.written.allSatisfy { !$0.contains("\r") && !$0.contains("\u{1B}") })
  }

  @Test func liveModeRedrawsOneLineWithABar() {
    let screen = Screen()
    let progress = display(live: true, screen)
    progress.show(.started(cell))
    #expect(screen.written == ["\r\u{1B}[K[3/12] train (nb.lrnb:45) …"])
    progress.show(ProgressUpdate(task: "fit", completed: 50, total: 100, detail: "loss 0.5"))
    #expect(
      screen.written.last
        == "\r\u{1B}[K[3/12] train ████████         fit 50% · loss 0.5 · <1 ms")
    // Updates within the redraw interval are dropped, the last step is always drawn.
    progress.show(ProgressUpdate(task: "fit", completed: 60, total: 100))
    #expect(screen.written.count == 2)
    progress.show(ProgressUpdate(task: "fit", completed: 100, total: 100))
    #expect(screen.written.last?.contains("████████████████ fit 100%") == true)
    progress.show(.finished(cell, .succeeded, .milliseconds(1500), nil))
    #expect(screen.written.last == "\r\u{1B}[K[3/12] train (nb.lrnb:45) … 1.5 s\n")
  }

  @Test func liveLinesFitTheTerminal() {
    let screen = Screen()
    let progress = display(live: true, screen, width: 40)
    progress.show(.started(cell))
    progress.show(ProgressUpdate(task: "fit", completed: 1, total: 3, detail: "a long detail"))
    let line = screen.written.last?.replacingOccurrences(of: "\r\u{1B}[K", with: "") ?? ""
    #expect(line.count == 39)
    #expect(line.hasSuffix("…"))
  }

  @Test(arguments: [(0.0, 0), (0.5, 8), (1.0, 16), (-1.0, 0), (2.0, 16)])
  func barWidth(_ fraction: Double, _ full: Int) {
    let bar = ProgressDisplay.bar(fraction)
    #expect(bar.count == ProgressDisplay.barWidth)
    #expect(bar.filter { $0 == "█" }.count == full)
  }
}
