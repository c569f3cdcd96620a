// Why a notebook could not be read: every problem found, as diagnostics.
import Lang

/// A notebook that cannot run: bad front matter, an unclosed fence, invalid cell
/// options, a file that is not text. Carries every error found (plus warnings), and
/// the text they point into so a `DiagnosticRenderer` can quote lines.
public struct NotebookError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Errors and warnings, in file order.
  public var diagnostics: [Diagnostic]
  /// The notebook text, when it could be decoded.
  public var source: Source?

  /// Creates an error from diagnostics.
  public init(_ diagnostics: [Diagnostic], source: Source? = nil) {
    self.diagnostics = diagnostics
    self.source = source
  }

  /// The diagnostics rendered as the CLI prints them (without colour).
  public var description: String {
    DiagnosticRenderer(sources: source.map { [$0] } ?? []).render(diagnostics)
  }

  /// One error at `line:column` of `file`.
  static func at(_ file: String, line: Int, column: Int = 1, _ message: String) -> NotebookError {
    let start = SourceLocation(line: line, column: column)
    let range = SourceRange(
      file: file, start: start, end: SourceLocation(line: line, column: column + 1))
    return NotebookError([.syntax(message, at: range)])
  }
}
