// The REPL's session: one interpreter whose globals persist across entries, the
// cell counter, `_`, and the record of entries that `:save` writes as a notebook.
import Bindings
import Foundation
import Lang

/// Where the session writes: the terminal in an interactive REPL, stdout/stderr in a
/// script, a buffer in tests.
struct ReplConsole {
  var out: (String) -> Void = Terminal.out
  var err: (String) -> Void = Terminal.err
  /// Whether diagnostics and prompts may use ANSI colour.
  var color = false
  /// Whether a person is typing (the terminal echoes `^C` without a newline).
  var interactive = false
}

/// A REPL session, independent of how lines are read.
final class ReplSession {
  /// The names the interpreter starts with (natives, stdlib) and their values, so
  /// `:vars` lists only what the user defined or redefined.
  private(set) var baseline: [String: Value] = [:]
  private(set) var interpreter: Interpreter
  private(set) var bindings: Session
  /// The seed the session started from (front-matter `seed` of a saved notebook).
  let seed: UInt64
  let console: ReplConsole
  let figures: FigureWriter
  /// The number shown in the next prompt and used to name the next entry's source.
  private(set) var cellNumber = 1
  /// Entries since the start or the last `:reset`, for `:save`.
  var record: [RecordedEntry] = []
  /// Sources of earlier entries, so errors inside functions they define quote lines.
  private var sources: [Source] = []
  /// Called whenever the interpreter is replaced (`:reset`), so Ctrl-C reaches the new one.
  var onNewInterpreter: ((Interpreter) -> Void)?
  /// The exit status a script ends with: 0, or that of the first failed entry.
  private(set) var status: Int32 = 0

  /// Oldest entry sources are dropped beyond this, bounding memory in long sessions.
  static let maxKeptSources = 1_000

  init(seed: UInt64 = Library.defaultSeed, console: ReplConsole, figures: FigureWriter)
    throws(RunFailure)
  {
    self.seed = seed
    self.console = console
    self.figures = figures
    (interpreter, bindings) = try Library.makeInterpreter(output: CollectingSink(), seed: seed)
    interpreter.output = ReplSink(self)
    baseline = snapshot()
  }

  private func snapshot() -> [String: Value] {
    var values: [String: Value] = [:]
    for name in interpreter.globalNames {
      values[name] = interpreter.globalValue(name)
    }
    return values
  }

  /// Starts over with a fresh interpreter; the cell counter keeps counting.
  func reset() throws(RunFailure) {
    (interpreter, bindings) = try Library.makeInterpreter(output: CollectingSink(), seed: seed)
    interpreter.output = ReplSink(self)
    baseline = snapshot()
    record = []
    sources = []
    onNewInterpreter?(interpreter)
  }

  /// Takes the next cell number (for an entry or a loaded notebook).
  func nextCell() -> Int {
    defer { cellNumber += 1 }
    return cellNumber
  }

  /// Runs *lr* code as one entry: shows its value, sets `_`, reports errors.
  /// - Returns: the value shown, or nil when there was none or the entry failed.
  @discardableResult
  func run(code: String) -> Value? {
    let number = nextCell()
    let source = Source(name: "lr[\(number)]", text: code)
    sources.append(source)
    if sources.count > Self.maxKeptSources { sources.removeFirst() }
    do {
      let value = try interpreter.run(source)
      guard let value, !value.isNil else {
        record.append(RecordedEntry(code: code, outcome: .succeeded))
        return nil
      }
      show(interpreter.display(value), cell: number)
      interpreter.define("_", value)
      record.append(RecordedEntry(code: code, outcome: .succeeded, setsLastValue: true))
      return value
    } catch {
      if !error.isSyntaxError {
        let interrupted = error.diagnostics.first?.message == "interrupted"
        record.append(RecordedEntry(code: code, outcome: interrupted ? .interrupted : .failed))
      }
      report(error)
      return nil
    }
  }

  /// Prints `failure`: "interrupted" briefly, anything else with the caret excerpt.
  func report(_ failure: RunFailure, extraSources: [Source] = []) {
    if status == 0 {
      status = failure.isSyntaxError ? ExitStatus.syntaxError : ExitStatus.runtimeError
    }
    if failure.diagnostics.count == 1, let only = failure.diagnostics.first,
      only.message == "interrupted"
    {
      // Where it stopped, briefly: the user asked for it, nothing went wrong.
      let function = only.stack.first.map(\.function).flatMap { $0.hasPrefix("<") ? nil : $0 }
      let place = function.map { "in \($0) at \(only.range)" } ?? "at \(only.range)"
      console.err((console.interactive ? "\n" : "") + "interrupted (\(place))\n")
      return
    }
    let renderer = DiagnosticRenderer(sources: sources + extraSources, color: console.color)
    console.err(renderer.render(failure.diagnostics))
  }

  /// Records a failure that is not an *lr* error (a bad command, a missing file).
  func fail(_ message: String) {
    if status == 0 { status = ExitStatus.usage }
    console.err("error: \(message)\n")
  }

  /// Shows a display: text and tables as text, figures as files (and inline images).
  func show(_ display: Display, cell: Int) {
    switch display {
    case .image(let image):
      console.out(figures.present(image, cell: cell))
    default:
      console.out(plainText(display) + "\n")
    }
  }
}

/// Sends *lr* output straight to the console as it is produced.
final class ReplSink: OutputSink {
  private unowned let session: ReplSession
  /// The cell the output belongs to (figures are named after it).
  init(_ session: ReplSession) { self.session = session }

  func emit(_ item: OutputItem) {
    switch item {
    case .stdout(let text): session.console.out(text)
    case .display(let display): session.show(display, cell: session.cellNumber - 1)
    }
  }
}

/// One entry as `:save` needs it.
struct RecordedEntry {
  enum Outcome {
    case succeeded, failed, interrupted
  }

  var code: String
  var outcome: Outcome
  /// Whether the entry's value became `_`.
  var setsLastValue = false
  /// For a `:load`ed notebook: its path (the code is then its cells, run in order).
  var notebook: LoadedNotebook? = nil
}
