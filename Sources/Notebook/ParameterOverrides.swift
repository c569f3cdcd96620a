// `-p key=value` and `--params FILE.yaml`: typed overrides of the front matter's params.
import Lang
import Yams

/// A parameter override that does not fit the notebook.
public struct ParameterError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, for the CLI to print.
  public var message: String
  /// Creates an error with a message.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}

/// One override from the command line or a params file.
public struct ParameterOverride: Sendable, Hashable {
  /// The parameter it overrides.
  public var name: String
  /// The typed value.
  public var value: ParameterValue
  /// The text as written, so a string parameter given `-p tag=3.10` gets "3.10".
  public var text: String?

  /// Creates an override.
  public init(name: String, value: ParameterValue, text: String? = nil) {
    self.name = name
    self.value = value
    self.text = text
  }

  /// Parses `key=value`. The value is typed like YAML 1.2: `3`, `0.5`, `true`, `[1, 2]`,
  /// `{a: 1}`; quote to force a string (`'no'`). Anything that is not valid YAML, or an
  /// empty value, is taken as a string.
  ///
  ///     try ParameterOverride.parse("epochs=5")   // epochs = 5
  public static func parse(_ flag: String) throws(ParameterError) -> ParameterOverride {
    guard let equals = flag.firstIndex(of: "=") else {
      throw ParameterError("expected key=value, got '\(flag)'")
    }
    let name = String(flag[..<equals]).trimmingSpaces
    let text = String(flag[flag.index(after: equals)...])
    guard isIdentifier(name) else {
      throw ParameterError("'\(name)' is not a parameter name (letters, digits and '_')")
    }
    return ParameterOverride(name: name, value: typed(text), text: text)
  }

  private static func typed(_ text: String) -> ParameterValue {
    guard !text.trimmingSpaces.isEmpty else { return .string(text) }
    guard let node = try? YAML.compose(text), let value = try? YAML.value(node) else {
      return .string(text)
    }
    // A line like `a: b` is a YAML mapping; a flag value means a record only when braced.
    if case .record = value, !text.trimmingSpaces.hasPrefix("{") { return .string(text) }
    return value
  }

  /// Reads a `--params` YAML file: a mapping of parameter names to values.
  public static func parseFile(_ text: String, name: String) throws(NotebookError)
    -> [ParameterOverride]
  {
    let source = Source(name: name, text: text)
    func fail(_ message: String, _ line: Int, _ column: Int) -> NotebookError {
      var error = NotebookError.at(name, line: line, column: column, message)
      error.source = source
      return error
    }
    let node: Yams.Node?
    do {
      node = try YAML.compose(text)
    } catch {
      throw fail(error.message, error.line, error.column)
    }
    guard let node else { return [] }
    guard case .mapping(let mapping) = node else {
      throw fail("a params file must be a mapping of parameter names to values", 1, 1)
    }
    var overrides: [ParameterOverride] = []
    for (key, valueNode) in mapping {
      do throws(YAMLProblem) {
        let parameter = try YAML.keyString(key)
        guard isIdentifier(parameter) else {
          throw YAMLProblem(
            message: "'\(parameter)' is not a parameter name", line: key.mark?.line ?? 1,
            column: key.mark?.column ?? 1)
        }
        let raw = valueNode.scalar.map(\.string)
        overrides.append(
          ParameterOverride(name: parameter, value: try YAML.value(valueNode), text: raw))
      } catch {
        throw fail(error.message, error.line, error.column)
      }
    }
    return overrides
  }
}

extension Notebook {
  /// The notebook's parameters with `overrides` applied in order (later wins).
  ///
  /// An override must name a declared parameter and keep its type: a number stays a
  /// number, a list a list. A string parameter accepts any scalar as its text, and a
  /// parameter declared as `null` accepts anything.
  public func parameters(applying overrides: [ParameterOverride]) throws(ParameterError)
    -> [Parameter]
  {
    var parameters = frontMatter.parameters
    for override in overrides {
      guard let index = parameters.firstIndex(where: { $0.name == override.name }) else {
        let known = parameters.map(\.name).joined(separator: ", ")
        throw ParameterError(
          "unknown parameter '\(override.name)'"
            + (known.isEmpty
              ? " (the notebook declares no params)" : " (the notebook declares: \(known))"))
      }
      let declared = parameters[index].value
      var value = override.value
      switch (declared, value) {
      case (.nil, _), (.bool, .bool), (.number, .number), (.string, .string), (.list, .list),
        (.record, .record):
        break
      case (.string, .number), (.string, .bool), (.string, .nil):
        value = .string(override.text ?? value.lrLiteral)
      default:
        throw ParameterError(
          "parameter '\(override.name)' is a \(declared.typeName) in the notebook "
            + "(\(declared.shown)), but the override is a \(value.typeName): \(value.shown)")
      }
      parameters[index].value = value
      parameters[index].line = nil
    }
    return parameters
  }
}

extension String {
  var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
