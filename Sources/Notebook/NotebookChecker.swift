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
    for parameter in parameters ?? frontMatter.parameters {
      do {
        try kernel.setParameter(parameter.name, parameter.value)
      } catch {
        let line = parameter.line ?? frontMatter.lines?.lowerBound ?? 1
        problems.append(
          .runtime(
            "cannot define parameter '\(parameter.name)': \(error)",
            at: NotebookReader.lineRange(name, line)))
      }
    }
    for cell in cells where cell.options.eval {
      problems += kernel.check(cell.source)
    }
    return problems.sorted { $0.range.start < $1.range.start }
  }
}
