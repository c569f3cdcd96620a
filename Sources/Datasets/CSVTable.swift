// Splitting CSV bytes into rows of fields: delimiters, quotes, CRLF, blank lines.

/// CSV text split into rows of fields (no numbers parsed yet), with line numbers kept for
/// messages. Fields may be double-quoted (`"a, b"`, `""` for a quote); `\n` and `\r\n` end
/// rows; blank lines are skipped; spaces around unquoted fields are trimmed. Works on
/// UTF-8 bytes: every byte that matters is ASCII, so multi-byte characters pass through.
struct CSVTable {
  /// The fields of each non-blank row.
  var rows: [[String]] = []
  /// The 1-based line number of each row, for messages.
  var lines: [Int] = []

  private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " ")

  /// Splits `bytes`, using `delimiter` or the first of `,` `;` tab found in the first line.
  /// - Throws: `CSVError` with the line of an unterminated quote or text after one.
  init(_ bytes: [UInt8], delimiter: UInt8?) throws(CSVError) {
    let firstLine = bytes.prefix { $0 != Self.newline }
    let separator =
      delimiter ?? [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")].first {
        firstLine.contains($0)
      } ?? UInt8(ascii: ",")
    try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(CSVError) in
      var scanner = Scanner(bytes: p, separator: separator)
      while scanner.position < p.count {
        let line = scanner.line
        let (fields, blank) = try scanner.row()
        if !blank {
          rows.append(fields)
          lines.append(line)
        }
      }
    }
  }

  /// A cursor over the bytes.
  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    var position = 0
    var line = 1

    /// The next row's fields, and whether the row was blank; consumes its line break.
    mutating func row() throws(CSVError) -> ([String], Bool) {
      var fields: [String] = []
      var quoted = false
      while true {
        if position < bytes.count, bytes[position] == CSVTable.quote {
          quoted = true
          fields.append(try quotedField())
          skipBlanks()
          if position < bytes.count, bytes[position] != separator,
            bytes[position] != CSVTable.newline
          {
            throw CSVError(line: line, message: "unexpected text after a quoted field")
          }
        } else {
          fields.append(plainField())
        }
        guard position < bytes.count, bytes[position] == separator else { break }
        position += 1
      }
      if position < bytes.count {  // at a newline
        position += 1
        line += 1
      }
      return (fields, !quoted && fields.count == 1 && fields[0].isEmpty)
    }

    private func isBlank(_ b: UInt8) -> Bool {
      b == CSVTable.space || b == CSVTable.carriageReturn
        || (b == UInt8(ascii: "\t") && separator != b)
    }

    private mutating func skipBlanks() {
      while position < bytes.count, isBlank(bytes[position]) { position += 1 }
    }

    private mutating func plainField() -> String {
      var start = position
      while position < bytes.count, bytes[position] != separator,
        bytes[position] != CSVTable.newline
      {
        position += 1
      }
      var end = position
      while start < end, isBlank(bytes[start]) { start += 1 }
      while end > start, isBlank(bytes[end - 1]) { end -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private mutating func quotedField() throws(CSVError) -> String {
      let startLine = line
      var value: [UInt8] = []
      position += 1
      while position < bytes.count {
        let b = bytes[position]
        position += 1
        if b == CSVTable.quote {
          guard position < bytes.count, bytes[position] == CSVTable.quote else {
            return String(decoding: value, as: UTF8.self)
          }
          position += 1
        } else if b == CSVTable.newline {
          line += 1
        }
        value.append(b)
      }
      throw CSVError(line: startLine, message: "a quoted field is never closed")
    }
  }
}

/// A CSV syntax or content error at a line; the loader adds the file name.
struct CSVError: Error {
  var line: Int?
  var message: String
}
