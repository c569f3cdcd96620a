// `:help` and `?name`: the command list, or a name's signature and doc string — the
// same strings natives register and `lrnb docs` prints.
import Lang

extension ReplSession {
  /// The help text for `name` (a global, `receiver.method`, `type.method`, a keyword),
  /// or the command list when `name` is nil.
  func help(_ name: String?) -> String {
    guard let name else { return commandHelp }
    if let text = memberHelp(name) ?? globalHelp(name) ?? keywordHelp[name] {
      return text.hasSuffix("\n") ? text : text + "\n"
    }
    let methods = interpreter.builtinMethods.filter { $0.name == name }
    if !methods.isEmpty {
      return methods.map { describe($0) }.joined(separator: "\n")
    }
    return "no documentation for '\(name)'; try :help with a function name, or Tab to list names\n"
  }

  private var commandHelp: String {
    let width = ReplEntry.commands.map(\.usage.count).max() ?? 0
    var out = "Commands:\n"
    for (usage, summary) in ReplEntry.commands {
      out += "  \(usage.padding(toLength: width, withPad: " ", startingAt: 0))  \(summary)\n"
    }
    out += """

      Type lr code to run it; a line with open brackets or an open block continues on
      the next line (two empty lines end it anyway). `_` is the last value shown.
      Keys: Tab completes, Ctrl-R searches history, Ctrl-C clears the line or stops a
      running computation, Ctrl-D quits. Bindings come from ~/.editrc (`bind -v` for vi).

      """
    return out
  }

  /// `x.name` for a global receiver, or `list.map`-style `type.method`.
  private func memberHelp(_ name: String) -> String? {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    let receiverText = String(name[..<dot])
    let member = String(name[name.index(after: dot)...])
    if let method = interpreter.builtinMethods.first(where: {
      $0.typeName == receiverText && $0.name == member
    }) {
      return describe(method)
    }
    guard
      var value = interpreter.globalValue(
        receiverText.split(separator: ".").first.map(String.init) ?? "")
    else { return nil }
    for field in receiverText.split(separator: ".").dropFirst() {
      guard let next = memberValue(value, String(field)) else { return nil }
      value = next
    }
    if let method = interpreter.builtinMethods.first(where: {
      $0.typeName == value.typeName && $0.name == member
    }) {
      return describe(method)
    }
    guard let found = memberValue(value, member) else { return nil }
    if let function = found.asFunction { return describe(function) }
    return "\(name): \(found.typeName) — \(summary(found))"
  }

  private func memberValue(_ value: Value, _ name: String) -> Value? {
    switch value {
    case .record(let record): return record[name]
    case .native(let object): return try? object.member(name)
    default: return nil
    }
  }

  private func globalHelp(_ name: String) -> String? {
    guard let value = interpreter.globalValue(name) else { return nil }
    if let function = value.asFunction { return describe(function) }
    return "\(name): \(value.typeName) — \(summary(value))"
  }

  private func describe(_ function: any Callable) -> String {
    documented(function.signature, function.doc)
  }

  private func describe(_ method: MethodInfo) -> String {
    documented("\(method.typeName).\(method.signature)", method.doc)
  }

  private func documented(_ signature: String, _ doc: String) -> String {
    let heading = console.color ? "\u{1B}[1m\(signature)\u{1B}[0m" : signature
    guard !doc.isEmpty else { return heading + "\n  (no documentation)\n" }
    let body = doc.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    return heading + "\n" + body + "\n"
  }
}

/// Short help for the keywords, so `?for` says something useful.
private let keywordHelp: [String: String] = [
  "let": "let NAME = VALUE — defines a constant (a whole value: `xs[0] = 1` is refused)",
  "var": "var NAME = VALUE — defines a variable; update it with =, +=, -=, *=, /=",
  "fn": "fn NAME(a, b = 2) { … } — a function; its last expression is its value\n"
    + "fn(x) { x * 2 } — an anonymous function",
  "if": "if CONDITION { … } else if … { … } else { … } — an expression; conditions are bools",
  "else": "if CONDITION { … } else { … }",
  "for": "for NAME in LIST | RANGE | STRING | RECORD { … } — e.g. for i in 0..<10 { … }",
  "in": "for NAME in LIST | RANGE | STRING | RECORD { … }",
  "while": "while CONDITION { … } — loops while CONDITION is true",
  "break": "break — leaves the innermost loop",
  "continue": "continue — goes on with the next iteration of the innermost loop",
  "return": "return VALUE — leaves the function with VALUE (nil without one)",
  "and": "a and b — true when both bools are (b is evaluated only when a is true)",
  "or": "a or b — true when either bool is (b is evaluated only when a is false)",
  "not": "not a — negates a bool",
  "true": "true, false — the two bools",
  "false": "true, false — the two bools",
  "nil": "nil — the absence of a value; entries whose value is nil show nothing",
]

/// One line describing a value for `:vars` and `:help`: shapes for tensors, lengths
/// for lists and strings, field names for records, signatures for functions.
func summary(_ value: Value) -> String {
  let text: String
  switch value {
  case .list(let items): text = "\(items.count) item\(items.count == 1 ? "" : "s")"
  case .string(let s): text = s.count > 40 ? "\(s.count) characters" : value.quotedDescription
  case .record(let r): text = "{" + r.keys.joined(separator: ", ") + "}"
  case .function(let f): text = f.signature
  case .native(let object):
    // Natives describe themselves as `tensor [3, 4]` (then maybe the values): keep the
    // first line without the type name.
    let first = object.description.split(separator: "\n").first.map(String.init) ?? ""
    text =
      first.hasPrefix(object.typeName + " ")
      ? String(first.dropFirst(object.typeName.count + 1)) : first
  default: text = value.quotedDescription
  }
  return text.count > 60 ? text.prefix(59) + "…" : text
}
