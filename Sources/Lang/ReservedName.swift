// Globals a source may read but not declare at its top level: a notebook's parameters.

/// A global that top-level code may read but not declare again.
///
/// A notebook's parameters are globals its cells read. Top-level `let`/`var`/`fn` may
/// redeclare a global (cells are re-run), so without a reservation `var epochs = 10` in
/// a cell would replace the parameter, and with it the value given on the command line,
/// without a word. Passed to `Interpreter.run(_:reserving:)` or `check(_:reserving:)`,
/// such a declaration is a resolve error at its name instead, and nothing of the source
/// runs. Locals (in functions and blocks) of the same name are ordinary shadowing.
///
///     let epochs = ReservedName("epochs") { keyword in
///       "'epochs' is a notebook parameter; this '\(keyword)' would hide it"
///     }
///     interp.check(Source(name: "cell", text: "var epochs = 10"), reserving: [epochs])
public struct ReservedName: Sendable {
  /// The global's name.
  public var name: String
  /// The error message for a top-level declaration of the name, given the keyword that
  /// declares it: `let`, `var` or `fn`. The caller words it, since only the caller knows
  /// what the name is (a parameter, where it was declared, how it is overridden).
  public var message: @Sendable (_ keyword: String) -> String

  /// Reserves `name`; a declaration of it is reported with `message(keyword)`.
  public init(_ name: String, message: @escaping @Sendable (_ keyword: String) -> String) {
    self.name = name
    self.message = message
  }
}
