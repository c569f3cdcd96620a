// The interpreter's public face: run sources in one persistent global scope,
// define globals and natives, call lr functions, display values, interrupt.

/// Runs *lr* code. Notebook cells and REPL entries run one after another in the same
/// global scope: a function defined by one source may call a global defined later.
///
///     let interp = Interpreter(output: CollectingSink())
///     interp.define("epochs", .number(3))
///     let v = try interp.run(Source(name: "cell", text: "epochs * 2"))  // 6
public final class Interpreter {
  /// Where `print` and `display` write.
  public var output: any OutputSink
  let globals = Globals()
  let machine = Machine()
  private(set) lazy var modules = ModuleLoader(interpreter: self)
  /// Methods of native types registered for docs and completion, by type name.
  var nativeMethods: [String: [NativeFunction]] = [:]

  /// An interpreter writing to `output`, with the core builtins (`print`, `display`,
  /// `len`, `str`, `type`, `assert`, `error`, …) defined.
  public init(output: any OutputSink) {
    self.output = output
    registerCoreBuiltins()
    machine.modules = modules
  }

  deinit {
    globals.clear()
    modules.clear()
  }

  /// Defines (or redefines) the global constant `name`: a native, a notebook parameter.
  public func define(_ name: String, _ value: Value) {
    globals.cell(name).define(value, constant: true)
  }

  /// Defines `fn` as a global constant under its own name.
  public func register(_ fn: NativeFunction) {
    define(fn.name, .function(fn))
  }

  /// The value of global `name`, or nil when it is not defined.
  public func globalValue(_ name: String) -> Value? {
    globals.existingCell(name)?.value
  }

  /// The names of all defined globals, sorted (for completion and `:help`).
  public var globalNames: [String] { globals.definedNames }

  /// Parses, resolves and runs `source` in the global scope.
  ///
  /// - Parameter reserved: globals the source may read but not declare at its top level
  ///   (a notebook's parameters); a declaration of one is an error and nothing runs.
  /// - Returns: the value of the final expression statement, or nil when the source
  ///   ends with another statement or with `;`.
  /// - Throws: every syntax error of the source, or the runtime error that stopped it.
  public func run(_ source: Source, reserving reserved: [ReservedName] = []) throws(RunFailure)
    -> Value?
  {
    let program = try compileProgram(source, reserving: reserved)
    return try execute(program)
  }

  /// The syntax and resolution errors of `source`, without running it; `reserved` as
  /// for `run(_:reserving:)`.
  public func check(_ source: Source, reserving reserved: [ReservedName] = []) -> [Diagnostic] {
    do {
      _ = try compileProgram(source, reserving: reserved)
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// Calls the function `f` with positional `arguments`.
  /// - Throws: a `Diagnostic` when `f` is not callable or fails.
  public func call(_ f: Value, _ arguments: [Value]) throws -> Value {
    try machine.callFromSwift(f, arguments)
  }

  /// Stops the running code at its next loop iteration or call with the runtime error
  /// "interrupted"; the interpreter stays usable. Safe to call from any thread.
  public func interrupt() {
    machine.interruptSwitch.fire()
  }

  /// A handle other threads (a timer, a signal handler) may keep to interrupt this
  /// interpreter, since the interpreter itself must stay on its own thread.
  public var interruptSwitch: InterruptSwitch { machine.interruptSwitch }
}
