// String literals: escapes, `\(…)` interpolation and unterminated strings.

extension Lexer {
  /// Scans string text after an opening `"`, or, when `stringStart` is given, after
  /// the `)` that closes an interpolation of the string that began there; stops at
  /// the closing quote or the next `\(`.
  mutating func scanString(startedAt stringStart: SourceLocation?) {
    let continuing = stringStart != nil
    let start = stringStart ?? SourceLocation(line: startLine, column: startColumn)
    var text = ""
    while true {
      guard let c = peek(), !(c == "\n" || c == "\r\n") else {
        interpolations.removeAll()
        reportUnterminated(start)
        add(.error, text)
        return
      }
      pos += 1
      if c == "\"" {
        add(continuing ? .stringTail : .string, text)
        return
      }
      if c == "\\" {
        if peek() == "(" {
          pos += 1
          interpolations.append(Interpolation(stringStart: start))
          add(continuing ? .stringMiddle : .stringHead, text)
          return
        }
        scanEscape(into: &text)
        continue
      }
      text.append(c)
    }
  }

  /// A newline or the end of input inside `\(…)`: the string never closed.
  mutating func unterminatedInterpolation() {
    if let open = interpolations.first { reportUnterminated(open.stringStart) }
    interpolations.removeAll()
    add(.error, "")
  }

  private mutating func reportUnterminated(_ start: SourceLocation) {
    let end = SourceLocation(line: start.line, column: start.column + 1)
    report("unterminated string", SourceRange(file: source.name, start: start, end: end))
  }

  /// Decodes one escape after a backslash: `\n \t \r \0 \\ \" \' \u{…}`.
  private mutating func scanEscape(into text: inout String) {
    let escapeColumn = column - 1
    guard let c = peek(), !(c == "\n" || c == "\r\n") else { return }
    pos += 1
    switch c {
    case "n": text.append("\n")
    case "t": text.append("\t")
    case "r": text.append("\r")
    case "0": text.append("\0")
    case "\\": text.append("\\")
    case "\"": text.append("\"")
    case "'": text.append("'")
    case "u" where peek() == "{":
      pos += 1
      var hex = ""
      while let h = peek(), h.isHexDigit, hex.count < 8 {
        hex.append(h)
        pos += 1
      }
      if match("}"), let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
        text.unicodeScalars.append(scalar)
      } else {
        reportEscape("invalid unicode escape in string", from: escapeColumn)
      }
    default:
      reportEscape("invalid escape sequence '\\\(c)' in string", from: escapeColumn)
      text.append(c)
    }
  }

  private mutating func reportEscape(_ message: String, from startColumn: Int) {
    let range = SourceRange(
      file: source.name, start: SourceLocation(line: line, column: startColumn),
      end: SourceLocation(line: line, column: column))
    report(message, range)
  }
}
