// Refusing YAML nested deeply enough to overflow Yams' recursive composer.

extension YAML {
  /// Rejects text whose nesting could exhaust the stack before Yams sees it: flow
  /// brackets (`[`, `{`) and block nesting (indentation plus `- ` chains) both count.
  static func nestingProblem(_ text: String) -> YAMLProblem? {
    var flow = 0
    var line = 1
    var indent = 0
    var atLineStart = true
    var inComment = false
    var quote: Character? = nil
    var previous: Character? = nil
    for ch in text {
      defer { previous = ch }
      if ch == "\n" {
        (line, indent, atLineStart, inComment, quote) = (line + 1, 0, true, false, nil)
        continue
      }
      if atLineStart {
        if ch == " " || ch == "-" || ch == "?" || ch == ":" {
          indent += 1
          if indent > maxIndent {
            return YAMLProblem(
              message: "YAML is nested too deeply (indented over \(maxIndent) columns)",
              line: line, column: indent)
          }
          continue
        }
        atLineStart = false
      }
      if inComment { continue }
      if let q = quote {
        if ch == q { quote = nil }
        continue
      }
      // Quotes and comments only start at a token boundary (`don't`, `a#b` are plain text).
      let boundary = previous.map { $0 == " " || $0 == "\t" || "[{,:".contains($0) } ?? true
      switch ch {
      case "\"" where boundary, "'" where boundary: quote = ch
      case "#" where previous.map { $0 == " " || $0 == "\t" } ?? true: inComment = true
      case "[", "{":
        flow += 1
        if flow > maxDepth {
          return YAMLProblem(
            message: "YAML is nested too deeply (over \(maxDepth) brackets)", line: line, column: 1)
        }
      case "]", "}": flow = max(flow - 1, 0)
      default: break
      }
    }
    return nil
  }
}
