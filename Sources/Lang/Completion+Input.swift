// Reading REPL entries: whether the typed lines complete an entry, which names an
// entry uses, and rewriting an entry so its value gets a name (for `:save`).

/// Whether the lines typed so far form a whole entry.
public enum EntryStatus: Sendable, Hashable {
  /// Ready to run (possibly with errors the run will report).
  case complete
  /// Brackets or a block are still open, or a line ends with an operator: the REPL
  /// asks for another line.
  case incomplete
}

/// Whether `text` is a complete entry. It is incomplete exactly when every syntax error
/// is about reaching the end of the input, so more lines could still fix it. (These
/// messages are pinned by the spec suite, and the REPL tests check this function.)
///
///     entryStatus(of: "fn f(x) {")      // .incomplete
///     entryStatus(of: "fn f(x) { x }")  // .complete
///     entryStatus(of: "1 +* 2")         // .complete (the run reports the error)
public func entryStatus(of text: String) -> EntryStatus {
  let (_, diagnostics) = Parser.parse(Source(name: "<entry>", text: text))
  let waiting = !diagnostics.isEmpty && diagnostics.allSatisfy(isAboutEndOfInput)
  return waiting ? .incomplete : .complete
}

/// Whether a syntax error says the input ended too soon: `… found end of input`, or
/// `this '{' is never closed` (reported only when the input ends inside a block).
private func isAboutEndOfInput(_ diagnostic: Diagnostic) -> Bool {
  diagnostic.message.hasSuffix("end of input") || diagnostic.message.hasSuffix("is never closed")
}

/// Whether the code `text` uses the identifier `name` (not as a member, field label,
/// string or comment).
///
///     mentions("_", in: "_ * 2")      // true
///     mentions("x", in: "r.x + \"x\"") // false
public func mentions(_ name: String, in text: String) -> Bool {
  let (tokens, _) = Lexer.scan(Source(name: "", text: text))
  for (i, token) in tokens.enumerated() where token.kind == .identifier && token.text == name {
    let afterDot = i > 0 && tokens[i - 1].kind == .dot
    let isLabel = i + 1 < tokens.count && tokens[i + 1].kind == .colon
    if !afterDot && !isLabel { return true }
  }
  return false
}

/// `text` with its final expression bound to `name` and then shown, so the entry
/// displays the same value and defines `name`: `t.sum()` becomes `let _ = t.sum()\n_`.
/// - Returns: nil when the entry does not end with a displayed expression.
public func bindingFinalExpression(of text: String, to name: String) -> String? {
  let (program, diagnostics) = Parser.parse(Source(name: "<entry>", text: text))
  guard diagnostics.isEmpty, let last = program.statements.last,
    case .expression(let expr, suppressed: false) = last.kind,
    let start = text.index(at: expr.range.start), let end = text.index(at: expr.range.end)
  else { return nil }
  return "\(text[..<start])let \(name) = \(text[start..<end])\n\(name)\(text[end...])"
}

extension String {
  /// The index of a 1-based line and column (in characters), or nil outside the text.
  fileprivate func index(at location: SourceLocation) -> String.Index? {
    guard location.line >= 1, location.column >= 1 else { return nil }
    var line = 1
    var i = startIndex
    while line < location.line {
      guard let newline = self[i...].firstIndex(of: "\n") else { return nil }
      i = index(after: newline)
      line += 1
    }
    return index(i, offsetBy: location.column - 1, limitedBy: endIndex)
  }
}
