// `lrnb run` on the low-rank training notebooks (03, 05, 06): no error cells, every figure.
import Foundation
import Testing
import _TestSupport

@Suite struct LowRankNotebookTests {
  @Test(arguments: [
    ("03-low-rank-training", 2), ("05-condlr", 1), ("06-spectral-regulariser", 2),
  ])
  func notebookRunsCleanWithItsFigures(_ name: String, _ figures: Int) throws {
    let out = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let notebook = repositoryRoot().appendingPathComponent("notebooks/\(name).lrnb")
    let r = try runProcess(lrnbExecutable(), ["run", notebook.path, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(contentsOf: out.appendingPathComponent("\(name).html"), encoding: .utf8)
    #expect(!html.contains("<div class=\"error\">"), "an error cell in \(name)")
    let embedded = html.components(separatedBy: "src=\"data:image/png;base64,").count - 1
    #expect(embedded >= figures)
    let pngs = try FileManager.default.contentsOfDirectory(
      atPath: out.appendingPathComponent("\(name)_files").path)
    #expect(pngs.filter { $0.hasSuffix(".png") }.count >= figures)
  }
}
