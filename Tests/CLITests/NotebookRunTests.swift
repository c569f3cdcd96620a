// `lrnb run NB.lrnb`: the report is written even when cells fail; exit statuses.
import Foundation
import Testing
import _TestSupport

@Suite struct NotebookRunTests {
  @Test func tourNotebookWritesReportWithFigures() throws {
    let out = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let notebook = repositoryRoot().appendingPathComponent("notebooks/01-svd-tour.lrnb")
    let r = try runProcess(lrnbExecutable(), ["run", notebook.path, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(
      contentsOf: out.appendingPathComponent("01-svd-tour.html"), encoding: .utf8)
    let figures = html.components(separatedBy: "src=\"data:image/png;base64,").count - 1
    #expect(figures >= 2)
    #expect(r.stderr.contains("report: \(out.path)/01-svd-tour.html"))
    let pngs = try FileManager.default.contentsOfDirectory(
      atPath: out.appendingPathComponent("01-svd-tour_files").path)
    #expect(pngs.filter { $0.hasSuffix(".png") }.count >= 2)
  }

  static let broken = """
    ---
    title: Broken
    ---

    Some prose.

    ```lr
    let ok = 1
    ```

    ```lr
    let a = (1 +
    let = 2
    ```

    ```lr
    let b = ok + missing_name
    ```

    ```lr
    print("never")
    ```
    """

  @Test func syntaxAndRuntimeErrorsAreShownAtTheirCells() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("broken.lrnb")
    try Self.broken.write(to: file, atomically: true, encoding: .utf8)
    let r = try runProcess(lrnbExecutable(), ["run", file.path, "--keep-going"])
    #expect(r.status == 65)
    let html = try String(contentsOf: dir.appendingPathComponent("broken.html"), encoding: .utf8)
    // The syntax error is on notebook line 13, the runtime error on line 17.
    #expect(html.contains("broken.lrnb:13:"))
    #expect(html.contains("broken.lrnb:17:14"))
    #expect(html.contains("undefined variable"))
    #expect(html.contains("^"))
    #expect(r.stderr.contains("broken.lrnb:17:14: error: undefined variable 'missing_name'"))
  }

  @Test func aFailingCellStopsTheRun() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("stop.lrnb")
    try "```lr\nerror(\"boom\")\n```\n\n```lr\nprint(\"later\")\n```\n".write(
      to: file, atomically: true, encoding: .utf8)
    let r = try runProcess(lrnbExecutable(), ["run", file.path])
    #expect(r.status == 70)
    let html = try String(contentsOf: dir.appendingPathComponent("stop.html"), encoding: .utf8)
    #expect(html.contains("boom"))
    #expect(html.lowercased().contains("not run"))
    #expect(!html.contains("<pre class=\"stdout\">later"))
  }
}
