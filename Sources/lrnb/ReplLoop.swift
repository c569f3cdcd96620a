// The interactive loop: prompts with the cell number, continuation lines while an
// entry is open, history, completion, Ctrl-C and Ctrl-D.
import Foundation
import Lang

/// Collects typed lines into entries: an entry is complete when its *lr* code parses
/// (or could only fail in the middle), when it is a command, or after two empty lines.
struct EntryBuffer {
  private(set) var lines: [String] = []

  var isEmpty: Bool { lines.isEmpty }

  /// Adds `line`; returns the whole entry when it is complete.
  mutating func add(_ line: String) -> String? {
    if lines.isEmpty && line.allSatisfy(\.isWhitespace) { return nil }
    lines.append(line)
    let text = lines.joined(separator: "\n")
    let blankEnd = lines.count >= 3 && lines.suffix(2).allSatisfy { $0.allSatisfy(\.isWhitespace) }
    if let code = ReplEntry.code(in: text), entryStatus(of: code) == .incomplete, !blankEnd {
      return nil
    }
    lines = []
    return text
  }

  /// Forgets the lines of an unfinished entry.
  mutating func clear() { lines = [] }

  /// The unfinished entry so far (for completion of names it declares).
  var text: String { lines.joined(separator: "\n") }
}

/// The REPL on a terminal.
final class InteractiveRepl {
  let session: ReplSession
  let editor: LineEditor
  /// Where entries are appended; nil without one, or after an append failed (the
  /// warning is printed once, not after every entry).
  private var historyFile: HistoryFile?
  private var buffer = EntryBuffer()
  /// The newest history entry; an entry repeated right after itself is not stored again.
  private var lastEntry: String?

  init(session: ReplSession, editor: LineEditor, historyFile: HistoryFile?) {
    self.session = session
    self.editor = editor
    self.historyFile = historyFile
    let earlier = historyFile?.load() ?? []
    for entry in earlier { editor.remember(entry) }
    lastEntry = earlier.last
    editor.completer = { [unowned self] before in
      replCompletions(before, pending: buffer.text, interpreter: session.interpreter)
    }
  }

  /// Reads and runs entries until `:quit` or Ctrl-D.
  func run() {
    InterruptHandler.install(session.interpreter.interruptSwitch)
    session.onNewInterpreter = { InterruptHandler.install($0.interruptSwitch) }
    while true {
      let prompt = buffer.isEmpty ? mainPrompt : continuationPrompt
      switch editor.readLine(prompt: prompt) {
      case .endOfInput:
        session.console.out("\n")
        return
      case .cancelled:
        buffer.clear()
      case .line(let line):
        guard let entry = buffer.add(line) else { continue }
        remember(entry)
        InterruptHandler.startEntry()
        if !session.handle(ReplEntry.parse(entry)) { return }
      }
    }
  }

  private func remember(_ entry: String) {
    guard entry != lastEntry else { return }
    lastEntry = entry
    editor.remember(entry)
    do {
      try historyFile?.append(entry)
    } catch {
      session.console.err("lrnb: history is not saved in this session: \(describe(error))\n")
      historyFile = nil
    }
  }

  /// `lr[3]> `, in bold green on a terminal.
  private var mainPrompt: String {
    paint("lr[\(session.cellNumber)]>", "1;32") + " "
  }

  /// `...> `, as wide as the main prompt so continuation lines align.
  private var continuationPrompt: String {
    let width = "lr[\(session.cellNumber)]> ".count
    return String(repeating: " ", count: width - 5) + paint("...>", "2") + " "
  }

  /// `text` in an ANSI style, the escapes marked so libedit gives them no width.
  private func paint(_ text: String, _ style: String) -> String {
    guard session.console.color else { return text }
    let mark = LineEditor.promptIgnore
    return "\(mark)\u{1B}[\(style)m\(mark)\(text)\(mark)\u{1B}[0m\(mark)"
  }
}
