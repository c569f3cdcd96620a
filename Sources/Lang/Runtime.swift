// Runtime plumbing shared by compiled code: frames, boxes for captured variables,
// and the typed error that carries runtime faults and control flow.

/// A variable captured by a closure: it lives in a box so the closure and the frame
/// that declared it share one storage.
final class Box {
  /// The storage. A pointer rather than a stored `var`, which would pay a dynamic
  /// exclusivity check on every access; in-place updates go through `pointee`.
  let pointer: UnsafeMutablePointer<Value>

  init(_ value: Value) {
    pointer = .allocate(capacity: 1)
    pointer.initialize(to: value)
  }

  deinit {
    Disposal.clear(&pointer.pointee)
    pointer.deinitialize(count: 1)
    pointer.deallocate()
  }

  var value: Value {
    @inline(__always) get { pointer.pointee }
    @inline(__always) set { pointer.pointee = newValue }
  }
}

/// What one call of a function sees: its slots on the interpreter's value stack, the
/// boxes of its captured locals and the boxes its closure captured. A trivial struct
/// (no reference counting) because it is passed to every compiled node.
struct Frame {
  let slots: UnsafeMutablePointer<Value>
  let boxes: UnsafeMutablePointer<Box?>
  let captures: UnsafeMutablePointer<Box>
}

/// A runtime error on its way to the top, collecting the *lr* call stack as it
/// passes call sites. `pending` is where the error stands in the innermost function
/// not yet recorded in the stack.
final class RuntimeFault: Error, @unchecked Sendable {
  var diagnostic: Diagnostic
  var pending: SourceRange
  /// The name of an undefined variable, so the interpreter, which knows the globals,
  /// can suggest a close one when the error reaches the top.
  var undefinedName: String?

  init(_ message: String, at range: SourceRange) {
    diagnostic = .runtime(message, at: range)
    pending = range
  }

  init(continuing diagnostic: Diagnostic, at range: SourceRange) {
    self.diagnostic = diagnostic
    pending = range
  }

  /// The error leaves function `name` through the call at `callSite`.
  func leave(_ name: String, callSite: SourceRange) {
    diagnostic.stack.append(StackFrame(function: name, range: pending))
    pending = callSite
  }

  /// The finished diagnostic once the error reaches top-level code. A stack with
  /// only the top-level frame says nothing the range does not, so it stays empty.
  func finished(topLevel: String) -> Diagnostic {
    var d = diagnostic
    if !d.stack.isEmpty { d.stack.append(StackFrame(function: topLevel, range: pending)) }
    return d
  }
}

/// How compiled code leaves a node early: an error, or `break`/`continue`/`return`.
/// Typed throws keep these as cheap returns instead of boxed existentials.
enum Unwind: Error, @unchecked Sendable {
  case fault(RuntimeFault)
  case breakLoop
  case continueLoop
  case returnValue(Value)
  /// An update of a place that is a temporary value (turned into an error message by
  /// the code that knows what was attempted).
  case temporary

  static func error(_ message: String, _ range: SourceRange) -> Unwind {
    .fault(RuntimeFault(message, at: range))
  }

  /// "undefined variable 'name'".
  static func undefined(_ name: String, _ range: SourceRange) -> Unwind {
    let fault = RuntimeFault("undefined variable '\(name)'", at: range)
    fault.undefinedName = name
    return .fault(fault)
  }
}

/// A compiled node: evaluates in a frame to a value.
typealias Code = (Frame) throws(Unwind) -> Value

/// A `Code` held in a struct. Closures stored directly in arrays or optionals are
/// kept in the generic (indirect) representation, and every extraction wraps them
/// in a reabstraction thunk: one extra call per node. A struct field keeps the
/// closure's own representation, so collections of code hold `Compiled`.
struct Compiled {
  let run: Code
}

/// Runs `body` and turns any Swift error into a fault at `range`: natives may throw
/// anything, and the user must see a diagnostic, never a crash.
@inline(__always)
func catchingNative<R>(_ range: SourceRange, _ body: () throws -> R) throws(Unwind) -> R {
  do {
    return try body()
  } catch let unwind as Unwind {
    throw unwind
  } catch let diagnostic as Diagnostic {
    throw .fault(RuntimeFault(continuing: diagnostic, at: range))
  } catch {
    throw .error(String(describing: error), range)
  }
}
