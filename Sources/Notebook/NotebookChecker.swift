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
      problems += kernel.check(cell.source)
    }
    return problems.sorted { $0.range.start < $1.range.start }
  }
}
