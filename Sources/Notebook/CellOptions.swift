// Cell options (`#| key: value`) and their front-matter defaults.

/// How a cell runs and shows: Quarto-style options from `#|` lines at the top of a
/// cell, over defaults from the front matter (top level or under `execute:`).
///
///     #| label: train
///     #| echo: false
///     #| fig-cap: Training loss per epoch
public struct CellOptions: Sendable, Hashable {
  /// A name for the cell: progress lines, anchors (`#cell-train`), figure files.
  public var label: String?
  /// Show the code in the report.
  public var echo = true
  /// Run the cell; `false` shows the code without running it.
  public var eval = true
  /// Show the cell's outputs.
  public var output = true
  /// Show an error in the report and go on with the next cell instead of stopping.
  public var error = false
  /// Record a cache key for the cell (see `CellCache`).
  public var cache = false
  /// Seconds the cell may run before the kernel stops it.
  public var timeout: Double?
  /// Default figure size in inches for plots made in the cell (like Quarto, matplotlib).
  public var figWidth: Double?
  /// Default figure height in inches.
  public var figHeight: Double?
  /// Alternative text for the cell's figures: one entry per figure, or one for all.
  public var figAlt: [String] = []
  /// Captions for the cell's figures: one entry per figure, or one for all.
  public var figCap: [String] = []
  /// Fold the code into a `<details>` element (overrides the notebook's `code-fold`).
  public var codeFold: CodeFold?

  /// Options with every default.
  public init() {}

  /// The names `#|` lines may use. Anything else is kept out and warned about.
  public static let knownKeys: [String] = [
    "label", "echo", "eval", "output", "error", "cache", "timeout", "fig-width", "fig-height",
    "fig-alt", "fig-cap", "code-fold",
  ]

  /// The alt text for figure `index` (0-based) of the cell, if the options give one.
  public func alt(forFigure index: Int) -> String? { pick(figAlt, index) }

  /// The caption for figure `index` (0-based) of the cell, if the options give one.
  public func caption(forFigure index: Int) -> String? { pick(figCap, index) }

  private func pick(_ values: [String], _ index: Int) -> String? {
    if values.count == 1 { return values[0] }
    return values.indices.contains(index) ? values[index] : nil
  }
}

/// Whether code is shown in a collapsible `<details>` element.
public enum CodeFold: String, Sendable, Hashable {
  /// Shown plainly.
  case none
  /// Collapsed behind a "Code" summary.
  case folded
  /// Collapsible, open at first.
  case open
}
