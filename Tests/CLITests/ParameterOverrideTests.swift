// `-p` through the real binary: an override reaches the cells, and a cell that declares
// the parameter again is an error in `run` and `check`, never a silently lost override.
import Foundation
import Testing
import _TestSupport

@Suite struct ParameterOverrideTests {
  static func notebook(_ cell: String) -> String {
    "---\ntitle: Epochs\nparams:\n  epochs: 10\n---\n\n```lr\n\(cell)\n```\n"
  }

  func write(_ text: String) throws -> (URL, URL) {
    let directory = try makeTemporaryDirectory()
    let file = directory.appendingPathComponent("nb.lrnb")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return (directory, file)
  }

  @Test func anOverrideReachesACellThatReadsTheParameter() throws {
    // A function's own `var epochs` is a local: the cell runs, and reads the override.
    let cell = "fn f() {\n  var epochs = 1\n  epochs\n}\nprint(\"epochs = \\(epochs) \\(f())\")"
    let (directory, file) = try write(Self.notebook(cell))
    defer { try? FileManager.default.removeItem(at: directory) }
    let r = try runProcess(lrnbExecutable(), ["run", file.path, "--no-cache", "-p", "epochs=7"])
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(contentsOf: directory.appendingPathComponent("nb.html"), encoding: .utf8)
    #expect(html.contains("epochs = 7 1"))
  }

  @Test func aCellRedeclaringTheParameterIsAnErrorInRunAndCheck() throws {
    let (directory, file) = try write(
      Self.notebook("var epochs = 10\nprint(\"epochs = \\(epochs)\")"))
    defer { try? FileManager.default.removeItem(at: directory) }
    let expected = """
      \(file.path):8:5: error: 'epochs' is a notebook parameter (front matter, line 4); \
      this 'var' would hide it and -p epochs=… would be ignored: use the parameter, or \
      choose another name
        8 | var epochs = 10
          |     ^~~~~~

      """
    let run = try runProcess(lrnbExecutable(), ["run", file.path, "--no-cache", "-p", "epochs=7"])
    #expect(run.status == 65)
    #expect(run.stderr.contains(expected), "\(run.stderr)")
    let html = try String(contentsOf: directory.appendingPathComponent("nb.html"), encoding: .utf8)
    #expect(!html.contains("<pre class=\"stdout\">"))  // the cell did not run
    #expect(html.contains("is a notebook parameter (front matter, line 4)"))

    let check = try runProcess(lrnbExecutable(), ["check", file.path, "-p", "epochs=7"])
    #expect(check.status == 65)
    #expect(check.stderr == expected + "\(file.path): 1 error\n")
  }
}
