// The parsed notebook: front matter, then prose and lr cells in file order.
import Lang

/// A `.lrnb` notebook as read from its file: metadata, prose and *lr* cells.
///
/// Reading never runs anything; `NotebookRunner` executes the cells.
///
///     let notebook = try NotebookReader.read(text, name: "tour.lrnb")
///     for cell in notebook.cells { print(cell.options.label ?? "-", cell.fenceLine) }
public struct Notebook: Sendable, Hashable {
  /// The notebook's whole text, named like the file, so diagnostics can quote any line.
  public var source: Source
  /// Title, author, date, seed, parameters, cell-option defaults and other metadata.
  public var frontMatter: FrontMatter
  /// Prose and cells, top to bottom.
  public var blocks: [Block]
  /// Problems that do not stop a run (unknown cell options, nested `lr` fences, …).
  public var warnings: [Diagnostic]

  /// Creates a notebook from parts (the reader is the usual way to get one).
  public init(
    source: Source, frontMatter: FrontMatter, blocks: [Block], warnings: [Diagnostic] = []
  ) {
    self.source = source
    self.frontMatter = frontMatter
    self.blocks = blocks
    self.warnings = warnings
  }

  /// The file name used in diagnostics and progress lines.
  public var name: String { source.name }

  /// The executable cells in order.
  public var cells: [Cell] {
    blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
  }
}

/// One top-level piece of a notebook.
public enum Block: Sendable, Hashable {
  /// CommonMark + GFM prose (including code fences in other languages, shown as code).
  case prose(Prose)
  /// An executable ```` ```lr ```` cell.
  case cell(Cell)
}

/// A run of Markdown between two cells.
public struct Prose: Sendable, Hashable {
  /// The Markdown text, exactly as in the file.
  public var text: String
  /// The file line of the text's first line.
  public var firstLine: Int

  /// Creates prose starting at file line `firstLine`.
  public init(text: String, firstLine: Int) {
    self.text = text
    self.firstLine = firstLine
  }
}

/// An executable *lr* cell.
public struct Cell: Sendable, Hashable {
  /// 1-based position among the notebook's cells.
  public var number: Int
  /// The cell's code in notebook coordinates (`firstLine` is the line after the fence),
  /// including its `#|` option lines, which are *lr* comments.
  public var source: Source
  /// The file line of the opening fence.
  public var fenceLine: Int
  /// Options from the `#|` lines, already merged over the front-matter defaults.
  public var options: CellOptions
  /// How many leading lines of `source.text` are `#|` option lines.
  public var optionLineCount: Int

  /// Creates a cell (the reader is the usual way to get one).
  public init(
    number: Int, source: Source, fenceLine: Int, options: CellOptions, optionLineCount: Int = 0
  ) {
    self.number = number
    self.source = source
    self.fenceLine = fenceLine
    self.options = options
    self.optionLineCount = optionLineCount
  }

  /// The code a reader sees: the source without its `#|` option lines and trailing newline.
  public var displayCode: String {
    let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
    var shown = lines.dropFirst(optionLineCount)
    while let last = shown.last, last.allSatisfy(\.isWhitespace) { shown.removeLast() }
    return shown.joined(separator: "\n")
  }

  /// The name progress lines and the report use: the label, or `cell N`.
  public var title: String { options.label ?? "cell \(number)" }

  /// A stable name for files and anchors: the label, or the cell number.
  public var slug: String { options.label ?? String(number) }
}
