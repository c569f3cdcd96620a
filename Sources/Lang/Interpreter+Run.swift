// The pipeline behind `run`: parse → (stop on errors) → resolve → (stop) → compile
// → execute in the persistent global scope.

extension Interpreter {
  func compileProgram(_ source: Source, reserving reserved: [ReservedName] = [])
    throws(RunFailure) -> CompiledScript
  {
    let (program, syntaxErrors) = Parser.parse(source)
    if !syntaxErrors.isEmpty { throw RunFailure(syntaxErrors) }
    let resolution = Resolver.resolve(program, globals: globals, reserved: reserved)
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
    do {
      let value = try machine.runScript(script)
      return script.returnsValue ? value : nil
    } catch {
      switch error {
      case .fault(let fault):
        var diagnostic = fault.finished(topLevel: "<script>")
        if let name = fault.undefinedName {
          diagnostic.message = withVariableSuggestion(
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

extension Machine {
  /// Runs top-level code in a frame of its own on the value stack.
  func runScript(_ script: CompiledScript) throws(Unwind) -> Value {
    let layout = script.layout
    let base = try push(layout.slotCount, swiftCallSite)
    defer { pop(base, layout.slotCount) }
    let boxes = UnsafeMutablePointer<Box?>.allocate(capacity: max(layout.boxCount, 1))
    boxes.initialize(repeating: nil, count: layout.boxCount)
    defer {
      boxes.deinitialize(count: layout.boxCount)
      boxes.deallocate()
    }
    // Top-level code captures nothing; the pointer is never read.
    let noCaptures = UnsafeMutableRawPointer(boxes).assumingMemoryBound(to: Box.self)
    return try script.code(Frame(slots: base, boxes: boxes, captures: noCaptures))
  }
}
