// Diagnostics are data: a severity, a message, a range, notes and an lr call stack.
// Only the CLI prints them; the notebook renders the same data as HTML.

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable {
  case error, warning, note
}

/// One frame of the *lr* call stack at a runtime error, innermost first.
public struct StackFrame: Sendable, Hashable {
  /// The function's name, or `<script>`/`<cell>` for top-level code.
  public var function: String
  /// Where in that function the call (or the error) happened.
  public var range: SourceRange

  /// A frame of `function` at `range`.
  public init(function: String, range: SourceRange) {
    self.function = function
    self.range = range
  }
}

/// A problem found while lexing, parsing, resolving or running *lr*.
///
/// Thrown as an `Error` by the interpreter; collected in arrays by the parser,
/// which reports every syntax error of a source in one pass.
public struct Diagnostic: Error, Sendable, Hashable {
  /// Which phase produced it: a syntax error (exit 65) or a runtime error (exit 70).
  public enum Kind: String, Sendable, Hashable {
    case syntax, runtime
  }

  /// Error, warning or note.
  public var severity: Severity
  /// Syntax (nothing ran) or runtime.
  public var kind: Kind
  /// Lowercase, no trailing period, names in quotes: `undefined variable 'x'`.
  public var message: String
  /// Where the problem is, in file coordinates.
  public var range: SourceRange
  /// Extra context, each with its own range (e.g. "first defined here").
  public var notes: [Diagnostic]
  /// The *lr* call stack for runtime errors, innermost first; empty otherwise.
  public var stack: [StackFrame]

  /// A diagnostic with every field given.
  public init(
    _ severity: Severity = .error, kind: Kind, message: String, range: SourceRange,
    notes: [Diagnostic] = [], stack: [StackFrame] = []
  ) {
    self.severity = severity
    self.kind = kind
    self.message = message
    self.range = range
    self.notes = notes
    self.stack = stack
  }

  /// A syntax error at `range`.
  public static func syntax(_ message: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(kind: .syntax, message: message, range: range)
  }

  /// A runtime error at `range` (the interpreter fills in `stack` as it unwinds).
  public static func runtime(_ message: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(kind: .runtime, message: message, range: range)
  }
}

/// What stops a run: every syntax error of a source (the parser recovers and
/// reports them all), or the one runtime error that ended execution.
public struct RunFailure: Error, Sendable, Hashable {
  /// Every syntax error, or the one runtime error.
  public var diagnostics: [Diagnostic]

  /// A failure reporting `diagnostics`.
  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// True when the run stopped before executing anything (exit status 65).
  public var isSyntaxError: Bool { diagnostics.contains { $0.kind == .syntax } }
}
