// `lrnb run --watch` re-runs on save and stops cleanly on Ctrl-C; Ctrl-C in a run stops
// the cell and still writes the report; several notebooks run in one call.
import Foundation
import Testing
import _TestSupport

@Suite(.serialized) struct WatchAndInterruptTests {
  /// A started lrnb whose stderr goes to a file the test can poll.
  final class Running {
    let process = Process()
    let log: URL

    init(_ arguments: [String], in directory: URL) throws {
      log = directory.appendingPathComponent("stderr.log")
      _ = FileManager.default.createFile(atPath: log.path, contents: nil)
      process.executableURL = lrnbExecutable()
      process.arguments = arguments
      process.currentDirectoryURL = directory
      process.standardError = try FileHandle(forWritingTo: log)
      process.standardOutput = FileHandle.nullDevice
      try process.run()
    }

    var stderr: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits up to `seconds` for `condition`.
    func wait(_ seconds: Double = 60, until condition: () -> Bool) -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
      }
      return condition()
    }

    /// Ends the process if a failed expectation left it running (SIGKILL: a launcher
    /// may have blocked SIGTERM, and a looping cell would otherwise outlive the test).
    func kill() {
      if process.isRunning { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// Sends Ctrl-C and waits for the exit status.
    func interrupt() -> Int32 {
      process.interrupt()
      process.waitUntilExit()
      return process.terminationStatus
    }
  }

  func contents(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

  @Test func watchRunsAgainOnSaveAndStopsOnCtrlC() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("w.lrnb")
    let html = directory.appendingPathComponent("w.html")
    try "```lr\nprint(\"version one\")\n```\n".write(to: file, atomically: true, encoding: .utf8)
    let running = try Running(["run", "--watch", file.path], in: directory)
    defer { running.kill() }
    #expect(
      running.wait { running.stderr.contains("watching") && contents(html).contains("version one") }
    )
    try "```lr\nprint(\"version two\")\n```\n".write(to: file, atomically: true, encoding: .utf8)
    #expect(running.wait { contents(html).contains("version two") })
    #expect(running.wait { running.stderr.components(separatedBy: "report:").count == 3 })
    #expect(running.interrupt() == 0)
    #expect(running.stderr.contains("change detected: running again"))
    #expect(running.stderr.hasSuffix("stopped watching\n"))
  }

  @Test func ctrlCStopsTheCellAndWritesTheReport() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("loop.lrnb")
    try """
    ```lr
    print("before")
    ```

    ```lr
    var i = 0
    while true { i += 1 }
    ```

    ```lr
    print("never")
    ```
    """.write(to: file, atomically: true, encoding: .utf8)
    let running = try Running(["run", file.path], in: directory)
    defer { running.kill() }
    #expect(running.wait { running.stderr.contains("[1/3]") })
    Thread.sleep(forTimeInterval: 0.3)
    #expect(running.interrupt() == 130)
    let report = contents(directory.appendingPathComponent("loop.html"))
    #expect(report.contains("interrupted"))
    #expect(report.contains("not run"))
    #expect(!report.contains(">never"))
  }

  @Test func severalNotebooksInOneCall() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let a = directory.appendingPathComponent("a.lrnb")
    let b = directory.appendingPathComponent("b.lrnb")
    try "```lr\nerror(\"a fails\")\n```\n".write(to: a, atomically: true, encoding: .utf8)
    try "```lr\nprint(\"b runs\")\n```\n".write(to: b, atomically: true, encoding: .utf8)
    let r = try runProcess(lrnbExecutable(), ["run", a.path, b.path])
    #expect(r.status == 70)
    #expect(contents(directory.appendingPathComponent("b.html")).contains("b runs"))
    #expect(contents(directory.appendingPathComponent("a.html")).contains("a fails"))

    // Two notebooks of one name would overwrite each other's report in --out.
    let sub = directory.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: b, to: sub.appendingPathComponent("a.lrnb"))
    let clash = try runProcess(
      lrnbExecutable(),
      ["run", a.path, sub.appendingPathComponent("a.lrnb").path, "--out", directory.path])
    #expect(clash.status == 64)
    #expect(clash.stderr.contains("would write the same report"))
  }
}
