// Defining a notebook's parameters in a kernel, and the error for a cell that declares
// one of them again.
import Lang

extension Notebook {
  /// Defines `parameters` in `kernel` (with where the front matter declares each);
  /// returns a problem, at the parameter's line, for every one the kernel refuses.
  func define(_ parameters: [Parameter], in kernel: any Kernel) -> [Diagnostic] {
    // An override clears `Parameter.line`; the declaring line is the front matter's.
    let declaredLines = Dictionary(
      frontMatter.parameters.map { ($0.name, $0.line) }, uniquingKeysWith: { first, _ in first })
    var problems: [Diagnostic] = []
    for parameter in parameters {
      let declared = declaredLines[parameter.name] ?? parameter.line
      do {
        try kernel.setParameter(parameter.name, parameter.value, declaredAt: declared)
      } catch {
        let line = parameter.line ?? frontMatter.lines?.lowerBound ?? 1
        problems.append(
          .runtime(
            "cannot define parameter '\(parameter.name)': \(error)",
            at: NotebookReader.lineRange(name, line)))
      }
    }
    return problems
  }
}

extension Parameter {
  /// The parameter `name` as a name cells may read but not declare at their top level.
  /// Such a declaration would replace the parameter for every later cell, so a `-p`
  /// override would be accepted and then silently lost.
  ///
  ///     nb.lrnb:14:5: error: 'epochs' is a notebook parameter (front matter, line 3);
  ///     this 'var' would hide it and -p epochs=… would be ignored: use the parameter,
  ///     or choose another name
  /// - Parameter line: the front-matter line that declares it, when known.
  static func reservation(_ name: String, declaredAt line: Int?) -> ReservedName {
    let place = line.map { "front matter, line \($0)" } ?? "front matter"
    return ReservedName(name) { keyword in
      "'\(name)' is a notebook parameter (\(place)); this '\(keyword)' would hide it and "
        + "-p \(name)=… would be ignored: use the parameter, or choose another name"
    }
  }
}
