// `lrnb run notebooks/04-conditioning-and-attacks.lrnb`: every cell (asserts included) runs.
import Foundation
import Testing
import _TestSupport

@Suite struct AttackNotebookTests {
  @Test func conditioningAndAttacksNotebookRunsCleanly() throws {
    let out = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let name = "04-conditioning-and-attacks"
    let notebook = repositoryRoot().appendingPathComponent("notebooks/\(name).lrnb")
    let r = try runProcess(lrnbExecutable(), ["run", notebook.path, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(contentsOf: out.appendingPathComponent("\(name).html"), encoding: .utf8)
    #expect(html.contains("cells succeeded"))
    #expect(!html.contains("<div class=\"error\">"))
    // κ trace, the robustness sweep, and one adversarial grid per model.
    let figures = html.components(separatedBy: "src=\"data:image/png;base64,").count - 1
    #expect(figures == 4)
    for label in ["kappa-trace", "sweep", "grids"] {
      #expect(html.contains(label))
    }
    // The discussion prints its numbers from the run.
    #expect(html.contains("fgsm at ε = 0.1: dense "))
  }
}
