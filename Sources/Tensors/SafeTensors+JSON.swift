// A small JSON reader and writer for safetensors headers (no Foundation needed).

/// A parsed JSON value. Objects keep their keys in order so duplicates can be reported.
enum HeaderJSON {
  case object([(String, HeaderJSON)])
  case array([HeaderJSON])
  case string(String)
  /// A number; `integer` is set when it is written as an integer that fits in an Int.
  case number(Double, integer: Int?)
  case bool(Bool)
  case null
}

/// Parses JSON text, throwing a message (without the file name) on the first error.
struct HeaderJSONParser {
  /// A safetensors header nests three levels; deeper input is hostile, and a limit keeps
  /// the recursive parser from exhausting the stack.
  static let maxDepth = 16

  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The one value in the text (surrounding whitespace allowed).
  static func parse(_ bytes: [UInt8]) throws(HeaderJSONError) -> HeaderJSON {
    var parser = HeaderJSONParser(bytes)
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.position == bytes.count else {
      throw parser.error("unexpected text after the value")
    }
    return value
  }

  private func error(_ message: String) -> HeaderJSONError {
    HeaderJSONError(message: "\(message) at byte \(position)")
  }

  private mutating func skipWhitespace() {
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
      position += 1
    }
  }

  private mutating func value(depth: Int) throws(HeaderJSONError) -> HeaderJSON {
    guard depth < Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
    skipWhitespace()
    guard position < bytes.count else { throw error("unexpected end of the JSON") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  private mutating func literal(_ word: String, _ value: HeaderJSON) throws(HeaderJSONError)
    -> HeaderJSON
  {
    let utf8 = Array(word.utf8)
    guard bytes.count - position >= utf8.count,
      Array(bytes[position..<position + utf8.count]) == utf8
    else { throw error("invalid literal") }
    position += utf8.count
    return value
  }

  private mutating func object(depth: Int) throws(HeaderJSONError) -> HeaderJSON {
    position += 1
    var fields: [(String, HeaderJSON)] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(fields)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw error("expected a quoted key")
      }
      let key = try string()
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw error("expected ':' after a key")
      }
      position += 1
      fields.append((key, try value(depth: depth + 1)))
      skipWhitespace()
      guard position < bytes.count else { throw error("unclosed object") }
      if bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(fields)
      }
      guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' or '}'") }
      position += 1
    }
  }

  private mutating func array(depth: Int) throws(HeaderJSONError) -> HeaderJSON {
    position += 1
    var items: [HeaderJSON] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(items)
    }
    while true {
      items.append(try value(depth: depth + 1))
      skipWhitespace()
      guard position < bytes.count else { throw error("unclosed array") }
      if bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(items)
      }
      guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' or ']'") }
      position += 1
    }
  }

  private mutating func string() throws(HeaderJSONError) -> String {
    position += 1
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() throws(HeaderJSONError) {
      guard !run.isEmpty else { return }
      guard let text = String(validating: run, as: UTF8.self) else {
        throw HeaderJSONError(message: "a string is not valid UTF-8")
      }
      scalars.append(contentsOf: text.unicodeScalars)
      run.removeAll(keepingCapacity: true)
    }
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        try flush()
        return String(scalars)
      case UInt8(ascii: "\\"):
        try flush()
        scalars.append(try escape())
      case 0..<0x20:
        throw error("a control character inside a string")
      default:
        run.append(byte)
      }
    }
    throw error("unterminated string")
  }

  private mutating func escape() throws(HeaderJSONError) -> Unicode.Scalar {
    guard position < bytes.count else { throw error("unterminated escape") }
    let byte = bytes[position]
    position += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try hex4()
      if (0xD800..<0xDC00).contains(high) {
        guard bytes.count - position >= 2, bytes[position] == UInt8(ascii: "\\"),
          bytes[position + 1] == UInt8(ascii: "u")
        else { throw error("an unpaired surrogate") }
        position += 2
        let low = try hex4()
        guard (0xDC00..<0xE000).contains(low),
          let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        else { throw error("an invalid surrogate pair") }
        return scalar
      }
      guard let scalar = Unicode.Scalar(high) else { throw error("an unpaired surrogate") }
      return scalar
    default:
      throw error("an invalid escape")
    }
  }

  private mutating func hex4() throws(HeaderJSONError) -> UInt32 {
    guard bytes.count - position >= 4 else { throw error("a short \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = hexDigit(bytes[position]) else { throw error("a bad \\u escape") }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  private func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  private mutating func number() throws(HeaderJSONError) -> HeaderJSON {
    let start = position
    let allowed = Set("+-0123456789.eE".utf8)
    while position < bytes.count, allowed.contains(bytes[position]) { position += 1 }
    guard position > start, let text = String(validating: bytes[start..<position], as: UTF8.self),
      let double = Double(text), double.isFinite
    else {
      position = start
      throw error("invalid value")
    }
    let isInteger = !text.contains(where: { ".eE+".contains($0) })
    return .number(double, integer: isInteger ? Int(text) : nil)
  }
}

/// A JSON syntax error; the decoder prefixes the file name.
struct HeaderJSONError: Error {
  var message: String
}

/// `text` as a JSON string literal, quotes included.
func jsonQuoted(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    case _ where scalar.value < 0x20:
      let hex = String(scalar.value, radix: 16)
      result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result + "\""
}
