// `:save FILE.lrnb`: the session's entries written as a notebook that `lrnb run`
// reproduces — one cell per entry, loaded notebooks inlined, `_` made explicit.
import Foundation
import Lang

extension ReplSession {
  /// Writes the entries since the start (or the last `:reset`) to `path`.
  func save(to path: String) {
    let expanded = (path as NSString).expandingTildeInPath
    guard expanded.hasSuffix(".lrnb") else {
      fail("':save' writes a notebook: give a file name ending in .lrnb")
      return
    }
    let text = SessionNotebook(entries: record, seed: seed, date: Date()).text
    do {
      try writeAtomically(text, to: URL(fileURLWithPath: expanded))
      let cells = SessionNotebook.cellCount(record)
      console.out("saved \(cells) cell\(cells == 1 ? "" : "s") to \(path)\n")
    } catch {
      fail("cannot write \(path): \(describe(error))")
    }
  }
}

/// The notebook text for a list of recorded entries.
struct SessionNotebook {
  var entries: [RecordedEntry]
  var seed: UInt64
  var date: Date

  static func cellCount(_ entries: [RecordedEntry]) -> Int {
    entries.reduce(0) { count, entry in
      guard let notebook = entry.notebook else { return count + 1 }
      return count + notebook.cells.count + (notebook.parameters.isEmpty ? 0 : 1)
        + (notebook.seed == nil ? 0 : 1)
    }
  }

  var text: String {
    let day = Date.ISO8601FormatStyle().year().month().day().format(date)
    var out = "---\ntitle: lrnb session\ndate: \(day)\nseed: \(seed)\n---\n\n"
    out += "Saved from an `lrnb repl` session with `:save`.\n"
    let binds = entriesWhoseValueIsUsed()
    for (index, entry) in entries.enumerated() {
      if let notebook = entry.notebook {
        out += notebookCells(notebook)
        continue
      }
      var code = entry.code
      if binds.contains(index) { code = bindingFinalExpression(of: code, to: "_") ?? code }
      out += cell(code, entry.outcome)
    }
    return out
  }

  /// Entries whose value a later entry reads as `_`: their cells bind it explicitly.
  private func entriesWhoseValueIsUsed() -> Set<Int> {
    var result = Set<Int>()
    var lastSetter: Int? = nil
    for (index, entry) in entries.enumerated() where entry.notebook == nil {
      if let lastSetter, mentions("_", in: entry.code) { result.insert(lastSetter) }
      if entry.setsLastValue { lastSetter = index }
    }
    return result
  }

  private func notebookCells(_ notebook: LoadedNotebook) -> String {
    var out = "\nThe cells of `\(notebook.path)`, loaded with `:load`:\n"
    if !notebook.parameters.isEmpty {
      out += cell(
        notebook.parameters.map { "let \($0.name) = \($0.literal)" }.joined(separator: "\n"),
        .succeeded)
    }
    if let seed = notebook.seed { out += cell("seed(\(seed))", .succeeded) }
    for (code, outcome) in notebook.cells {
      // Labels must be unique in a notebook, and the same notebook may be loaded twice.
      let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("#| label:") }
      out += cell(lines.joined(separator: "\n"), outcome)
    }
    return out
  }

  /// A fenced `lr` cell; options say how a failed or interrupted entry is replayed.
  private func cell(_ code: String, _ outcome: RecordedEntry.Outcome) -> String {
    var body = code
    while body.hasSuffix("\n") { body.removeLast() }
    switch outcome {
    case .succeeded: break
    case .failed: body = "#| error: true\n" + body
    case .interrupted: body = "#| eval: false\n# interrupted in the REPL session\n" + body
    }
    let fence = String(repeating: "`", count: max(3, longestBacktickRun(body) + 1))
    return "\n\(fence)lr\n\(body)\n\(fence)\n"
  }

  private func longestBacktickRun(_ text: String) -> Int {
    var longest = 0
    var current = 0
    for c in text {
      current = c == "`" ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }
}

/// Writes `text` to `url` through a temporary file and rename(2), so a reader never
/// sees half a file.
func writeAtomically(_ text: String, to url: URL) throws {
  let temporary = url.deletingLastPathComponent()
    .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
  do {
    try Data(text.utf8).write(to: temporary)
    guard rename(temporary.path, url.path) == 0 else {
      throw CLIError("cannot rename \(temporary.path) to \(url.path)")
    }
  } catch {
    try? FileManager.default.removeItem(at: temporary)
    throw error
  }
}

/// An error as a sentence: our own messages as written, Foundation's localized.
func describe(_ error: any Error) -> String {
  (error as? CLIError)?.description ?? error.localizedDescription
}
