// What running lr produces besides values: printed text and rich displays
// (tables, images) that the notebook and REPL render.

/// A rich display of a value: how a notebook, the REPL or a script shows it.
public enum Display: Sendable, Hashable {
  /// Plain text (already formatted, may span lines).
  case text(String)
  /// A table: column headers and rows of cell texts.
  case table(Table)
  /// An encoded image, e.g. a rendered figure.
  case image(Image)

  /// A table of strings, as shown for records, lists of records and *lr* tables.
  public struct Table: Sendable, Hashable {
    /// Column headers.
    public var columns: [String]
    /// Rows of cell texts, each as long as `columns`.
    public var rows: [[String]]
    /// Optional caption shown above/below the table.
    public var caption: String?

    /// A table with `columns`, `rows` and an optional caption.
    public init(columns: [String], rows: [[String]], caption: String? = nil) {
      self.columns = columns
      self.rows = rows
      self.caption = caption
    }
  }

  /// An encoded picture with its alternative text.
  public struct Image: Sendable, Hashable {
    /// The encoded bytes (PNG).
    public var data: [UInt8]
    /// The MIME type of `data`, e.g. `image/png`.
    public var mimeType: String
    /// Pixel size, for the report's `width`/`height` attributes.
    public var width: Int
    /// Pixel height.
    public var height: Int
    /// Alternative text describing the picture for readers who cannot see it.
    public var alt: String
    /// Optional SVG rendering of the same picture.
    public var svg: String?

    /// An image of `data` (PNG unless `mimeType` says otherwise).
    public init(
      data: [UInt8], mimeType: String = "image/png", width: Int, height: Int, alt: String,
      svg: String? = nil
    ) {
      self.data = data
      self.mimeType = mimeType
      self.width = width
      self.height = height
      self.alt = alt
      self.svg = svg
    }
  }
}

/// One piece of output in the order a cell or script produced it.
public enum OutputItem: Sendable, Hashable {
  /// Text written by `print` (includes its newline).
  case stdout(String)
  /// A value displayed explicitly (`display(x)`) or as a cell's last expression.
  case display(Display)
}

/// Receives output while *lr* runs. The CLI writes it to stdout; the notebook
/// runner collects it per cell; the REPL prints it as it comes.
public protocol OutputSink: AnyObject {
  /// Receives one piece of output, in the order it was produced.
  func emit(_ item: OutputItem)
}

/// An `OutputSink` that keeps everything, in order.
public final class CollectingSink: OutputSink {
  /// Everything emitted so far, in order.
  public private(set) var items: [OutputItem] = []
  /// An empty sink.
  public init() {}
  /// Keeps `item`.
  public func emit(_ item: OutputItem) { items.append(item) }
  /// Forgets what was collected (the runner reuses one sink per cell).
  public func reset() { items = [] }
}
