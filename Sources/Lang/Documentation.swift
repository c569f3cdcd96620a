// Documentation from one source: every native, method and lr function describes
// itself (a signature and a doc string whose indented paragraphs are examples);
// `lrnb docs`, the REPL's `:help` and docs/reference.md are all made from these.

/// One documented function or method.
public struct DocEntry: Sendable, Hashable {
  /// How users name it: `map`, or `list.map` for a method.
  public var name: String
  /// The section it is listed under, e.g. "builtins", "math", "list methods".
  public var group: String
  /// How a call reads: `map(f)`, `format(x, digits = nil, …)`.
  public var signature: String
  /// The whole doc string.
  public var doc: String

  /// A documented function or method.
  public init(name: String, group: String, signature: String, doc: String) {
    self.name = name
    self.group = group
    self.signature = signature
    self.doc = doc
  }

  /// The doc's paragraphs: prose, or example code (lines indented by four spaces).
  public var paragraphs: [(isCode: Bool, text: String)] {
    var result: [(Bool, String)] = []
    var current: [Substring] = []
    func flush() {
      guard !current.isEmpty else { return }
      let isCode = current.allSatisfy { $0.hasPrefix("    ") }
      let lines = isCode ? current.map { $0.dropFirst(4) } : current
      result.append((isCode, lines.joined(separator: "\n")))
      current = []
    }
    for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.allSatisfy(\.isWhitespace) { flush() } else { current.append(line) }
    }
    flush()
    return result
  }

  /// The first prose paragraph on one line.
  public var summary: String {
    let prose = paragraphs.first { !$0.isCode }?.text ?? ""
    return prose.split(separator: "\n").map { $0.trimmingWhitespace }.joined(separator: " ")
  }

  /// The example code blocks.
  public var examples: [String] { paragraphs.filter(\.isCode).map(\.text) }

  /// Examples that the docs tests run: all but those whose first line is a comment
  /// starting `# not run` (for examples that need data files or a display).
  public var runnableExamples: [String] { examples.filter { !$0.hasPrefix("# not run") } }
}

extension Substring {
  fileprivate var trimmingWhitespace: String { String(self).trimmingWhitespace }
}
