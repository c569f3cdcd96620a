// `lrnb run`: notebooks into HTML reports, scripts to stdout.
import ArgumentParser
import Foundation
import Lang
import Notebook

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run notebooks (.lrnb) into reports, or scripts (.lr) to stdout.",
    discussion: """
      A notebook's report is NAME.html (self-contained) and NAME.json beside it, with its
      figures in NAME_files/. Each cell's progress is printed to stderr.
      """)

  @Argument(help: "Notebooks (.lrnb) or scripts (.lr) to run, in order.")
  var files: [String]

  @Option(name: [.short, .long], help: "Directory for reports (default: beside each notebook).")
  var out: String?

  @Option(name: .customShort("p"), help: "Override a notebook parameter: -p epochs=5 (repeatable).")
  var parameters: [String] = []

  @Option(name: .customLong("params"), help: "A YAML file of parameter overrides.")
  var parametersFile: String?

  @Option(help: "Random seed (overrides the notebook's front matter).")
  var seed: UInt64?

  @Flag(help: "Keep running cells after one fails (the run still fails).")
  var keepGoing = false

  @Option(help: "Extra output format: md (a Markdown copy with figures as files).")
  var to: [String] = []

  func validate() throws {
    for file in files where !(file.hasSuffix(".lrnb") || file.hasSuffix(".lr")) {
      throw ValidationError("'\(file)' is neither a notebook (.lrnb) nor a script (.lr)")
    }
    for format in to where format != "md" {
      throw ValidationError("unknown format '\(format)' for --to (expected: md)")
    }
  }

  func run() throws {
    var worst: Int32 = 0
    for file in files {
      let status = file.hasSuffix(".lr") ? ScriptRunner.run(path: file) : runNotebook(file)
      if worst == 0 { worst = status }
    }
    if worst != 0 { throw ExitCode(worst) }
  }

  /// Runs one notebook and writes its report; returns the exit status.
  private func runNotebook(_ path: String) -> Int32 {
    let notebook: Notebook
    do {
      notebook = try NotebookReader.read(contentsOf: URL(fileURLWithPath: path), name: path)
    } catch {
      let renderer = DiagnosticRenderer(
        sources: error.source.map { [$0] } ?? [], color: Terminal.stderrIsTerminal)
      Terminal.err(renderer.render(error.diagnostics))
      return error.diagnostics.isEmpty ? ExitStatus.noInput : ExitStatus.syntaxError
    }
    let renderer = DiagnosticRenderer(sources: [notebook.source], color: Terminal.stderrIsTerminal)
    Terminal.err(renderer.render(notebook.warnings))

    var options = RunOptions()
    options.seed = seed
    options.keepGoing = keepGoing
    options.toolVersion = Version.current
    options.progress = { event in
      if case .finished = event { Terminal.err(event.line + "\n") }
    }
    do {
      options.parameters = try notebook.parameters(applying: try overrides())
    } catch {
      Terminal.err("lrnb: \(path): \(error)\n")
      return ExitStatus.usage
    }

    let kernel: InterpreterKernel
    do {
      kernel = try makeKernel()
    } catch {
      Terminal.err(renderer.render(error.diagnostics))
      return ExitStatus.runtimeError
    }
    let run = NotebookRunner(kernel: kernel, options: options).run(notebook)
    for failed in run.failedCells {
      if let failure = failed.failure { Terminal.err(renderer.render(failure.diagnostics)) }
    }
    if let failure = run.setupFailure { Terminal.err(renderer.render(failure.diagnostics)) }

    let notebookURL = URL(fileURLWithPath: path)
    let directory = out.map { URL(fileURLWithPath: $0) } ?? notebookURL.deletingLastPathComponent()
    let baseName = notebookURL.deletingPathExtension().lastPathComponent
    var formats: Set<ReportFormat> = [.html, .json]
    if to.contains("md") { formats.insert(.markdown) }
    do {
      var reportOptions = ReportOptions()
      reportOptions.highlighter = lrHighlighter
      let files = try ReportWriter(run: run, options: reportOptions, baseName: baseName)
        .write(to: directory, formats: formats)
      if let html = files.html { Terminal.err("report: \(html.path)\n") }
    } catch {
      Terminal.err("lrnb: cannot write the report for \(path): \(error)\n")
      return ExitStatus.ioError
    }
    return run.exitStatus
  }

  /// The `-p` flags and the `--params` file as overrides (file first, flags win).
  private func overrides() throws -> [ParameterOverride] {
    var result: [ParameterOverride] = []
    if let parametersFile {
      result += try ParameterOverride.parseFile(try readText(parametersFile), name: parametersFile)
    }
    for flag in parameters { result.append(try ParameterOverride.parse(flag)) }
    return result
  }
}

/// The *lr* lexer's highlighting as the report wants it: UTF-8 offsets and kind names.
func lrHighlighter(_ code: String) -> [CodeHighlight] {
  let utf8 = code.utf8
  return highlight(code).map { span in
    CodeHighlight(
      start: utf8.distance(from: utf8.startIndex, to: span.range.lowerBound),
      end: utf8.distance(from: utf8.startIndex, to: span.range.upperBound),
      kind: span.kind.rawValue)
  }
}
