// `lrnb run FILE.lr`: output on stdout, exit 0 / 65 / 70, diagnostics with a caret.
import Foundation
import Testing
import _TestSupport

@Suite struct ScriptTests {
  func script(_ text: String) throws -> (URL, URL) {
    let dir = try makeTemporaryDirectory()
    let file = dir.appendingPathComponent("s.lr")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return (dir, file)
  }

  @Test func runsAndPrints() throws {
    let (dir, file) = try script("let xs = [1, 2, 3]\nprint(\"sum = \\(sum(xs))\")\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runProcess(lrnbExecutable(), ["run", file.path])
    #expect(r.status == 0)
    #expect(r.stdout == "sum = 6\n")
    #expect(r.stderr == "")
  }

  @Test func syntaxErrorExits65WithCaret() throws {
    let (dir, file) = try script("let a = 1\nlet b = 2 +* 3\nprint(a)\nlet = 3\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runProcess(lrnbExecutable(), ["run", file.path])
    #expect(r.status == 65)
    #expect(r.stdout == "")
    // Every syntax error is reported in one pass, and nothing runs.
    #expect(r.stderr.contains("\(file.path):2:"))
    #expect(r.stderr.contains("\(file.path):4:5: error:"))
    #expect(r.stderr.contains("^"))
  }

  @Test func runtimeErrorExits70WithStack() throws {
    let (dir, file) = try script("fn f(x) {\n  x + undefined_thing\n}\nprint(\"before\")\nf(1)\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runProcess(lrnbExecutable(), ["run", file.path])
    #expect(r.status == 70)
    #expect(r.stdout == "before\n")
    #expect(r.stderr.contains("\(file.path):2:7: error: undefined variable 'undefined_thing'"))
    #expect(r.stderr.contains("  2 |   x + undefined_thing"))
  }

  @Test func tensorShapeErrorIsADiagnosticNotACrash() throws {
    let (dir, file) = try script("let a = ones([2, 3])\nlet b = ones([4, 5])\na @ b\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runProcess(lrnbExecutable(), ["run", file.path])
    #expect(r.status == 70)
    #expect(r.stderr.contains(":3:"))
    #expect(r.stderr.contains("[2, 3]") && r.stderr.contains("[4, 5]"))
  }

  @Test func missingFileAndBadFlags() throws {
    let missing = try runProcess(lrnbExecutable(), ["run", "/nonexistent/x.lr"])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("no such file"))
    let wrongKind = try runProcess(lrnbExecutable(), ["run", "notes.txt"])
    #expect(wrongKind.status == 64)
    let unknown = try runProcess(lrnbExecutable(), ["run", "--frobnicate", "x.lr"])
    #expect(unknown.status == 64)
  }

  @Test func versionAndHelp() throws {
    let version = try runProcess(lrnbExecutable(), ["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.split(separator: ".").count == 3)
    let help = try runProcess(lrnbExecutable(), ["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("run"))
  }
}
