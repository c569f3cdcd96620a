// Line editing with libedit (emacs or vi keys, ~/.editrc, Ctrl-R search, history),
// with Tab bound to completion and Ctrl-C to clearing the line.
@preconcurrency import CEditLine
import Foundation
import Lang

/// What one call to `LineEditor.readLine` got.
enum EditorInput: Equatable {
  /// A line (or a recalled multi-line entry), without its final newline.
  case line(String)
  /// Ctrl-C: the line was abandoned.
  case cancelled
  /// Ctrl-D on an empty line, or the terminal went away.
  case endOfInput
}

/// A libedit `EditLine` with its in-memory history. One per process: libedit keeps
/// terminal state, and callbacks find this object through the client-data pointer.
final class LineEditor {
  private let editLine: OpaquePointer
  private let history: OpaquePointer
  /// The prompt libedit asks for through `promptCallback`; owned by this object.
  private var promptText: UnsafeMutablePointer<CChar>?
  /// Set by the Ctrl-C key until `readLine` returns.
  fileprivate var cancelled = false
  /// Completes the text before the cursor (the current line only).
  var completer: ((String) -> Completions)?

  /// Marks the start and end of escape sequences in a prompt, which take no columns.
  static let promptIgnore: Character = "\u{1}"
  /// Entries kept in memory for Up/Down and Ctrl-R.
  static let historySize: Int32 = 1_000

  /// A line editor on the process's terminal, or nil when libedit cannot start.
  init?() {
    // libedit edits UTF-8 only under a UTF-8 character type.
    if let locale = setlocale(LC_CTYPE, ""), !String(cString: locale).contains("UTF-8") {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
    guard let editLine = lrnb_el_init("lrnb") else { return nil }
    guard let history = history_init() else {
      el_end(editLine)
      return nil
    }
    self.editLine = editLine
    self.history = history
    _ = lrnb_history_set_size(history, Self.historySize)
    _ = lrnb_el_set_history(editLine, history)
    _ = lrnb_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
    _ = lrnb_el_set_prompt(editLine, promptCallback, 1)
    // libedit restores the terminal and redraws on SIGWINCH, SIGCONT and fatal signals.
    _ = lrnb_el_set_signal(editLine, 1)
    _ = lrnb_el_add_function(
      editLine, "lrnb-complete", "Complete the name at the cursor", completeCallback)
    _ = lrnb_el_add_function(editLine, "lrnb-cancel", "Abandon the line (Ctrl-C)", cancelCallback)
    _ = lrnb_el_add_function(editLine, "lrnb-suspend", "Suspend lrnb (Ctrl-Z)", suspendCallback)
    // Ctrl-C reaches the editor as a key while editing (it clears the line) and as
    // SIGINT while code runs (it interrupts the code): no signals from the keyboard here,
    // so Ctrl-Z is a key too, which suspends through libedit's signal handling.
    command("setty", "-d", "-isig")
    command("edit", "on")
    command("bind", "-e")
    bindKeys(vi: false)
    _ = el_source(editLine, nil)  // ~/.editrc (or $EDITRC): `bind -v` for vi keys
    if let editor = lrnb_el_editor(editLine), String(cString: editor) == "vi" {
      bindKeys(vi: true)  // `bind -v` resets every map, ours included
    }
  }

  deinit {
    el_end(editLine)
    history_end(history)
    free(promptText)
  }

  private func bindKeys(vi: Bool) {
    command("bind", "^I", "lrnb-complete")
    command("bind", "^C", "lrnb-cancel")
    command("bind", "^R", "em-inc-search-prev")
    command("bind", "^Z", "lrnb-suspend")
    if vi {
      command("bind", "-a", "^C", "lrnb-cancel")
      command("bind", "-a", "^Z", "lrnb-suspend")
    }
  }

  /// Runs a libedit builtin (`bind`, `setty`, `edit`) as if read from ~/.editrc.
  private func command(_ words: String...) {
    var argv: [UnsafePointer<CChar>?] = words.map { UnsafePointer(strdup($0)) }
    defer { for word in argv { free(UnsafeMutableRawPointer(mutating: word)) } }
    _ = el_parse(editLine, Int32(words.count), &argv)
  }

  /// Reads one line showing `prompt` (ANSI escapes wrapped in `promptIgnore`).
  func readLine(prompt: String) -> EditorInput {
    free(promptText)
    promptText = strdup(prompt)
    cancelled = false
    var count: Int32 = 0
    let raw = el_gets(editLine, &count)
    if cancelled { return .cancelled }
    guard let raw, count > 0 else { return count < 0 && errno == EINTR ? .cancelled : .endOfInput }
    var line = String(cString: raw)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  /// Adds `entry` (which may span lines) to the in-memory history.
  func remember(_ entry: String) {
    _ = lrnb_history_enter(history, entry)
  }

  fileprivate var prompt: UnsafeMutablePointer<CChar>? { promptText }

  /// The text before and after the cursor on the line being edited.
  fileprivate var lineAroundCursor: (before: String, after: String) {
    guard let info = el_line(editLine)?.pointee, let buffer = info.buffer, let cursor = info.cursor,
      let last = info.lastchar
    else { return ("", "") }
    let before = UnsafeBufferPointer(start: buffer, count: max(0, cursor - buffer))
    let after = UnsafeBufferPointer(start: cursor, count: max(0, last - cursor))
    return (
      String(decoding: before.map { UInt8(bitPattern: $0) }, as: UTF8.self),
      String(decoding: after.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    )
  }

  fileprivate func insert(_ text: String) {
    _ = el_insertstr(editLine, text)
  }

  fileprivate func moveCursorToEnd() {
    _ = el_cursor(editLine, Int32(lineAroundCursor.after.count))
  }

  fileprivate func pushNewline() {
    el_push(editLine, "\n")
  }
}

/// The editor behind a libedit callback.
private func editor(_ editLine: OpaquePointer?) -> LineEditor? {
  guard let editLine, let data = lrnb_el_client_data(editLine) else { return nil }
  return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
}

private let promptCallback: lrnb_prompt_function = { editLine in
  editor(editLine)?.prompt
}

/// Ctrl-C: shows `^C` after the line, abandons it and starts a fresh prompt.
private let cancelCallback: lrnb_key_function = { editLine, _ in
  guard let editor = editor(editLine) else { return UInt8(CC_ERROR) }
  editor.cancelled = true
  editor.moveCursorToEnd()
  editor.insert("^C")
  editor.pushNewline()  // ends el_gets through the newline key, which redraws first
  return UInt8(CC_REFRESH)
}

/// Ctrl-Z: stops the job as the terminal would. libedit's SIGTSTP handler restores the
/// terminal first and its SIGCONT handler takes it back; `kill` returns once the shell
/// has continued the job, and the prompt and line are then drawn again.
private let suspendCallback: lrnb_key_function = { _, _ in
  kill(0, SIGTSTP)
  return UInt8(CC_REDISPLAY)
}

/// Tab: inserts what all candidates share, or lists them below the line.
private let completeCallback: lrnb_key_function = { editLine, _ in
  guard let editor = editor(editLine), let completer = editor.completer else {
    return UInt8(CC_ERROR)
  }
  let completions = completer(editor.lineAroundCursor.before)
  guard !completions.candidates.isEmpty else { return UInt8(CC_ERROR) }
  let common = completions.commonInsertion
  if common.count > completions.prefix.count {
    editor.insert(String(common.dropFirst(completions.prefix.count)))
    return UInt8(CC_REFRESH)
  }
  guard completions.candidates.count > 1 else { return UInt8(CC_NORM) }
  fflush(nil)
  Terminal.out("\n" + candidateColumns(completions.candidates.map(\.name), width: terminalWidth()))
  return UInt8(CC_REDISPLAY)
}

/// Candidate names in columns across the terminal, at most `maxRows` rows.
func candidateColumns(_ names: [String], width: Int, maxRows: Int = 20) -> String {
  let cell = (names.map(\.count).max() ?? 0) + 2
  let columns = max(1, width / max(cell, 1))
  let rows = (names.count + columns - 1) / columns
  var out = ""
  for row in 0..<min(rows, maxRows) {
    var line = ""
    // Column-major, like ls: read down the first column, then the next.
    for column in 0..<columns {
      let i = column * rows + row
      guard i < names.count else { break }
      line += names[i].padding(toLength: cell, withPad: " ", startingAt: 0)
    }
    out += line.trimmingCharacters(in: .whitespaces) + "\n"
  }
  if rows > maxRows {
    out += "… \(names.count - maxRows * columns) more; type more letters to narrow the list\n"
  }
  return out
}

/// The terminal's width in columns (80 when it cannot be asked).
func terminalWidth() -> Int {
  var size = winsize()
  guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
  return Int(size.ws_col)
}
