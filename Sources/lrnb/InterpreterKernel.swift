// Adapts the lr interpreter (with lrnb's bindings) to the notebook runner's Kernel.
import Bindings
import Dispatch
import Lang
import Notebook

/// A `Kernel` over one `Interpreter` and its bindings `Session`: cells share the
/// interpreter's global scope; the seed and figure defaults go to the session.
final class InterpreterKernel: Kernel {
  let interpreter: Interpreter
  let session: Session

  init() throws(RunFailure) {
    (interpreter, session) = try Library.makeInterpreter(output: CollectingSink())
  }

  func seed(_ value: UInt64) { session.seed(value) }

  func setParameter(_ name: String, _ value: ParameterValue) throws {
    interpreter.define(name, lrValue(value))
  }

  func run(_ request: CellRequest, sink: any OutputSink) throws(RunFailure) -> Display? {
    interpreter.output = sink
    // Cell options give figure sizes in inches, as Quarto does; figures are 96 px/inch.
    if let w = request.figureWidth, let h = request.figureHeight {
      session.figureSize = (w * 96, h * 96)
    } else {
      session.figureSize = nil
    }
    let timer = request.timeout.map(startTimer)
    defer { timer?.cancel() }
    guard let value = try interpreter.run(request.source), !value.isNil else { return nil }
    return interpreter.display(value)
  }

  func check(_ source: Source) -> [Diagnostic] { interpreter.check(source) }

  /// Interrupts the running cell after `seconds` (the cell fails with "interrupted").
  private func startTimer(_ seconds: Double) -> DispatchWorkItem {
    let work = DispatchWorkItem { [interpreter] in interpreter.interrupt() }
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: work)
    return work
  }
}

/// A notebook parameter as an *lr* value.
func lrValue(_ value: ParameterValue) -> Value {
  switch value {
  case .nil: return .nil
  case .bool(let b): return .bool(b)
  case .number(let x): return .number(x)
  case .string(let s): return .string(s)
  case .list(let items): return .list(items.map(lrValue))
  case .record(let fields): return .record(fields.map { ($0.name, lrValue($0.value)) })
  }
}
