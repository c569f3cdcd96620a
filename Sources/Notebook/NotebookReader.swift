// Reading a `.lrnb` file: text checks → front matter → Markdown blocks → cells and options.
import Foundation
import Lang

/// Parses notebooks. Never crashes on bad input: every problem becomes a diagnostic
/// with the file line, and `read` throws them all at once.
///
///     let notebook = try NotebookReader.read(contentsOf: URL(fileURLWithPath: "tour.lrnb"))
public enum NotebookReader {
  /// Largest notebook accepted; a bigger file is almost surely not a notebook.
  public static let maxFileSize = 64 << 20

  /// Reads the notebook at `url`. Diagnostics name the file `name` (default: the path
  /// as given, so messages point where the user looks).
  public static func read(contentsOf url: URL, name: String? = nil) throws(NotebookError)
    -> Notebook
  {
    let file = name ?? url.relativePath
    let data: Data
    do {
      let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
      guard size <= maxFileSize else {
        throw NotebookError.at(file, line: 1, "file is too large to be a notebook (\(size) bytes)")
      }
      data = try Data(contentsOf: url)
    } catch let error as NotebookError {
      throw error
    } catch {
      throw .at(file, line: 1, "cannot read the notebook: \(error.localizedDescription)")
    }
    return try read(bytes: [UInt8](data), name: file)
  }

  /// Reads a notebook from raw bytes (which must be UTF-8 text).
  public static func read(bytes: [UInt8], name: String) throws(NotebookError) -> Notebook {
    try read(TextDecoding.decode(bytes, file: name), name: name)
  }

  /// Reads a notebook from text named `name` in diagnostics.
  public static func read(_ text: String, name: String) throws(NotebookError) -> Notebook {
    let text = TextDecoding.normalizeNewlines(text)
    let source = Source(name: name, text: text)
    var diagnostics: [Diagnostic] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

    var frontMatter = FrontMatter()
    var markdownLines = lines
    if let located = FrontMatter.locate(lines) {
      guard located.closed else {
        throw NotebookError(
          [.syntax("front matter opened here is never closed with '---'", at: lineRange(name, 1))],
          source: source)
      }
      let yaml = lines[1..<(located.range.upperBound - 1)].joined(separator: "\n")
      frontMatter = FrontMatter.parse(
        yaml: yaml, firstLine: 2, file: name, diagnostics: &diagnostics)
      frontMatter.lines = located.range
      // cmark would read `---` as a thematic break: blank the block so line numbers stay true.
      for index in 0..<located.range.upperBound { markdownLines[index] = "" }
    }
    let blocks = BlockSplitter(
      file: name, lines: lines, firstProseLine: (frontMatter.lines?.upperBound ?? 0) + 1,
      defaults: frontMatter.cellDefaults
    ).split(markdownLines.joined(separator: "\n"), diagnostics: &diagnostics)

    diagnostics.sort { $0.range.start < $1.range.start }
    if diagnostics.contains(where: { $0.severity == .error }) {
      throw NotebookError(diagnostics, source: source)
    }
    return Notebook(source: source, frontMatter: frontMatter, blocks: blocks, warnings: diagnostics)
  }

  /// A range covering the start of `line`.
  static func lineRange(_ file: String, _ line: Int, column: Int = 1) -> SourceRange {
    SourceRange(
      file: file, start: SourceLocation(line: line, column: column),
      end: SourceLocation(line: line, column: column + 1))
  }
}
