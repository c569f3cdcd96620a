// `:load NB.lrnb`: runs a notebook's cells in the session's own global scope,
// through the notebook runner (and its cache manifest when the notebook has one).
import Bindings
import Foundation
import Lang
import Notebook

/// What `:save` needs to reproduce a loaded notebook: its parameters, seed and the
/// code of the cells that ran.
struct LoadedNotebook {
  var path: String
  var parameters: [(name: String, literal: String)]
  var seed: UInt64?
  var cells: [(code: String, outcome: RecordedEntry.Outcome)]
}

extension ReplSession {
  /// Runs the notebook at `path` into the session, printing progress and errors.
  func load(_ path: String) {
    let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
    let notebook: Notebook
    do {
      notebook = try NotebookReader.read(contentsOf: url, name: path)
    } catch {
      report(RunFailure(error.diagnostics), extraSources: error.source.map { [$0] } ?? [])
      return
    }
    let number = nextCell()
    let before = Set(interpreter.globalNames)
    var options = RunOptions()
    options.toolVersion = Version.current
    options.toolBuild = Version.build
    options.progress = { [console] event in
      if case .finished = event { console.err(event.line + "\n") }
    }
    let cacheDirectory = CellCache.defaultDirectory(forNotebookAt: url)
    if FileManager.default.fileExists(atPath: cacheDirectory.path) {
      options.cache = CellCache(directory: cacheDirectory)
    }
    // The kernel runs cells in the session's own interpreter, so what the notebook
    // defines stays defined (and it restores the REPL's output sink after each cell).
    let run = NotebookRunner(kernel: makeKernel(interpreter, bindings), options: options)
      .run(notebook)
    try? options.cache?.save()
    bindings.figureSize = nil

    if let failure = run.setupFailure { report(failure, extraSources: [notebook.source]) }
    for cell in run.cells where cell.status == .failed {
      if let failure = cell.failure { report(failure, extraSources: [notebook.source]) }
    }
    record.append(RecordedEntry(code: "", outcome: .succeeded, notebook: loaded(run, path: path)))
    let defined = interpreter.globalNames.filter { !before.contains($0) }
    let ran = run.cells.filter { $0.status == .succeeded || $0.status == .failed }.count
    var summary =
      "loaded \(path) [\(number)]: \(ran) of \(run.cells.count) cells in "
      + formatDuration(run.totalTime)
    if !defined.isEmpty { summary += "; defined " + defined.joined(separator: ", ") }
    console.out(summary + "\n")
  }

  private func loaded(_ run: NotebookRun, path: String) -> LoadedNotebook {
    let cells = run.cells.compactMap { result -> (String, RecordedEntry.Outcome)? in
      let code = result.cell.source.text
      switch result.status {
      case .succeeded: return (code, .succeeded)
      case .failed:
        let interrupted = result.failure?.diagnostics.first?.message == "interrupted"
        return (code, interrupted ? .interrupted : .failed)
      case .skipped, .notRun: return nil
      }
    }
    return LoadedNotebook(
      path: path, parameters: run.parameters.map { ($0.name, $0.value.lrLiteral) },
      seed: run.seed, cells: cells)
  }
}
