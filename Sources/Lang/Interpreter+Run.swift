// The pipeline behind `run`: parse → (stop on errors) → resolve → (stop) → compile
// → execute in the persistent global scope.

extension Interpreter {
  func compileProgram(_ source: Source) throws(RunFailure) -> CompiledScript {
    let (program, syntaxErrors) = Parser.parse(source)
    if !syntaxErrors.isEmpty { throw RunFailure(syntaxErrors) }
    let resolution = Resolver.resolve(program, globals: globals)
    if !resolution.diagnostics.isEmpty { throw RunFailure(resolution.diagnostics) }
    return Compiler(machine: machine, resolution: resolution).compile(program)
  }

  func execute(_ script: CompiledScript) throws(RunFailure) -> Value? {
    if machine.depth == 0 {
      machine.enterFromSwift()
      machine.interruptSwitch.reset()
      // Nothing runs now, so functions replaced in global cells may go.
      globals.retired.values.removeAll()
    }
    let layout = script.layout
    do {
      let base = try machine.push(layout.slotCount, swiftCallSite)
      defer { machine.pop(base, layout.slotCount) }
      let boxes = UnsafeMutablePointer<Box?>.allocate(capacity: max(layout.boxCount, 1))
      boxes.initialize(repeating: nil, count: layout.boxCount)
      defer {
        boxes.deinitialize(count: layout.boxCount)
        boxes.deallocate()
      }
      let value = try script.code(Frame(slots: base, boxes: boxes, captures: noCaptures))
      return script.returnsValue ? value : nil
    } catch {
      switch error {
      case .fault(let fault):
        var diagnostic = fault.finished(topLevel: "<script>")
        if let name = fault.undefinedName {
          diagnostic.message = withSuggestion(
            diagnostic.message, for: name, among: globals.definedNames)
        }
        throw RunFailure([diagnostic])
      default:
        // The resolver rejects break/continue/return outside loops and functions.
        throw RunFailure([.runtime("internal error: control flow escaped", at: swiftCallSite)])
      }
    }
  }
}

/// The captures of top-level code: it has none.
nonisolated(unsafe) let noCaptures = UnsafeMutablePointer<Box>.allocate(capacity: 1)
