// `lrnb repl`: an interactive lr session on a terminal, or entries from stdin.
import ArgumentParser
import Bindings
import Foundation

struct ReplCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl",
    abstract: "An interactive lr session (reads lr from stdin when it is not a terminal).",
    discussion: """
      On a terminal: line editing with emacs or vi keys (from ~/.editrc), history in
      $XDG_STATE_HOME/lrnb/history, Tab completion, `:help` for the commands. Without
      one, each entry read from stdin runs in turn and the exit status is that of the
      first failure (65 syntax, 70 runtime), so `echo 'print(1 + 2)' | lrnb repl` works.
      """)

  @Argument(help: "Notebooks to :load before the first prompt.")
  var notebooks: [String] = []

  @Option(help: "Random seed of the session.")
  var seed: UInt64 = Library.defaultSeed

  @Option(help: "Directory for figure PNGs (default: a new directory under $TMPDIR).")
  var figures: String?

  @Flag(help: "Neither read nor write the history file.")
  var noHistory = false

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    var console = ReplConsole()
    console.color = interactive && environment["NO_COLOR"] == nil
    console.interactive = interactive
    let writer = FigureWriter(
      directory: figures.map { URL(fileURLWithPath: $0) },
      inline: InlineImageProtocol.detect(environment, isTerminal: interactive))
    let session: ReplSession
    do {
      session = try ReplSession(seed: seed, console: console, figures: writer)
    } catch {
      ScriptRunner.report(error, sources: [])
      throw ExitCode(ExitStatus.runtimeError)
    }
    for notebook in notebooks { session.load(notebook) }
    guard interactive else {
      let status = session.runStandardInput()
      if status != 0 { throw ExitCode(status) }
      return
    }
    guard let editor = LineEditor() else {
      Terminal.err("lrnb: cannot start line editing (libedit); reading lines without it\n")
      _ = session.runStandardInput()
      return
    }
    Terminal.out(
      "lrnb \(Version.current): :help lists the commands, Tab completes, Ctrl-D quits.\n")
    let history = noHistory ? nil : HistoryFile.standard(environment)
    InteractiveRepl(session: session, editor: editor, historyFile: history).run()
  }
}
