// Running one notebook for `lrnb run`: read, run through the cache, write the report.
import Bindings
import Foundation
import Lang
import Notebook

extension RunCommand {
  /// Runs one notebook and writes its report; returns the exit status.
  func runNotebook(_ path: String) -> Int32 {
    let url = URL(fileURLWithPath: path)
    let notebook: Notebook
    switch readNotebook(path) {
    case .success(let read): notebook = read
    case .failure(let status): return status.rawValue
    }
    let renderer = DiagnosticRenderer(sources: [notebook.source], color: Terminal.stderrIsTerminal)
    Terminal.err(renderer.render(notebook.warnings))

    var options = RunOptions()
    options.seed = seed
    options.keepGoing = keepGoing
    options.toolVersion = Version.current
    options.toolBuild = Version.build
    do {
      options.parameters = try notebook.parameters(applying: try overrides())
    } catch {
      Terminal.err("lrnb: \(path): \(error)\n")
      return ExitStatus.usage
    }
    if !noCache {
      let cache = CellCache(directory: CellCache.defaultDirectory(forNotebookAt: url))
      cache.refresh = refresh
      options.cache = cache
    }

    let kernel: InterpreterKernel
    let session: Session
    do {
      (kernel, session) = try makeKernelAndSession()
    } catch {
      Terminal.err(renderer.render(error.diagnostics))
      return ExitStatus.runtimeError
    }
    let display = ProgressDisplay.standardError()
    options.progress = display.show
    session.progress = display.show
    RunInterrupts.target(kernel.interpreter.interruptSwitch)
    let run = NotebookRunner(kernel: kernel, options: options).run(notebook)
    RunInterrupts.target(nil)
    session.progress = nil

    for failed in run.failedCells {
      if let failure = failed.failure { Terminal.err(renderer.render(failure.diagnostics)) }
    }
    if let failure = run.setupFailure { Terminal.err(renderer.render(failure.diagnostics)) }
    do {
      try options.cache?.save()
    } catch {
      Terminal.err(
        "lrnb: warning: cannot save the cache of \(path): \(error.localizedDescription)\n")
    }
    return writeReport(run, notebookURL: url) ?? run.exitStatus
  }

  /// Writes the report files; returns an exit status when that fails.
  private func writeReport(_ run: NotebookRun, notebookURL: URL) -> Int32? {
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
      return nil
    } catch {
      Terminal.err("lrnb: cannot write the report for \(run.notebook.name): \(error)\n")
      return ExitStatus.ioError
    }
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
