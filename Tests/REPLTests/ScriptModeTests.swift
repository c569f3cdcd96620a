// `lrnb repl` without a terminal reads lr from stdin, so it can be scripted.
import Foundation
import Testing
import _TestSupport

@Suite struct ScriptModeTests {
  @Test func readsEntriesFromStandardInput() throws {
    let r = try runProcess(lrnbExecutable(), ["repl"], input: "print(1 + 2)\n")
    #expect(r.status == 0)
    #expect(r.stdout == "3\n")
    #expect(r.stderr == "")
  }

  @Test func multiLineEntriesValuesAndCommands() throws {
    let input = """
      fn scale(x,
               by = 2) {
        x * by
      }
      scale(21)
      _ + 1
      let t = ones([2, 3]);
      :vars
      ?scale
      :time scale(1,
        by: 3)

      """
    let r = try runProcess(lrnbExecutable(), ["repl"], input: input)
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(Array(lines.prefix(2)) == ["42", "43"])
    #expect(lines.contains("scale  function  scale(x, by = 2)"))
    #expect(lines.contains("t      tensor    [2, 3]"))
    #expect(lines.contains("scale(x, by = 2)"))
    #expect(lines.contains("3"))
    #expect(lines.last?.hasPrefix("time: ") == true)
  }

  @Test func errorsGoToStderrAndSetTheStatus() throws {
    let runtime = try runProcess(lrnbExecutable(), ["repl"], input: "nope\nprint(\"after\")\n")
    #expect(runtime.status == 70)
    #expect(runtime.stdout == "after\n")
    #expect(
      runtime.stderr == "lr[1]:1:1: error: undefined variable 'nope'\n  1 | nope\n    | ^~~~\n")
    let syntax = try runProcess(lrnbExecutable(), ["repl"], input: "1 +* 2\n")
    #expect(syntax.status == 65)
    let command = try runProcess(lrnbExecutable(), ["repl"], input: ":frob\n")
    #expect(command.status == 64)
    #expect(command.stderr == "error: unknown command ':frob' (see :help)\n")
    // An entry still open at the end of the input runs, to report what is missing.
    let open = try runProcess(lrnbExecutable(), ["repl"], input: "print(1,\n")
    #expect(open.status == 65)
    #expect(open.stderr.contains("found end of input"))
  }

  @Test func quitStopsReading() throws {
    let r = try runProcess(lrnbExecutable(), ["repl"], input: "1\n:quit\n2\n")
    #expect(r.stdout == "1\n")
    #expect(r.status == 0)
  }

  @Test func plainLrnbWithoutATerminalPrintsHelp() throws {
    let r = try runProcess(lrnbExecutable(), [], input: "")
    #expect(r.status == 0)
    #expect(r.stdout.contains("SUBCOMMANDS:"))
    #expect(r.stdout.contains("repl"))
    let help = try runProcess(lrnbExecutable(), ["repl", "--help"])
    #expect(help.stdout.contains("--no-history"))
  }
}
