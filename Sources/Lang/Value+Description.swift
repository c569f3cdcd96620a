// How values print: numbers without a trailing `.0`, strings raw at top level and
// quoted inside lists and records.

extension Value: CustomStringConvertible {
  /// The text `print` writes: strings raw, everything else as in `quotedDescription`.
  public var description: String {
    if case .string(let s) = self { return s }
    return quotedDescription
  }

  /// The text of the value as it appears inside a list or record: strings quoted.
  public var quotedDescription: String {
    var out = ""
    write(to: &out, depth: 0)
    return out
  }

  /// Nesting beyond this prints as `[…]`: the output stays readable and a deeply
  /// nested value cannot exhaust the native stack while printing.
  static let maxPrintDepth = 64

  private func write(to out: inout String, depth: Int) {
    switch self {
    case .nil: out += "nil"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let x): out += formatNumber(x)
    case .string(let s): out += quoteString(s)
    case .list(let items):
      if depth >= Value.maxPrintDepth { out += "[…]"; return }
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += ", " }
        item.write(to: &out, depth: depth + 1)
      }
      out += "]"
    case .record(let record):
      if depth >= Value.maxPrintDepth { out += "{…}"; return }
      out += "{"
      for i in record.keys.indices {
        if i > 0 { out += ", " }
        out += isIdentifier(record.keys[i]) ? record.keys[i] : quoteString(record.keys[i])
        out += ": "
        record.values[i].write(to: &out, depth: depth + 1)
      }
      out += "}"
    case .range(let r): out += "\(r.lower)\(r.isClosed ? "..." : "..<")\(r.upper)"
    case .function(let f): out += "<fn \(f.name)>"
    case .native(let object): out += object.description
    }
  }
}

/// Integral values within ±1e16 print as integers (`3`, not `3.0`); others use
/// Swift's shortest round-tripping form (`0.1`, `1e-05`, `inf`, `nan`).
func formatNumber(_ x: Double) -> String {
  if x.rounded(.towardZero) == x, abs(x) < 1e16 {
    return String(Int(x))
  }
  return x.description
}

/// A string literal that reads back as the same string.
func quoteString(_ s: String) -> String {
  var out = "\""
  for ch in s.unicodeScalars {
    switch ch {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    case "\r": out += "\\r"
    case "\0": out += "\\0"
    default:
      if ch.value < 0x20 || ch.value == 0x7F {
        out += "\\u{\(String(ch.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(ch)
      }
    }
  }
  return out + "\""
}

/// Whether `s` is a valid *lr* identifier (so a record key can print unquoted).
func isIdentifier(_ s: String) -> Bool {
  guard let first = s.first, first.isLetter || first == "_" else { return false }
  return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !Keyword.isReserved(s)
}
