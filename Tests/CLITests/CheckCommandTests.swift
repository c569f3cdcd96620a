// `lrnb check`: every problem with notebook line:col, nothing run, exit 0 or 65.
import Foundation
import Testing
import _TestSupport

@Suite struct CheckCommandTests {
  func notebook(_ text: String, name: String = "nb.lrnb") throws -> (URL, URL) {
    let directory = try makeTemporaryDirectory()
    let file = directory.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return (directory, file)
  }

  @Test func cleanNotebookExitsZeroWithoutRunning() throws {
    let (directory, file) = try notebook(
      "---\nparams:\n  n: 2\n---\n```lr\nlet x = n * 2\nprint(\"ran\")\n```\n\n```lr\nprint(x)\n```\n"
    )
    defer { try? FileManager.default.removeItem(at: directory) }
    let r = try runProcess(lrnbExecutable(), ["check", file.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "")
    #expect(r.stderr == "\(file.path): no problems in 2 cells\n")
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("nb.html").path))
  }

  @Test func everyProblemIsReportedAtItsNotebookLine() throws {
    let text = """
      ---
      title: Broken
      ---
      ```lr
      #| label: first
      #| colour: red
      let a = (1 +
      let = 2
      ```

      ```lr
      #| eval: false
      this is not lr at all (
      ```

      ```lr
      let b = [1, 2
      ```
      """
    let (directory, file) = try notebook(text)
    defer { try? FileManager.default.removeItem(at: directory) }
    let r = try runProcess(lrnbExecutable(), ["check", file.path])
    #expect(r.status == 65)
    #expect(r.stderr.contains("\(file.path):6:4: warning: unknown cell option 'colour' (ignored)"))
    #expect(r.stderr.contains("\(file.path):8:1: error: expected an expression, found 'let'"))
    #expect(r.stderr.contains("\(file.path):17:"))
    #expect(!r.stderr.contains(":13:"))  // eval: false cells are not checked
    #expect(r.stderr.contains("^"))
    #expect(r.stderr.hasSuffix("\(file.path): 2 errors, 1 warning\n"), "\(r.stderr)")
  }

  @Test func errorsInCellsMarkedErrorTrueAreExpected() throws {
    // The language tour shows a syntax error on purpose; checking it must not fail.
    let (directory, file) = try notebook(
      "```lr\n#| error: true\nlet evens = [x for x in 0..<10]\n```\n\n```lr\nprint(1)\n```\n")
    defer { try? FileManager.default.removeItem(at: directory) }
    let r = try runProcess(lrnbExecutable(), ["check", file.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("\(file.path):3:"))
    #expect(r.stderr.contains("note: expected error (the cell has `#| error: true`): "))
    #expect(r.stderr.hasSuffix("\(file.path): 1 note\n"), "\(r.stderr)")
    // The same error without the option fails the check.
    try "```lr\nlet evens = [x for x in 0..<10]\n```\n".write(
      to: file, atomically: true, encoding: .utf8)
    let unmarked = try runProcess(lrnbExecutable(), ["check", file.path])
    #expect(unmarked.status == 65)
    #expect(unmarked.stderr.hasSuffix("\(file.path): 1 error\n"), "\(unmarked.stderr)")
  }

  @Test func readerErrorsAndBadOverrides() throws {
    let (directory, file) = try notebook("---\nparams:\n  n: 2\n---\n```lr\nprint(n)\n")
    defer { try? FileManager.default.removeItem(at: directory) }
    let unclosed = try runProcess(lrnbExecutable(), ["check", file.path])
    #expect(unclosed.status == 65)
    #expect(unclosed.stderr.contains("\(file.path):5:"))
    try "---\nparams:\n  n: 2\n---\n```lr\nprint(n)\n```\n".write(
      to: file, atomically: true, encoding: .utf8)
    let wrongType = try runProcess(lrnbExecutable(), ["check", file.path, "-p", "n=abc"])
    #expect(wrongType.status == 64)
    #expect(wrongType.stderr.contains("parameter 'n'"))
    let missing = try runProcess(
      lrnbExecutable(), ["check", directory.appendingPathComponent("none.lrnb").path])
    #expect(missing.status == 66)
    #expect(missing.stderr.hasSuffix("none.lrnb: no such file\n"))
  }
}
