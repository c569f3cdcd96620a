// Splitting CSV text into rows of fields: delimiters, quotes, CRLF, and a header guess.
import Foundation

/// CSV text split into rows of fields (no numbers parsed yet), with line numbers kept for
/// messages. Fields may be double-quoted (`"a, b"`, `""` for a quote); `\n` and `\r\n` end
/// rows; blank lines are skipped.
struct CSVTable {
  /// The fields of each non-blank row.
  var rows: [[Substring]]
  /// The 1-based line number of each row, for messages.
  var lines: [Int]

  /// Splits `text`, using `delimiter` or the first of `,` `;` tab found in the first line.
  /// - Throws: a message (the caller adds the file) for an unterminated quote.
  init(_ text: Substring, delimiter: Character?) throws(CSVError) {
    let firstLine = text.prefix { $0 != "\n" }
    let candidates: [Character] = [",", ";", "\t"]
    let separator: Character = delimiter ?? candidates.first { firstLine.contains($0) } ?? ","
    rows = []
    lines = []
    var line = 1
    var rest = text[...]
    while !rest.isEmpty {
      let start = line
      var fields: [Substring] = []
      var quotedLine = false
      while true {
        if rest.first == "\"" {
          quotedLine = true
          let (field, after, newlines) = try Self.quoted(rest, line: line)
          fields.append(field)
          line += newlines
          rest = after
        } else {
          let end = rest.firstIndex { $0 == separator || $0 == "\n" || $0 == "\r\n" } ?? rest.endIndex
          fields.append(rest[..<end].trimmingCharacters(in: .whitespaces)[...])
          rest = rest[end...]
        }
        guard let next = rest.first, next == separator else { break }
        rest = rest.dropFirst()
      }
      if let next = rest.first {
        guard next == "\n" || next == "\r\n" else {
          throw CSVError(line: line, message: "unexpected text after a quoted field")
        }
        rest = rest.dropFirst()
        line += 1
      }
      if quotedLine || fields.count > 1 || fields.first?.isEmpty == false {
        rows.append(fields)
        lines.append(start)
      }
    }
  }

  /// A double-quoted field at the start of `text`: its value, the text after the closing
  /// quote, and how many line breaks it spanned.
  private static func quoted(_ text: Substring, line: Int) throws(CSVError)
    -> (Substring, Substring, Int)
  {
    var value = ""
    var newlines = 0
    var index = text.index(after: text.startIndex)
    while index < text.endIndex {
      let ch = text[index]
      if ch == "\"" {
        let next = text.index(after: index)
        if next < text.endIndex, text[next] == "\"" {
          value.append("\"")
          index = text.index(after: next)
          continue
        }
        return (value[...], text[next...], newlines)
      }
      if ch == "\n" || ch == "\r\n" { newlines += 1 }
      value.append(ch)
      index = text.index(after: index)
    }
    throw CSVError(line: line, message: "a quoted field is never closed")
  }
}

/// A CSV syntax or content error at a line; the loader adds the file name.
struct CSVError: Error {
  var line: Int?
  var message: String
}
