// Parsing `#|` lines and front-matter defaults into CellOptions, with typed checks.
import Lang
import Yams

extension CellOptions {
  /// Sets option `key` from a YAML value. Returns a problem message when the value has
  /// the wrong type; returns nil when it was applied. Unknown keys are not handled here.
  mutating func apply(_ key: String, _ value: ParameterValue) -> String? {
    switch key {
    case "label":
      guard case .string(let text) = value.asText, isValidLabel(text) else {
        return "option 'label' must be a name of letters, digits, '-' and '_' (got \(value.shown))"
      }
      label = text
    case "echo": return setBool(&echo, key, value)
    case "eval": return setBool(&eval, key, value)
    case "output": return setBool(&output, key, value)
    case "error": return setBool(&error, key, value)
    case "cache": return setBool(&cache, key, value)
    case "timeout":
      switch value {
      case .nil, .bool(false): timeout = nil
      case .number(let x) where x > 0 && x.isFinite: timeout = x
      default: return "option 'timeout' must be a positive number of seconds (got \(value.shown))"
      }
    case "fig-width", "fig-height":
      guard case .number(let x) = value, x > 0, x <= 100 else {
        return "option '\(key)' must be a size in inches between 0 and 100 (got \(value.shown))"
      }
      if key == "fig-width" { figWidth = x } else { figHeight = x }
    case "fig-alt", "fig-cap":
      guard let texts = value.textList else {
        return "option '\(key)' must be a text or a list of texts (got \(value.shown))"
      }
      if key == "fig-alt" { figAlt = texts } else { figCap = texts }
    case "code-fold":
      switch value {
      case .bool(let b): codeFold = b ? .folded : CodeFold.none
      case .string("show"): codeFold = .open
      default: return "option 'code-fold' must be true, false or show (got \(value.shown))"
      }
    default:
      return "unknown cell option '\(key)'"
    }
    return nil
  }

  private func setBool(_ slot: inout Bool, _ key: String, _ value: ParameterValue) -> String? {
    guard case .bool(let b) = value else {
      return "option '\(key)' must be true or false (got \(value.shown))"
    }
    slot = b
    return nil
  }
}

/// Labels name files and anchors, so they keep to a portable alphabet.
func isValidLabel(_ text: String) -> Bool {
  guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 64 else { return false }
  func ok(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_"
      || c == "-"
  }
  return first != "-" && text.unicodeScalars.allSatisfy(ok)
}

extension ParameterValue {
  /// Scalars as text (numbers and bools as written), for options that take names.
  var asText: ParameterValue {
    switch self {
    case .number: .string(lrLiteral)
    case .bool(let b): .string(b ? "true" : "false")
    default: self
    }
  }

  /// A text, or a list of texts, as an array; nil for anything else.
  var textList: [String]? {
    if case .string(let s) = asText { return [s] }
    guard case .list(let items) = self else { return nil }
    var texts: [String] = []
    for item in items {
      guard case .string(let s) = item.asText else { return nil }
      texts.append(s)
    }
    return texts
  }

  /// The value as messages quote it.
  var shown: String {
    switch self {
    case .string(let s): ParameterValue.quote(s)
    default: lrLiteral
    }
  }
}

/// Reads the `#|` lines at the top of a cell.
enum CellOptionParser {
  /// The number of leading `#|` lines of `code`.
  static func optionLineCount(_ code: String) -> Int {
    var count = 0
    for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("#|") else { break }
      count += 1
    }
    return count
  }

  /// Applies the cell's `#|` lines over `defaults`. Problems go to `diagnostics`: wrong
  /// types and malformed lines are errors; unknown options are warnings.
  static func parse(
    _ source: Source, lineCount: Int, defaults: CellOptions, diagnostics: inout [Diagnostic]
  ) -> CellOptions {
    var options = defaults
    guard lineCount > 0 else { return options }
    let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
      .prefix(lineCount).map { String($0.dropFirst(2)) }
    let yaml = lines.joined(separator: "\n")
    func at(_ line: Int, _ column: Int = 1) -> SourceRange {
      let fileLine = source.firstLine + line - 1
      let start = SourceLocation(line: fileLine, column: column + 2)
      return SourceRange(
        file: source.name, start: start, end: SourceLocation(line: fileLine, column: column + 3))
    }
    let root: Yams.Node?
    do {
      root = try YAML.compose(yaml)
    } catch {
      diagnostics.append(
        .syntax("bad cell option: \(error.message)", at: at(error.line, error.column)))
      return options
    }
    guard let root else { return options }
    guard case .mapping(let mapping) = root else {
      diagnostics.append(.syntax("cell options must be '#| key: value' lines", at: at(1)))
      return options
    }
    for (keyNode, valueNode) in mapping {
      let line = keyNode.mark?.line ?? 1
      let column = keyNode.mark?.column ?? 1
      do {
        let key = try YAML.keyString(keyNode)
        let value = try YAML.value(valueNode)
        guard CellOptions.knownKeys.contains(key) else {
          var warning = Diagnostic.syntax(
            "unknown cell option '\(key)' (ignored)", at: at(line, column))
          warning.severity = .warning
          diagnostics.append(warning)
          continue
        }
        if let problem = options.apply(key, value) {
          diagnostics.append(.syntax(problem, at: at(line, column)))
        }
      } catch {
        diagnostics.append(
          .syntax("bad cell option: \(error.message)", at: at(error.line, error.column)))
      }
    }
    return options
  }
}
