// The YAML front matter: title block, seed, parameters, cell-option defaults, metadata.

/// What the `---` block at the top of a notebook says.
///
///     ---
///     title: Robust low-rank training
///     author: [Ada, Grace]
///     seed: 7
///     params: {epochs: 3, tau: 0.1}
///     echo: false          # a default for every cell (also under `execute:`)
///     toc: true
///     ---
public struct FrontMatter: Sendable, Hashable {
  /// The report's title (also the page title).
  public var title: String?
  /// A line under the title.
  public var subtitle: String?
  /// Authors in order (a single `author:` gives one).
  public var authors: [String] = []
  /// The date as written (`today` means the day of the run).
  public var date: String?
  /// The random seed the kernel is given before the first cell.
  public var seed: UInt64?
  /// Parameters in the order written; each becomes an *lr* global.
  public var parameters: [Parameter] = []
  /// Defaults for every cell's options (`code-fold` here sets the notebook's folding).
  public var cellDefaults = CellOptions()
  /// Table of contents: nil shows it when there are at least two headings.
  public var toc: Bool?
  /// Deepest heading level listed in the table of contents.
  public var tocDepth = 3
  /// Every other key, kept in order as written.
  public var metadata: [ParameterValue.Field] = []
  /// File lines the front matter occupies, `---` lines included (nil when absent).
  public var lines: ClosedRange<Int>?

  /// Empty front matter.
  public init() {}
}

/// A notebook parameter: a name, its value, and where it was declared.
public struct Parameter: Sendable, Hashable {
  /// The *lr* global it becomes.
  public var name: String
  /// Its value.
  public var value: ParameterValue
  /// The front-matter line that declares it, or nil when it came from the command line.
  public var line: Int?

  /// Creates a parameter.
  public init(name: String, value: ParameterValue, line: Int? = nil) {
    self.name = name
    self.value = value
    self.line = line
  }
}
