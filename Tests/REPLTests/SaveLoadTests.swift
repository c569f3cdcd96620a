// `:save` writes a notebook that reproduces the session; `:load` runs a notebook into it.
import Foundation
import Lang
import Notebook
import Testing
import _TestSupport

@testable import lrnb

@Suite struct SaveLoadTests {
  /// Runs the notebook at `url` with the kernel `lrnb run` uses.
  func runNotebook(_ url: URL) throws -> NotebookRun {
    let notebook = try NotebookReader.read(contentsOf: url)
    return NotebookRunner(kernel: try makeKernel()).run(notebook)
  }

  /// The text outputs of a run, in order (figures as their alt text).
  func outputs(_ run: NotebookRun) -> [String] {
    run.cells.flatMap(\.outputs).map { item in
      switch item {
      case .stdout(let text): return text
      case .display(let display): return plainText(display) + "\n"
      }
    }
  }

  @Test func savedSessionReproducesItsOutputs() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, captured) = try makeSession(figures: dir)
    let entries = [
      "let t = randn([2, 2])", "t.sum()", "_ * 2", "print(\"done \\(len([1, 2]))\")",
      "fn twice(x) {\n  x * 2\n}", "twice(21)", "error(\"boom\")", "let xs = [1, 2]\nxs.map(twice)",
      "[1,\n 2].len;",
    ]
    for entry in entries { session.run(code: entry) }
    let url = dir.appendingPathComponent("session.lrnb")
    session.save(to: url.path)
    #expect(captured.out.hasSuffix("saved 9 cells to \(url.path)\n"))

    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.hasPrefix("---\ntitle: lrnb session\ndate: "))
    #expect(text.contains("\nseed: 0\n---\n"))
    #expect(text.contains("```lr\nlet _ = t.sum()\n_\n```"))
    #expect(text.contains("```lr\n#| error: true\nerror(\"boom\")\n```"))
    let run = try runNotebook(url)
    #expect(run.succeeded)
    // Everything the session printed on stdout, the notebook prints too.
    let sessionOutput = captured.out.replacingOccurrences(
      of: "saved 9 cells to \(url.path)\n", with: "")
    #expect(outputs(run).joined() == sessionOutput)
  }

  @Test func interruptedEntriesAreKeptButNotRun() {
    let entries = [
      RecordedEntry(code: "var n = 0", outcome: .succeeded),
      RecordedEntry(code: "while true { n += 1 }", outcome: .interrupted),
      RecordedEntry(code: "let s = \"```\"", outcome: .succeeded),
    ]
    let text = SessionNotebook(entries: entries, seed: 3, date: Date(timeIntervalSince1970: 0)).text
    #expect(text.hasPrefix("---\ntitle: lrnb session\ndate: 1970-01-01\nseed: 3\n---\n"))
    #expect(
      text.contains(
        "```lr\n#| eval: false\n# interrupted in the REPL session\nwhile true { n += 1 }\n```"))
    // A fence longer than any run of backticks in the code.
    #expect(text.contains("````lr\nlet s = \"```\"\n````"))
  }

  @Test func loadRunsANotebookIntoTheSession() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let notebook = dir.appendingPathComponent("nb.lrnb")
    try """
    ---
    title: loaded
    seed: 7
    params:
      epochs: 3
    ---

    ```lr
    #| label: setup
    let w = randn([2])
    let total = epochs * 2
    ```

    ```lr
    print("loaded \\(total)")
    ```
    """.write(to: notebook, atomically: true, encoding: .utf8)
    let (session, captured) = try makeSession(figures: dir)
    session.load(notebook.path)
    #expect(captured.out.contains("loaded \(notebook.path) [1]: 2 of 2 cells in "))
    #expect(captured.out.contains("defined epochs, total, w"))
    #expect(captured.err.contains("[1/2] setup (\(notebook.path):"))
    session.run(code: "total + 1")
    #expect(captured.out.hasSuffix("7\n"))

    // Saved, the loaded cells come back inline with the parameters and the seed.
    let saved = dir.appendingPathComponent("after.lrnb")
    session.save(to: saved.path)
    let text = try String(contentsOf: saved, encoding: .utf8)
    #expect(text.contains("```lr\nlet epochs = 3\n```"))
    #expect(text.contains("```lr\nseed(7)\n```"))
    #expect(!text.contains("#| label"))
    let run = try runNotebook(saved)
    #expect(run.succeeded)
    #expect(outputs(run) == ["loaded 6\n", "7\n"])
  }

  @Test func loadAndSaveReportProblems() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, captured) = try makeSession(figures: dir)
    session.load(dir.appendingPathComponent("missing.lrnb").path)
    #expect(captured.err.contains("missing.lrnb:1:1: error: cannot read the notebook"))
    session.save(to: dir.appendingPathComponent("notes.txt").path)
    #expect(
      captured.err.contains("error: ':save' writes a notebook: give a file name ending in .lrnb"))
    session.save(to: "/nonexistent-dir/x.lrnb")
    #expect(captured.err.contains("error: cannot write /nonexistent-dir/x.lrnb"))
    let broken = dir.appendingPathComponent("broken.lrnb")
    try "```lr\nlet x = (\n```\n\n```lr\nprint(1)\n```\n".write(
      to: broken, atomically: true, encoding: .utf8)
    captured.err = ""
    session.load(broken.path)
    #expect(captured.err.contains("broken.lrnb:2:"))
    #expect(captured.out.contains("0 of 2 cells") || captured.out.contains("1 of 2 cells"))
  }
}
