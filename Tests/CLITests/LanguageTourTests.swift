// `lrnb run notebooks/02-language-tour.lrnb`: every cell succeeds except the two that
// show errors on purpose, whose diagnostics reach the report; its figure is there.
import Foundation
import Testing
import _TestSupport

@Suite struct LanguageTourTests {
  @Test func tourRunsWithOnlyItsDeliberateError() throws {
    let out = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let notebook = repositoryRoot().appendingPathComponent("notebooks/02-language-tour.lrnb")
    let r = try runProcess(lrnbExecutable(), ["run", notebook.path, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")

    // The JSON report has every cell's status: all succeeded but the `error: true` ones.
    let json = try Data(contentsOf: out.appendingPathComponent("02-language-tour.json"))
    let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let cells = try #require(report["cells"] as? [[String: Any]])
    #expect(cells.count >= 15)
    for cell in cells {
      let label = cell["label"] as? String ?? "?"
      let status = cell["status"] as? String
      if label == "error" || label == "python-habit" {
        #expect(status == "failed")
      } else {
        #expect(status == "succeeded", "cell \(label): \(cell["errors"] ?? "")")
      }
    }

    // The deliberate error is rendered with its suggestion, location and call stack.
    let html = try String(
      contentsOf: out.appendingPathComponent("02-language-tour.html"), encoding: .utf8)
    #expect(html.contains("record has no field &#39;tua&#39;; did you mean &#39;tau&#39;?"))
    #expect(html.contains("<ol class=\"stack\">"))
    #expect(html.contains("list comprehensions are written with map and filter"))
    let figures = html.components(separatedBy: "src=\"data:image/png;base64,").count - 1
    #expect(figures >= 1)
    let pngs = try FileManager.default.contentsOfDirectory(
      atPath: out.appendingPathComponent("02-language-tour_files").path)
    #expect(pngs.contains("fig-plot-1.png"))
  }
}
