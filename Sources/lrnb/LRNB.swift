// The lrnb command: subcommands for running notebooks and scripts.
import ArgumentParser
import Foundation

@main
struct LRNB: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lrnb",
    abstract: "A literate notebook environment for low-rank neural networks and their robustness.",
    discussion: """
      Notebooks are Markdown files (.lrnb) with executable ```lr cells; `lrnb run`
      executes them into a self-contained HTML report with PNG figures. Plain .lr
      scripts run with their output on stdout.

      Exit status: 0 success, 64 usage error, 65 syntax error, 66 missing input,
      70 runtime error (a failed cell), 74 I/O error, 130 interrupted (Ctrl-C).
      """,
    version: Version.current,
    subcommands: [RunCommand.self, CheckCommand.self, ReplCommand.self, DocsCommand.self]
  )

  /// Plain `lrnb` on a terminal starts the REPL; otherwise it prints the help.
  func run() throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw CleanExit.helpRequest(self)
    }
    try ReplCommand.parse([]).run()
  }
}

/// Exit statuses, following BSD's sysexits where one fits.
enum ExitStatus {
  static let usage: Int32 = 64
  static let syntaxError: Int32 = 65
  static let noInput: Int32 = 66
  static let runtimeError: Int32 = 70
  static let ioError: Int32 = 74
}
