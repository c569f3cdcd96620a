// Turning a notebook file's bytes into text: UTF-8 only, no binary junk, one newline style.

enum TextDecoding {
  /// Decodes `bytes` as a notebook's text: rejects NUL bytes and invalid UTF-8 with the
  /// line and column of the first bad byte, drops a byte-order mark, and turns CRLF and
  /// lone CR into LF (Swift treats "\r\n" as one Character, so positions stay simple).
  static func decode(_ bytes: [UInt8], file: String) throws(NotebookError) -> String {
    var line = 1
    var lineStart = 0
    var index = 0
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var scalars = String.UnicodeScalarView()
    func column() -> Int { index - lineStart + 1 }
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        let scalar = Unicode.UTF8.decode(encoded)
        if scalar == "\0" {
          throw .at(
            file, line: line, column: column(),
            "this looks like a binary file, not a notebook (NUL byte)")
        }
        scalars.append(scalar)
        index += encoded.count
        if scalar == "\n" {
          line += 1
          lineStart = index
        }
      case .error:
        let byte = index < bytes.count ? bytes[index] : 0
        throw .at(
          file, line: line, column: column(),
          "not UTF-8 text: invalid byte 0x\(String(byte, radix: 16, uppercase: true)) (is this a binary file?)"
        )
      case .emptyInput:
        return normalizeNewlines(String(scalars))
      }
    }
  }

  /// Drops a leading byte-order mark and normalises line endings to "\n".
  static func normalizeNewlines(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var previousWasCR = false
    for scalar in scalars {
      if scalar == "\n", previousWasCR {
        previousWasCR = false
        continue
      }
      previousWasCR = scalar == "\r"
      out.append(scalar == "\r" ? "\n" : scalar)
    }
    return String(out)
  }
}
