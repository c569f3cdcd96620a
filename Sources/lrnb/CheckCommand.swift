// `lrnb check`: every problem in notebooks, found without running any cell.
import ArgumentParser
import Foundation
import Lang
import Notebook

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Report every problem in notebooks without running them.",
    discussion: """
      Reads each notebook (front matter, cell options) and parses and resolves every
      evaluated cell in order, against the notebook's parameters and the names earlier
      cells declare. Nothing runs. Errors in cells marked `#| error: true` are expected:
      they print as notes. Exit status: 0 when no errors were found (warnings and notes are
      printed), 65 when there were errors, 66 when a notebook cannot be read.
      """)

  @Argument(help: "Notebooks (.lrnb) to check.")
  var files: [String]

  @Option(name: .customShort("p"), help: "Check with a parameter overridden: -p epochs=5.")
  var parameters: [String] = []

  @Option(name: .customLong("params"), help: "A YAML file of parameter overrides.")
  var parametersFile: String?

  func validate() throws {
    for file in files where !file.hasSuffix(".lrnb") {
      throw ValidationError("'\(file)' is not a notebook (.lrnb)")
    }
  }

  func run() throws {
    var worst: Int32 = 0
    for file in files {
      let status = check(file)
      if worst == 0 { worst = status }
    }
    if worst != 0 { throw ExitCode(worst) }
  }

  /// Checks one notebook and prints its problems; returns its exit status.
  private func check(_ path: String) -> Int32 {
    let notebook: Notebook
    switch readNotebook(path) {
    case .success(let read): notebook = read
    case .failure(let status): return status.rawValue
    }
    let problems: [Diagnostic]
    do {
      var overrides: [ParameterOverride] = []
      if let parametersFile {
        overrides += try ParameterOverride.parseFile(
          try readText(parametersFile), name: parametersFile)
      }
      for flag in parameters { overrides.append(try ParameterOverride.parse(flag)) }
      let kernel = try makeKernel()
      problems = notebook.check(
        with: kernel, parameters: try notebook.parameters(applying: overrides))
    } catch let failure as RunFailure {
      Terminal.err(DiagnosticRenderer(sources: []).render(failure.diagnostics))
      return ExitStatus.runtimeError
    } catch {
      Terminal.err("lrnb: \(path): \(error)\n")
      return ExitStatus.usage
    }
    let renderer = DiagnosticRenderer(sources: [notebook.source], color: Terminal.stderrIsTerminal)
    Terminal.err(renderer.render(problems))
    let cells = notebook.cells.count
    if problems.isEmpty {
      Terminal.err("\(path): no problems in \(cells == 1 ? "1 cell" : "\(cells) cells")\n")
    } else {
      Terminal.err("\(path): \(Self.count(problems))\n")
    }
    return problems.contains { $0.severity == .error } ? ExitStatus.syntaxError : 0
  }

  /// `2 errors, 1 warning`.
  static func count(_ problems: [Diagnostic]) -> String {
    var parts: [String] = []
    for (severity, word) in [(Severity.error, "error"), (.warning, "warning"), (.note, "note")] {
      let n = problems.count { $0.severity == severity }
      if n > 0 { parts.append(n == 1 ? "1 \(word)" : "\(n) \(word)s") }
    }
    return parts.joined(separator: ", ")
  }
}
