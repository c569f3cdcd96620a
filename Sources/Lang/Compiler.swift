// The compiler: turns the resolved tree into Swift closures once, so running code
// never walks the tree or looks a variable up by name.

/// Top-level code ready to run.
struct CompiledScript {
  let code: Code
  let layout: FunctionLayout
  /// Whether the source ends with an expression statement whose value `run` returns.
  let returnsValue: Bool
}

/// Compiles one resolved program. Closures capture the machine (never the
/// interpreter), so functions that outlive a run hold no reference cycle.
struct Compiler {
  let machine: Machine
  let resolution: Resolution

  func compile(_ program: Program) -> CompiledScript {
    var returnsValue = false
    if case .expression(_, let suppressed) = program.statements.last?.kind {
      returnsValue = !suppressed
    }
    let code = sequence(program.statements.map { Compiled(run: statement($0)) })
    return CompiledScript(code: code, layout: resolution.script, returnsValue: returnsValue)
  }

  /// Runs codes in order; the value is the last one's.
  func sequence(_ codes: [Compiled]) -> Code {
    switch codes.count {
    case 0: return { _ in .nil }
    case 1: return codes[0].run
    case 2:
      let (a, b) = (codes[0].run, codes[1].run)
      return { f throws(Unwind) in
        discard(try a(f))
        return try b(f)
      }
    default:
      let head = Array(codes.dropLast())
      let last = codes[codes.count - 1].run
      return { f throws(Unwind) in
        for code in head { discard(try code.run(f)) }
        return try last(f)
      }
    }
  }

  /// The code of `expr`, or code producing nil when there is none.
  func optional(_ expr: Expr?) -> Code {
    guard let expr else { return { _ in .nil } }
    return expression(expr)
  }

  func expressions(_ exprs: [Expr]) -> [Compiled] {
    exprs.map { Compiled(run: expression($0)) }
  }

  func block(_ block: Block) -> Code {
    sequence(block.statements.map { Compiled(run: statement($0)) })
  }

  func variable(_ name: Name) -> VariableInfo {
    // The resolver records every name it visits; a miss would be a compiler bug, and
    // a global lookup by name is a safe answer.
    resolution.variables[name.id]
      ?? VariableInfo(storage: .global(GlobalCell(name: name.text)), constant: false)
  }

  func statement(_ statement: Stmt) -> Code {
    let range = statement.range
    switch statement.kind {
    case .expression(let e, let suppressed):
      let code = expression(e)
      if !suppressed { return code }
      return { f throws(Unwind) in
        discard(try code(f))
        return .nil
      }
    case .declaration(let constant, let name, let value):
      var valueCode = optional(value)
      if case .function(let decl) = value?.kind {
        // `let double = fn(x) { … }` names the function "double" in messages.
        valueCode = function(decl, name: name.text)
      }
      let store = declare(variable(name), name: name.text, constant: constant)
      return { f throws(Unwind) in
        try store(f, try valueCode(f))
        return .nil
      }
    case .destructure(let constant, let pattern, let value):
      let valueCode = expression(value)
      let bind = declaration(pattern, constant: constant)
      return { f throws(Unwind) in
        try bind(f, try valueCode(f))
        return .nil
      }
    case .function(let decl):
      guard let name = decl.name else { return { _ in .nil } }
      return declareFunction(decl, variable(name), name: name.text)
    case .assign(let target, let op, let value):
      return assignment(target, op, value, range)
    case .whileLoop(let condition, let body):
      return whileLoop(condition, body)
    case .forLoop(let pattern, let sequence, let body):
      return forLoop(pattern, sequence, body)
    case .breakLoop: return { _ throws(Unwind) in throw .breakLoop }
    case .continueLoop: return { _ throws(Unwind) in throw .continueLoop }
    case .returnValue(let value):
      let code = optional(value)
      return { f throws(Unwind) in throw .returnValue(try code(f)) }
    }
  }

  /// Stores a declaration's value: a fresh box for captured locals (so each loop
  /// iteration's closures see their own variable), a definition for globals.
  func declare(_ info: VariableInfo, name: String, constant: Bool) -> (Frame, Value) throws(Unwind)
    -> Void
  {
    switch info.storage {
    case .local(let slot): return { f, v in f.slots[slot] = v }
    case .boxed(let b): return { f, v in f.boxes[b] = Box(v) }
    case .capture(let i): return { f, v in f.captures[i].value = v }
    case .global(let cell): return { _, v in cell.define(v, constant: constant) }
    }
  }

  /// A local `fn` that closures (including itself) capture needs its box before the
  /// closure is made.
  private func declareFunction(_ decl: FunctionDecl, _ info: VariableInfo, name: String) -> Code {
    let make = function(decl, name: name)
    if case .boxed(let b) = info.storage {
      return { f throws(Unwind) in
        let box = Box(.nil)
        f.boxes[b] = box
        box.value = try make(f)
        return .nil
      }
    }
    let store = declare(info, name: name, constant: true)
    return { f throws(Unwind) in
      try store(f, try make(f))
      return .nil
    }
  }
}
