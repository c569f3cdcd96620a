// A small JSON tree with ordered keys, so exports read in a sensible, stable order.

/// JSON as written by the exports: object keys stay in insertion order.
enum JSONValue: Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

  /// Pretty-printed text with two-space indentation and a final newline at top level.
  func serialized(indent: Int = 0) -> String {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let x):
      // JSON has no NaN or infinity; they travel as strings, as Python's json does not.
      guard x.isFinite else { return JSONValue.string(ParameterValue.formatNumber(x)).serialized() }
      return ParameterValue.formatNumber(x)
    case .string(let s): return Self.quote(s)
    case .array(let items):
      guard !items.isEmpty else { return "[]" }
      return "[\n" + items.map { pad + $0.serialized(indent: indent + 1) }.joined(separator: ",\n")
        + "\n\(closePad)]"
    case .object(let fields):
      guard !fields.isEmpty else { return "{}" }
      let body = fields.map { pad + Self.quote($0.0) + ": " + $0.1.serialized(indent: indent + 1) }
      return "{\n" + body.joined(separator: ",\n") + "\n\(closePad)}"
    }
  }

  private static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

extension ParameterValue {
  /// The value as JSON (records become objects in field order).
  var json: JSONValue {
    switch self {
    case .nil: .null
    case .bool(let b): .bool(b)
    case .number(let x): .number(x)
    case .string(let s): .string(s)
    case .list(let items): .array(items.map(\.json))
    case .record(let fields): .object(fields.map { ($0.name, $0.value.json) })
    }
  }
}
