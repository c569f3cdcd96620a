// YAML text → ParameterValue, through Yams' node tree with our own YAML 1.2 core schema.
import Yams

/// A problem in a piece of YAML, at a 1-based line and column of that YAML text.
struct YAMLProblem: Error, Equatable {
  var message: String
  var line: Int
  var column: Int
}

/// Reads YAML for front matter, `#|` options and `--params` files.
///
/// Yams' default resolver follows YAML 1.1 (`no` is false), so everything is composed as
/// untyped nodes and plain scalars are typed here by the YAML 1.2 core schema.
enum YAML {
  /// Deepest nesting accepted. Yams composes nodes recursively, so a hostile file of
  /// thousands of `[` would overflow the stack; real front matter nests a few levels.
  static let maxDepth = 64
  /// Most nodes one document may expand to: aliases (`*a`) share nodes, so a small file
  /// can otherwise stand for billions of values ("billion laughs").
  static let maxNodes = 100_000
  /// Widest leading indentation (spaces and `- `/`? `/`: ` chains) accepted; block
  /// nesting can be no deeper than this, which keeps Yams' recursion shallow.
  static let maxIndent = 160

  /// Parses `text` into a node tree, or nil for an empty document.
  static func compose(_ text: String) throws(YAMLProblem) -> Node? {
    if let problem = nestingProblem(text) { throw problem }
    do {
      return try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      throw problem(from: error)
    } catch {
      throw YAMLProblem(message: "\(error)", line: 1, column: 1)
    }
  }

  /// Converts a node to a value, typing plain scalars by the core schema.
  static func value(_ node: Node) throws(YAMLProblem) -> ParameterValue {
    var budget = maxNodes
    return try value(node, depth: 0, budget: &budget)
  }

  private static func value(_ node: Node, depth: Int, budget: inout Int) throws(YAMLProblem)
    -> ParameterValue
  {
    budget -= 1
    guard budget >= 0, depth <= maxDepth else {
      throw YAMLProblem(
        message:
          "YAML value is too large or too deeply nested (aliases expand to over \(maxNodes) values?)",
        line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }
    switch node {
    case .scalar(let scalar):
      return typed(scalar)
    case .sequence(let sequence):
      var items: [ParameterValue] = []
      for item in sequence {
        items.append(try value(item, depth: depth + 1, budget: &budget))
      }
      return .list(items)
    case .mapping(let mapping):
      var fields: [ParameterValue.Field] = []
      for (key, item) in mapping {
        let name = try keyString(key)
        fields.append(.init(name, try value(item, depth: depth + 1, budget: &budget)))
      }
      return .record(fields)
    case .alias(let alias):
      throw YAMLProblem(
        message: "unresolved YAML alias '\(alias.anchor)'", line: alias.mark?.line ?? 1,
        column: alias.mark?.column ?? 1)
    }
  }

  /// A mapping key as a string; keys must be scalars.
  static func keyString(_ key: Node) throws(YAMLProblem) -> String {
    guard case .scalar(let scalar) = key else {
      throw YAMLProblem(
        message: "a mapping key must be a plain name, not a list or mapping",
        line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
    }
    return scalar.string
  }

  /// Types a scalar: quoted and block scalars are strings; plain ones follow the core schema.
  static func typed(_ scalar: Node.Scalar) -> ParameterValue {
    guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
    return typedPlain(scalar.string)
  }

  /// The YAML 1.2 core schema for a plain scalar's text.
  static func typedPlain(_ s: String) -> ParameterValue {
    switch s {
    case "", "~", "null", "Null", "NULL": return .nil
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
    case ".nan", ".NaN", ".NAN": return .number(.nan)
    default: break
    }
    if isDecimal(s), let x = Double(s) { return .number(x) }
    if s.hasPrefix("0x"), s.count > 2, let n = UInt64(s.dropFirst(2), radix: 16) {
      return .number(Double(n))
    }
    if s.hasPrefix("0o"), s.count > 2, let n = UInt64(s.dropFirst(2), radix: 8) {
      return .number(Double(n))
    }
    return .string(s)
  }

  /// The core schema's int and float forms: `[-+]? ( digits | digits? . digits [eE] … )`.
  /// (`Double.init` alone would also take `inf`, `nan` and hex floats.)
  static func isDecimal(_ s: String) -> Bool {
    var chars = Substring(s)
    if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
    let mantissa = chars.prefix { $0 != "e" && $0 != "E" }
    let exponent = chars.dropFirst(mantissa.count)
    let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
      parts.contains(where: { !$0.isEmpty })
    else { return false }
    if parts.count == 2 && parts[1].isEmpty && parts[0].isEmpty { return false }
    guard !exponent.isEmpty else { return true }
    var digits = exponent.dropFirst()
    if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
    return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
  }

  private static func problem(from error: YamlError) -> YAMLProblem {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = problem
      if let context { message = "\(problem) (\(context.text) at line \(context.mark.line))" }
      return YAMLProblem(message: message, line: mark.line, column: mark.column)
    case .reader(let problem, _, _, _):
      return YAMLProblem(message: problem, line: 1, column: 1)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return YAMLProblem(
        message: "duplicate key \(names)", line: context.mark.line, column: context.mark.column)
    default:
      return YAMLProblem(message: "\(error)", line: 1, column: 1)
    }
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
