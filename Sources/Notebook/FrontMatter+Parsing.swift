// Finding the `---` block and reading its keys, with diagnostics at file lines.
import Lang
import Yams

extension FrontMatter {
  /// Where the front matter lies in `lines` (the file's lines): nil when the file does
  /// not open with `---`; `closed` is false when no `---`/`...` line ends it.
  static func locate(_ lines: [Substring]) -> (range: ClosedRange<Int>, closed: Bool)? {
    guard let first = lines.first, trimmedEnd(first) == "---" else { return nil }
    for (index, line) in lines.enumerated().dropFirst() {
      let text = trimmedEnd(line)
      if text == "---" || text == "..." { return (1...(index + 1), true) }
    }
    return (1...max(lines.count, 1), false)
  }

  /// Reads the YAML between the delimiters. `firstLine` is the file line of its first
  /// line; problems are added to `diagnostics` in file coordinates.
  static func parse(
    yaml: String, firstLine: Int, file: String, diagnostics: inout [Diagnostic]
  ) -> FrontMatter {
    var matter = FrontMatter()
    func range(_ line: Int, _ column: Int = 1) -> SourceRange {
      let start = SourceLocation(line: firstLine + line - 1, column: column)
      return SourceRange(
        file: file, start: start, end: SourceLocation(line: start.line, column: column + 1))
    }
    func report(_ message: String, _ mark: Mark?, _ severity: Severity = .error) {
      var d = Diagnostic.syntax(message, at: range(mark?.line ?? 1, mark?.column ?? 1))
      d.severity = severity
      diagnostics.append(d)
    }
    let root: Node?
    do {
      root = try YAML.compose(yaml)
    } catch {
      diagnostics.append(
        .syntax("bad front matter: \(error.message)", at: range(error.line, error.column)))
      return matter
    }
    guard let root else { return matter }
    guard case .mapping(let mapping) = root else {
      report("front matter must be 'key: value' lines", root.mark)
      return matter
    }
    for (keyNode, valueNode) in mapping {
      do {
        let key = try YAML.keyString(keyNode)
        if let problem = try matter.read(key, valueNode, line: { firstLine + $0 - 1 }) {
          report(problem, valueNode.mark ?? keyNode.mark)
        }
      } catch {
        diagnostics.append(
          .syntax("bad front matter: \(error.message)", at: range(error.line, error.column)))
      }
    }
    return matter
  }

  /// Applies one top-level key; returns a problem message, or nil when it was fine.
  private mutating func read(_ key: String, _ node: Node, line: (Int) -> Int) throws(YAMLProblem)
    -> String?
  {
    switch key {
    case "title", "subtitle", "date":
      // Raw text: `title: no` is the word "no" and `date: 2024-05-01` stays as written.
      guard case .scalar(let scalar) = node else { return "'\(key)' must be a single line of text" }
      if key == "title" { title = scalar.string }
      if key == "subtitle" { subtitle = scalar.string }
      if key == "date" { date = scalar.string }
    case "author", "authors":
      guard let names = Self.authorNames(node) else {
        return "'\(key)' must be a name, a list of names, or a list of {name: …} records"
      }
      authors = names
    case "seed":
      guard case .scalar(let scalar) = node, let value = UInt64(scalar.string) else {
        return "'seed' must be a whole number from 0 to \(UInt64.max)"
      }
      seed = value
    case "params":
      guard case .mapping(let mapping) = node else {
        return "'params' must be a mapping of names to values"
      }
      for (nameNode, valueNode) in mapping {
        let name = try YAML.keyString(nameNode)
        guard isIdentifier(name) else {
          throw YAMLProblem(
            message: "parameter name '\(name)' is not an lr identifier (letters, digits, '_')",
            line: nameNode.mark?.line ?? 1, column: nameNode.mark?.column ?? 1)
        }
        let declared = nameNode.mark.map { line($0.line) }
        parameters.append(Parameter(name: name, value: try YAML.value(valueNode), line: declared))
      }
    case "execute":
      guard case .mapping(let mapping) = node else {
        return "'execute' must be a mapping of cell options"
      }
      for (optionNode, valueNode) in mapping {
        let option = try YAML.keyString(optionNode)
        guard CellOptions.knownKeys.contains(option), option != "label" else {
          throw YAMLProblem(
            message: "unknown cell option '\(option)' under 'execute'",
            line: optionNode.mark?.line ?? 1, column: optionNode.mark?.column ?? 1)
        }
        if let problem = cellDefaults.apply(option, try YAML.value(valueNode)) { return problem }
      }
    case "toc":
      guard case .bool(let b) = try YAML.value(node) else { return "'toc' must be true or false" }
      toc = b
    case "toc-depth":
      guard case .number(let x) = try YAML.value(node), let depth = Int(exactly: x),
        (1...6).contains(depth)
      else { return "'toc-depth' must be a heading level from 1 to 6" }
      tocDepth = depth
    case _ where CellOptions.knownKeys.contains(key) && key != "label":
      return cellDefaults.apply(key, try YAML.value(node))
    default:
      metadata.append(.init(key, try YAML.value(node)))
    }
    return nil
  }

  private static func authorNames(_ node: Node) -> [String]? {
    switch node {
    case .scalar(let scalar): return [scalar.string]
    case .sequence(let items):
      var names: [String] = []
      for item in items {
        switch item {
        case .scalar(let scalar): names.append(scalar.string)
        case .mapping(let fields):
          guard case .scalar(let name)? = fields["name"] else { return nil }
          names.append(name.string)
        default: return nil
        }
      }
      return names
    default: return nil
    }
  }
}

/// A line without trailing spaces, tabs or carriage return.
func trimmedEnd(_ line: Substring) -> Substring {
  var end = line.endIndex
  while end > line.startIndex {
    let previous = line.index(before: end)
    guard line[previous] == " " || line[previous] == "\t" || line[previous] == "\r" else { break }
    end = previous
  }
  return line[line.startIndex..<end]
}
