// The kernel the CLI uses: a configured lr interpreter behind the runner's protocol.
import Dispatch
import Lang
import Synchronization

/// Runs cells in a `Lang.Interpreter` that the caller has set up (natives registered,
/// stdlib loaded). Seeding and figure sizes belong to the bindings, so the caller passes
/// them in as closures.
///
///     let kernel = InterpreterKernel(interpreter: interp, seed: { Bindings.seed($0) })
///     let run = NotebookRunner(kernel: kernel).run(notebook)
public final class InterpreterKernel: Kernel {
  /// The interpreter every cell runs in, with one global scope for the whole notebook.
  public let interpreter: Interpreter
  private let seedHandler: ((UInt64) -> Void)?
  private let figureSizeHandler: ((_ width: Double?, _ height: Double?) -> Void)?
  /// Rebuild cached native objects (tensors, figures, …) by their `cacheTag`.
  let decoders: NativeDecoders
  /// Saves and restores the bindings' state outside the globals (the random stream).
  let sessionState: SessionStateHooks?
  /// The parameters defined so far, which cells may read but not declare.
  private(set) var reservedNames: [String: ReservedName] = [:]

  /// Wraps `interpreter`, which may already hold globals (a REPL session).
  /// - Parameters:
  ///   - seed: reseeds the random number generator (front-matter `seed`).
  ///   - figureSize: sets the default figure size in inches for the next cell (nil
  ///     arguments: the bindings' defaults); called before every cell.
  ///   - decoders: the bindings' decoders for cached native objects; without them only
  ///     plain values (numbers, strings, lists, records) can be restored from a cache.
  ///   - sessionState: the bindings' state that cached cells must carry along; without
  ///     it a cached cell that draws random numbers cannot be restored faithfully.
  public init(
    interpreter: Interpreter, seed: ((UInt64) -> Void)? = nil,
    figureSize: ((_ width: Double?, _ height: Double?) -> Void)? = nil,
    decoders: NativeDecoders = NativeDecoders(), sessionState: SessionStateHooks? = nil
  ) {
    self.interpreter = interpreter
    self.seedHandler = seed
    self.figureSizeHandler = figureSize
    self.decoders = decoders
    self.sessionState = sessionState
  }

  /// Passes the seed to the `seed` closure given at creation.
  public func seed(_ value: UInt64) { seedHandler?(value) }

  /// Defines the parameter as a global constant, and reserves its name for the cells run
  /// or checked through this kernel. The reservation lives in the kernel, not the
  /// interpreter: a REPL session that `:load`s a notebook may still declare the name
  /// in its own entries afterwards, where there is no `-p` to lose.
  public func setParameter(_ name: String, _ value: ParameterValue, declaredAt line: Int?)
    throws
  {
    interpreter.define(name, value.lrValue)
    reservedNames[name] = Parameter.reservation(name, declaredAt: line)
  }

  /// The interpreter's parse and resolve problems for `source`; nothing runs.
  public func check(_ source: Source) -> [Diagnostic] {
    interpreter.check(source, reserving: Array(reservedNames.values))
  }

  /// Runs the cell with the interpreter's output sent to `sink`. A `timeout` starts a
  /// timer that interrupts the interpreter (it stops at its next loop step or call);
  /// the resulting "interrupted" error is reworded to name the timeout.
  public func run(_ request: CellRequest, sink: any OutputSink) throws(RunFailure) -> Display? {
    let previousOutput = interpreter.output
    interpreter.output = sink
    defer { interpreter.output = previousOutput }
    figureSizeHandler?(request.figureWidth, request.figureHeight)

    let watchdog = request.timeout.map {
      Watchdog(seconds: $0, interrupt: interpreter.interruptSwitch)
    }
    defer { watchdog?.cancel() }
    do {
      let reserved = Array(reservedNames.values)
      guard let value = try interpreter.run(request.source, reserving: reserved) else { return nil }
      if case .nil = value { return nil }
      return interpreter.display(value)
    } catch {
      guard let watchdog, watchdog.fired, let seconds = request.timeout else { throw error }
      var failure = error
      for index in failure.diagnostics.indices
      where failure.diagnostics[index].message == "interrupted" {
        failure.diagnostics[index].message =
          "cell stopped after its timeout of \(ParameterValue.formatNumber(seconds)) s (#| timeout)"
      }
      throw failure
    }
  }
}

/// Fires an interpreter's interrupt switch `seconds` from now, and again every 50 ms
/// until cancelled: the interpreter clears the switch when it starts running a source,
/// so a single early shot (the cell still compiling on a loaded machine) could be lost.
private final class Watchdog {
  static let repeatInterval = DispatchTimeInterval.milliseconds(50)

  /// Set from the timer's queue, read on the interpreter's thread.
  private final class Flag: Sendable {
    let value = Atomic<Bool>(false)
  }

  private let timer: any DispatchSourceTimer
  private let flag = Flag()

  init(seconds: Double, interrupt: InterruptSwitch) {
    // A queue of its own targets the overcommitting root queue, which always gets a
    // thread: on `.global()` the timer can starve while busy cells hold every core.
    timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "lrnb.cell-timeout"))
    timer.schedule(deadline: .now() + seconds, repeating: Self.repeatInterval)
    timer.setEventHandler { [flag] in
      flag.value.store(true, ordering: .relaxed)
      interrupt.fire()
    }
    timer.resume()
  }

  /// Whether the timeout was reached.
  var fired: Bool { flag.value.load(ordering: .relaxed) }

  func cancel() { timer.cancel() }
}

extension ParameterValue {
  /// The value as an *lr* value.
  public var lrValue: Value {
    switch self {
    case .nil: .nil
    case .bool(let b): .bool(b)
    case .number(let x): .number(x)
    case .string(let s): .string(s)
    case .list(let items): .list(items.map(\.lrValue))
    case .record(let fields): .record(fields.map { ($0.name, $0.value.lrValue) })
    }
  }
}
