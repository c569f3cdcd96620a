// `lrnb run notebooks/07-robust-low-rank.lrnb` (what `make run` shows): every cell
// succeeds — its assertions included — and the report has its table, figures and the
// discussion computed from the run.
import Foundation
import Testing
import _TestSupport

@Suite struct FlagshipNotebookTests {
  @Test func flagshipRunsAndReportsItsComparison() throws {
    let out = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let notebook = repositoryRoot().appendingPathComponent("notebooks/07-robust-low-rank.lrnb")
    // --no-cache: the test trains for real and leaves no cache beside the notebook.
    let r = try runProcess(
      lrnbExecutable(), ["run", notebook.path, "--out", out.path, "--no-cache"])
    #expect(r.status == 0, "\(r.stderr)")

    let json = try Data(contentsOf: out.appendingPathComponent("07-robust-low-rank.json"))
    let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let cells = try #require(report["cells"] as? [[String: Any]])
    #expect(cells.count >= 8)
    for cell in cells {
      let label = cell["label"] as? String ?? "?"
      #expect(cell["status"] as? String == "succeeded", "cell \(label): \(cell["errors"] ?? "")")
    }

    let html = try String(
      contentsOf: out.appendingPathComponent("07-robust-low-rank.html"), encoding: .utf8)
    // The one table: a column per method, rows for clean and attacked accuracy and κ.
    for text in ["CondLR", "spectral", "clean accuracy", "PGD ε = 0.1", "max κ", "compression"] {
      #expect(html.contains(text), "the report lacks \(text)")
    }
    #expect(html.contains("Robustness under PGD at ε = 0.1"))
    let files = out.appendingPathComponent("07-robust-low-rank_files")
    let pngs = try FileManager.default.contentsOfDirectory(atPath: files.path)
    for figure in ["fig-plot-1.png", "fig-kappa-1.png", "fig-examples-1.png"] {
      #expect(pngs.contains(figure), "\(figure) is missing")
    }
  }
}
