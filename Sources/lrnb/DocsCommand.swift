// `lrnb docs`: the lr reference in the terminal — every function and method grouped,
// one entry in full, or the whole reference as Markdown (docs/reference.md).
import ArgumentParser
import Bindings
import Lang

struct DocsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docs",
    abstract: "List lr's functions and methods, show one, or print the Markdown reference.",
    discussion: """
      `lrnb docs` lists everything by group; `lrnb docs NAME` shows one entry (NAME may be
      a method like list.map or tensor.sum); `lrnb docs --markdown > docs/reference.md`
      regenerates the committed reference.
      """)

  @Argument(help: "A function or method to show, e.g. format, list.map, svd.")
  var name: String?

  @Flag(help: "Print the whole reference as Markdown.")
  var markdown = false

  func run() throws {
    let interpreter: Interpreter
    do {
      (interpreter, _) = try Library.makeInterpreter(output: CollectingSink())
    } catch {
      Terminal.err(DiagnosticRenderer(sources: []).render(error.diagnostics))
      throw ExitCode(ExitStatus.runtimeError)
    }
    if markdown { return Terminal.out(Library.referenceMarkdown(interpreter)) }
    let entries = interpreter.documentation
    guard let name else { return Terminal.out(DocsCommand.listing(entries)) }
    let matches = entries.filter { $0.name == name || $0.name.hasSuffix(".\(name)") }
    guard !matches.isEmpty else {
      let close = entries.map(\.name).filter { $0.contains(name) }.prefix(8)
      let hint = close.isEmpty ? "" : "; related: \(close.joined(separator: ", "))"
      Terminal.err("lrnb docs: no function or method named '\(name)'\(hint)\n")
      throw ExitCode(ExitStatus.usage)
    }
    Terminal.out(matches.map(DocsCommand.page).joined(separator: "\n"))
  }

  /// Every entry, grouped: `  name(signature)  summary`.
  static func listing(_ entries: [DocEntry]) -> String {
    var out = ""
    var group: String?
    let width = min(entries.map(\.signature.count).max() ?? 0, 36)
    for entry in entries {
      if entry.group != group {
        out += (group == nil ? "" : "\n") + "\(entry.group)\n"
        group = entry.group
      }
      // Methods read as `list.map(f)`.
      let receiver = entry.name.split(separator: ".").dropLast().first.map { "\($0)." } ?? ""
      let signature = receiver + entry.signature
      let padded = signature + String(repeating: " ", count: max(0, width - signature.count))
      out += "  \(padded)  \(entry.summary)\n"
    }
    return out
  }

  /// One entry in full: signature, prose, and examples indented.
  static func page(_ entry: DocEntry) -> String {
    var out = "\(entry.name) — \(entry.group)\n\n  \(entry.signature)\n\n"
    for paragraph in entry.paragraphs {
      let indent = paragraph.isCode ? "    " : ""
      out +=
        paragraph.text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { indent + $0 }.joined(separator: "\n") + "\n\n"
    }
    return out
  }
}
