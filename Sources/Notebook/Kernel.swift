// The runner's view of the lr interpreter: run a cell, define parameters, check code.
import Lang

/// What the notebook runner needs from a language runtime. The CLI wraps a configured
/// `Lang.Interpreter` (with the native bindings loaded) in one; tests use a fake.
///
/// All calls come from one thread, in notebook order, sharing one global scope.
public protocol Kernel: AnyObject {
  /// Seeds the random number generator before the first cell (front-matter `seed`).
  func seed(_ value: UInt64)

  /// Defines a notebook parameter as an *lr* global before the first cell. Cells may
  /// read it but not declare it again at their top level: `var epochs = 10` would hide
  /// the parameter, and the value given with `-p`, from every later cell. `run` and
  /// `check` report such a declaration as an error at its name (see
  /// `Parameter.reservation(_:declaredAt:)`), and the cell does not run.
  /// - Parameter line: the front-matter line that declares the parameter, for that error.
  /// - Throws: a message-bearing error when the name cannot be defined.
  func setParameter(_ name: String, _ value: ParameterValue, declaredAt line: Int?) throws

  /// Runs one cell's source in the shared global scope. Printed text and explicit
  /// displays go to `sink` in order.
  /// - Returns: the display of the cell's last expression (nil when it has none or the
  ///   line ends with `;`).
  /// - Throws: every syntax error of the cell, or the runtime error that stopped it
  ///   (including running past `request.timeout`).
  func run(_ request: CellRequest, sink: any OutputSink) throws(RunFailure) -> Display?

  /// Parses and resolves a cell without running it, returning every problem found.
  /// Called in notebook order, so top-level names declared by earlier cells resolve.
  func check(_ source: Source) -> [Diagnostic]
}

/// One cell as the kernel sees it: its code and the options that concern execution.
public struct CellRequest: Sendable, Hashable {
  /// The cell's code in notebook coordinates (diagnostics point at notebook lines).
  public var source: Source
  /// The cell's label, if any (for messages and progress bars).
  public var label: String?
  /// Seconds after which the kernel must stop the cell with a runtime error.
  public var timeout: Double?
  /// Default figure size in inches for plots made in this cell, when the options set one.
  public var figureWidth: Double?
  /// Default figure height in inches, when the options set one.
  public var figureHeight: Double?

  /// Creates a request.
  public init(
    source: Source, label: String? = nil, timeout: Double? = nil, figureWidth: Double? = nil,
    figureHeight: Double? = nil
  ) {
    self.source = source
    self.label = label
    self.timeout = timeout
    self.figureWidth = figureWidth
    self.figureHeight = figureHeight
  }

  /// The request for `cell`, with its options applied.
  public init(_ cell: Cell) {
    self.init(
      source: cell.source, label: cell.options.label, timeout: cell.options.timeout,
      figureWidth: cell.options.figWidth, figureHeight: cell.options.figHeight)
  }
}
