// Renders a diagnostic as text: `file:line:col: error: message`, the source line,
// a caret under the range, notes, and the lr call stack.

/// Turns diagnostics into the text the CLI prints and the notebook shows.
public struct DiagnosticRenderer: Sendable {
  /// The sources diagnostics may point into, so the renderer can quote their lines.
  public var sources: [Source]
  /// Whether to colour the output with ANSI escapes (only on a terminal).
  public var color: Bool

  /// A renderer quoting lines from `sources`, with ANSI colour when `color`.
  public init(sources: [Source], color: Bool = false) {
    self.sources = sources
    self.color = color
  }

  /// The full text for `diagnostic`, ending with a newline.
  ///
  ///     cell.lr:3:9: error: undefined variable 'x'
  ///         3 | let y = x + 1
  ///           |         ^
  ///     [line 3] in f()
  public func render(_ diagnostic: Diagnostic) -> String {
    var out = header(diagnostic)
    out += excerpt(diagnostic.range)
    for note in diagnostic.notes {
      out += header(note)
      out += excerpt(note.range)
    }
    for frame in diagnostic.stack {
      out += "  at \(frame.function) (\(frame.range))\n"
    }
    return out
  }

  /// Renders several diagnostics, one after another.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(render).joined()
  }

  private func header(_ d: Diagnostic) -> String {
    let label = d.severity.rawValue
    let painted = color ? "\u{1B}[1;\(colorCode(d.severity))m\(label):\u{1B}[0m" : "\(label):"
    let message = color ? "\u{1B}[1m\(d.message)\u{1B}[0m" : d.message
    return "\(d.range): \(painted) \(message)\n"
  }

  private func colorCode(_ severity: Severity) -> Int {
    switch severity {
    case .error: return 31
    case .warning: return 35
    case .note: return 36
    }
  }

  /// The quoted source line and a caret (or `^~~~` underline) under the range.
  public func excerpt(_ range: SourceRange) -> String {
    guard let line = lineText(range.file, range.start.line) else { return "" }
    let number = String(range.start.line)
    let gutter = String(repeating: " ", count: number.count)
    let lineLength = line.count
    let startColumn = min(max(range.start.column, 1), lineLength + 1)
    var width = 1
    if range.end.line == range.start.line, range.end.column > startColumn {
      width = min(range.end.column, lineLength + 1) - startColumn
    }
    // Keep tabs in the padding so the caret lines up under tab-indented code.
    let padding = line.prefix(startColumn - 1).map { $0 == "\t" ? "\t" : " " }.joined()
    var marker = "^" + String(repeating: "~", count: max(width - 1, 0))
    if color { marker = "\u{1B}[1;32m\(marker)\u{1B}[0m" }
    return "  \(number) | \(line)\n  \(gutter) | \(padding)\(marker)\n"
  }

  private func lineText(_ file: String, _ line: Int) -> String? {
    for source in sources where source.name == file {
      if let text = source.lineText(line) { return text }
    }
    return nil
  }
}
