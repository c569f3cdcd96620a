// The resolver's walk over statements and expressions.

extension Resolver {
  mutating func resolve(_ statement: Stmt) {
    switch statement.kind {
    case .expression(let e, _): resolve(e)
    case .declaration(let constant, let name, let value):
      if let value { resolve(value) }
      refuseIfReserved(name, keyword: constant ? "let" : "var")
      declare(name, constant: constant)
    case .destructure(let constant, let pattern, let value):
      resolve(value)
      for name in pattern.names {
        refuseIfReserved(name, keyword: constant ? "let" : "var")
        declare(name, constant: constant)
      }
    case .function(let decl):
      // Declared before its body so it can call itself. A local function finds itself
      // through a slot of its own (see `FunctionLayout.selfSlot`) rather than by
      // capturing the box that holds it, which would be a reference cycle.
      let isLocal = !function.declaresGlobals
      if let name = decl.name {
        refuseIfReserved(name, keyword: "fn")
        declare(name, constant: true)
      }
      resolveFunction(decl, selfName: isLocal ? decl.name : nil)
    case .assign(let target, _, let value):
      resolve(value)
      resolveTarget(target)
    case .whileLoop(let condition, let body):
      resolve(condition)
      loop { $0.resolve(body) }
    case .forLoop(let pattern, let sequence, let body):
      resolve(sequence)
      function.scopes.append([:])
      for name in pattern.names { declare(name, constant: true) }
      loop { $0.resolve(body) }
      function.scopes.removeLast()
    case .breakLoop, .continueLoop:
      if function.loopDepth == 0 {
        let word = if case .breakLoop = statement.kind { "break" } else { "continue" }
        report("'\(word)' outside a loop", statement.range)
      }
    case .returnValue(let value):
      if let value { resolve(value) }
      if function.isScript { report("'return' outside a function", statement.range) }
    }
  }

  private mutating func loop(_ body: (inout Resolver) -> Void) {
    function.loopDepth += 1
    body(&self)
    function.loopDepth -= 1
  }

  mutating func resolve(_ block: Block) {
    function.scopes.append([:])
    for statement in block.statements { resolve(statement) }
    function.scopes.removeLast()
  }

  mutating func resolve(_ expr: Expr) {
    switch expr.kind {
    case .number, .string, .bool, .nil: break
    case .interpolation(let parts):
      for case .expr(let e) in parts { resolve(e) }
    case .variable(let name): reference(name)
    case .list(let items): for item in items { resolve(item) }
    case .record(let fields): for field in fields { resolve(field.value) }
    case .unary(_, let operand): resolve(operand)
    case .binary(_, let l, let r), .logical(_, let l, let r), .range(let l, let r, _):
      resolve(l)
      resolve(r)
    case .call(let callee, let args):
      resolve(callee)
      for arg in args { resolve(arg.value) }
    case .methodCall(let object, _, let args):
      resolve(object)
      for arg in args { resolve(arg.value) }
    case .index(let object, let index):
      resolve(object)
      if case .slice(let lower, let upper, _) = index.kind {
        if let lower { resolve(lower) }
        if let upper { resolve(upper) }
      } else {
        resolve(index)
      }
    case .slice(_, _, let closed):
      let example = closed ? "xs[2...]" : "xs[..<2]"
      report("a range with one bound is only allowed as an index, as in \(example)", expr.range)
    case .importModule: break
    case .member(let object, _): resolve(object)
    case .function(let decl): resolveFunction(decl)
    case .ifElse(let condition, let then, let otherwise):
      resolve(condition)
      resolve(then)
      if let otherwise { resolve(otherwise) }
    case .block(let block): resolve(block)
    }
  }

  /// An assignment target: the root variable must not be a constant.
  private mutating func resolveTarget(_ target: Expr) {
    switch target.kind {
    case .variable(let name):
      reference(name)
      if let info = resolution.variables[name.id] ?? pendingInfo(name), info.constant {
        report("cannot assign to constant '\(name.text)'", name.range)
      }
    case .index(let object, let index):
      if case .slice(let lower, let upper, _) = index.kind {
        if let lower { resolve(lower) }
        if let upper { resolve(upper) }
      } else {
        resolve(index)
      }
      resolveTarget(object)
    case .member(let object, _):
      resolveTarget(object)
    case .list(let items):
      for item in items { resolveTarget(item) }
    default:
      resolve(target)
    }
  }

  /// Constness of a local recorded as pending (its storage is not final yet).
  private func pendingInfo(_ name: Name) -> VariableInfo? {
    var scope: FunctionScope? = function
    while let s = scope {
      if let d = s.lookup(name.text) {
        return VariableInfo(storage: .local(0), constant: s.decls[d].constant)
      }
      scope = s.enclosing
    }
    return nil
  }

  /// Reports a top-level declaration of a reserved name (see `ReservedName`). Only
  /// globals are refused: a local of the same name hides the global in its own scope
  /// alone, which is ordinary scoping.
  private mutating func refuseIfReserved(_ name: Name, keyword: String) {
    guard function.declaresGlobals, let reservation = reserved[name.text] else { return }
    report(reservation.message(keyword), name.range)
  }

  private mutating func declare(_ name: Name, constant: Bool) {
    if function.declaresGlobals {
      let cell = globals.cell(name.text)
      declaredGlobals[name.text] = constant
      resolution.variables[name.id] = VariableInfo(storage: .global(cell), constant: constant)
      return
    }
    let d = function.declare(name.text, constant: constant)
    function.pending.append((name.id, d))
  }

  private mutating func reference(_ name: Name) {
    if let d = function.lookup(name.text) {
      function.decls[d].used = true
      function.pending.append((name.id, d))
      return
    }
    var outer = function.enclosing
    while let scope = outer {
      if let d = scope.lookup(name.text) {
        scope.decls[d].used = true
        let index = capture(in: function, from: scope, decl: d)
        resolution.variables[name.id] = VariableInfo(
          storage: .capture(index), constant: scope.decls[d].constant)
        return
      }
      outer = scope.enclosing
    }
    let cell = globals.cell(name.text)
    let constant = declaredGlobals[name.text] ?? (cell.value != nil && cell.isConstant)
    resolution.variables[name.id] = VariableInfo(storage: .global(cell), constant: constant)
  }

  /// The capture index in `scope` of decl `d` of the enclosing function `owner`,
  /// threading the capture through every function in between.
  private func capture(in scope: FunctionScope, from owner: FunctionScope, decl d: Int) -> Int {
    let key = "\(ObjectIdentifier(owner).hashValue):\(d)"
    if let existing = scope.captureIndex[key] { return existing }
    let source: CaptureSource
    if let enclosing = scope.enclosing, enclosing !== owner {
      source = .capture(capture(in: enclosing, from: owner, decl: d))
    } else {
      source = .box(owner.box(d))
    }
    scope.captures.append(source)
    scope.captureIndex[key] = scope.captures.count - 1
    return scope.captures.count - 1
  }

  private mutating func resolveFunction(_ decl: FunctionDecl, selfName: Name? = nil) {
    // Defaults are evaluated where the function is created, in the enclosing scope.
    for param in decl.params {
      if let value = param.defaultValue { resolve(value) }
    }
    let outer = function
    function = FunctionScope(enclosing: outer, isScript: false)
    for param in decl.params { declare(param.name, constant: false) }
    function.paramCount = decl.params.count
    if let selfName, !decl.params.contains(where: { $0.name.text == selfName.text }) {
      function.selfDecl = function.declare(selfName.text, constant: true)
    }
    resolve(decl.body)
    resolution.functions[decl.id] = function.finish(into: &resolution)
    function = outer
  }
}
