// The value of a notebook parameter or a cell option, as read from YAML or `-p key=value`.

/// A plain data value from YAML: what front-matter `params`, `-p` flags, `--params`
/// files and `#|` options can hold. Kernels turn it into an *lr* value.
///
/// Plain YAML scalars follow the YAML 1.2 core schema (`true`/`false`, numbers, `null`);
/// unlike YAML 1.1, `yes`, `no`, `on` and `off` stay strings. Quoted scalars are strings.
public enum ParameterValue: Sendable, Hashable {
  /// `null`, `~` or an empty value.
  case `nil`
  /// `true` or `false`.
  case bool(Bool)
  /// Any YAML int or float (*lr* numbers are Float64).
  case number(Double)
  /// Quoted or plain text.
  case string(String)
  /// A YAML sequence.
  case list([ParameterValue])
  /// Fields in the order they were written.
  case record([Field])

  /// One named field of a record.
  public struct Field: Sendable, Hashable {
    /// The field name.
    public var name: String
    /// The field value.
    public var value: ParameterValue

    /// Creates a field.
    public init(_ name: String, _ value: ParameterValue) {
      self.name = name
      self.value = value
    }
  }

  /// A short type name for messages: `nil`, `bool`, `number`, `string`, `list`, `record`.
  public var typeName: String {
    switch self {
    case .nil: "nil"
    case .bool: "bool"
    case .number: "number"
    case .string: "string"
    case .list: "list"
    case .record: "record"
    }
  }

  /// The value written as an *lr* literal, e.g. `{rank: 8, names: ["a", "b"]}`.
  public var lrLiteral: String {
    switch self {
    case .nil: return "nil"
    case .bool(let b): return b ? "true" : "false"
    case .number(let x): return Self.formatNumber(x)
    case .string(let s): return Self.quote(s)
    case .list(let items): return "[" + items.map(\.lrLiteral).joined(separator: ", ") + "]"
    case .record(let fields):
      let body = fields.map { field in
        let key = isIdentifier(field.name) ? field.name : Self.quote(field.name)
        return "\(key): \(field.value.lrLiteral)"
      }
      return "{" + body.joined(separator: ", ") + "}"
    }
  }

  /// Numbers print like *lr* prints them: integral values without `.0`.
  static func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return String(x)
  }

  /// A double-quoted string literal with `\`, `"` and control characters escaped.
  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u{" + String(scalar.value, radix: 16) + "}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// True for an *lr* identifier: a letter or `_`, then letters, digits or `_` (ASCII).
func isIdentifier(_ name: String) -> Bool {
  guard let first = name.unicodeScalars.first else { return false }
  func isLetter(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
  }
  return isLetter(first)
    && name.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
}
