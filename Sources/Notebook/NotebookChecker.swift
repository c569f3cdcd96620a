// `lrnb check`: every problem in a notebook without running any of its code.
import Lang

extension Notebook {
  /// Parses and resolves every evaluated cell through `kernel.check`, in order, after
  /// defining the parameters (so cells resolve against them). Returns the reader's
  /// warnings and every cell problem, in file order. Runs no cell.
  ///
  ///     let notebook = try NotebookReader.read(contentsOf: url)
  ///     let problems = notebook.check(with: kernel)
  public func check(with kernel: any Kernel, parameters: [Parameter]? = nil) -> [Diagnostic] {
    var problems = warnings
    problems += define(parameters ?? frontMatter.parameters, in: kernel)
    for cell in cells where cell.options.eval {
      let found = kernel.check(cell.source)
      // `#| error: true` says the cell is meant to fail (a report shows the error and
      // goes on): its errors are expected, so they are listed but do not fail the check.
      problems += cell.options.error ? found.map(expected) : found
    }
    return problems.sorted { $0.range.start < $1.range.start }
  }

  /// An error in an `error: true` cell, demoted to a note that says why.
  private func expected(_ problem: Diagnostic) -> Diagnostic {
    guard problem.severity == .error else { return problem }
    var note = problem
    note.severity = .note
    note.message = "expected error (the cell has `#| error: true`): \(problem.message)"
    return note
  }
}
