// Reading a notebook for `run` and `check`, printing why it cannot be read.
import ArgumentParser
import Foundation
import Lang
import Notebook

/// The notebook at `path`, or the exit status after printing why it cannot be read:
/// 66 for a missing file or a folder, 65 for a notebook with errors.
func readNotebook(_ path: String) -> Result<Notebook, ExitCode> {
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
    !isDirectory.boolValue
  else {
    Terminal.err("lrnb: \(path): \(isDirectory.boolValue ? "is a directory" : "no such file")\n")
    return .failure(ExitCode(ExitStatus.noInput))
  }
  do {
    return .success(try NotebookReader.read(contentsOf: URL(fileURLWithPath: path), name: path))
  } catch {
    let renderer = DiagnosticRenderer(
      sources: error.source.map { [$0] } ?? [], color: Terminal.stderrIsTerminal)
    Terminal.err(renderer.render(error.diagnostics))
    let errors = error.diagnostics.filter { $0.severity == .error }.count
    if errors > 0 { Terminal.err("\(path): \(errors == 1 ? "1 error" : "\(errors) errors")\n") }
    return .failure(ExitCode(errors == 0 ? ExitStatus.noInput : ExitStatus.syntaxError))
  }
}
