// Compiling expressions: literals, variables, operators, indexing, `if`, `fn`.

extension Compiler {
  func expression(_ expr: Expr) -> Code {
    let range = expr.range
    switch expr.kind {
    case .number(let x):
      let v = Value.number(x)
      return { _ in v }
    case .string(let s):
      let v = Value.string(s)
      return { _ in v }
    case .bool(let b):
      let v = Value.bool(b)
      return { _ in v }
    case .nil: return { _ in .nil }
    case .interpolation(let parts): return interpolation(parts)
    case .variable(let name): return read(variable(name), name: name.text, range)
    case .list(let items):
      let codes = expressions(items)
      return { f throws(Unwind) in
        var values: [Value] = []
        values.reserveCapacity(codes.count)
        for code in codes { values.append(try code.run(f)) }
        return .list(values)
      }
    case .record(let fields):
      let keys = fields.map(\.key)
      let codes = expressions(fields.map(\.value))
      return { f throws(Unwind) in
        var values: [Value] = []
        values.reserveCapacity(codes.count)
        for code in codes { values.append(try code.run(f)) }
        return .record(Record(uniqueKeys: keys, values: values))
      }
    case .unary(let op, let operand): return unary(op, expression(operand), range)
    case .binary(let op, let l, let r): return binary(op, l, r, range)
    case .logical(let op, let l, let r): return logical(op, l, r)
    case .range(let l, let r, let closed):
      let (lower, upper) = (expression(l), expression(r))
      return { f throws(Unwind) in
        let a = try lower(f)
        let b = try upper(f)
        return try Ops.makeRange(a, b, closed: closed, range)
      }
    case .call(let callee, let args): return call(callee, args, range)
    case .methodCall(let object, let name, let args): return methodCall(object, name, args, range)
    case .index(let object, let index):
      let (o, i) = (expression(object), indexKey(index))
      return { f throws(Unwind) in
        let container = try o(f)
        return try Access.index(container, try i(f), range)
      }
    case .slice:
      // The resolver rejects one-sided ranges outside an index.
      return { _ throws(Unwind) in throw .error("a range needs both bounds here", range) }
    case .importModule(let path):
      let machine = self.machine
      return { _ throws(Unwind) in
        guard let modules = machine.modules else {
          throw .error("import is not available here", range)
        }
        return try modules.importModule(path, range)
      }
    case .member(let object, let name):
      let o = expression(object)
      let machine = self.machine
      return { f throws(Unwind) in
        try Access.member(try o(f), name.text, machine, name.range)
      }
    case .function(let decl): return function(decl, name: nil)
    case .ifElse(let condition, let then, let otherwise):
      let test = self.condition(condition)
      let t = block(then)
      let e = optional(otherwise)
      return { f throws(Unwind) in
        if try test(f) { return try t(f) }
        return try e(f)
      }
    case .block(let b): return block(b)
    }
  }

  /// The code of an index: one-sided ranges (`xs[2...]`, `xs[..<3]`) become ranges whose
  /// missing upper bound is `Int.max`, read as "to the end" by `Access.slice`.
  func indexKey(_ index: Expr) -> Code {
    guard case .slice(let lowerExpr, let upperExpr, let closed) = index.kind else {
      return expression(index)
    }
    let (lower, upper) = (optional(lowerExpr), optional(upperExpr))
    let hasUpper = upperExpr != nil
    let range = index.range
    return { f throws(Unwind) in
      let a = try lower(f)
      let b = try upper(f)
      guard
        case .range(let r) = try Ops.makeRange(
          a.isNil ? .number(0) : a, b.isNil ? .number(0) : b, closed: closed, range)
      else { return .nil }
      return .range(
        RangeValue(
          lower: r.lower, upper: hasUpper ? r.upper : Int.max, isClosed: hasUpper && closed))
    }
  }

  private func interpolation(_ parts: [InterpolationPart]) -> Code {
    enum Piece {
      case text(String)
      case code(Code)
    }
    let pieces: [Piece] = parts.map {
      switch $0 {
      case .text(let s): return .text(s)
      case .expr(let e): return .code(expression(e))
      }
    }
    return { f throws(Unwind) in
      var out = ""
      for piece in pieces {
        switch piece {
        case .text(let s): out += s
        case .code(let code): out += try code(f).description
        }
      }
      return .string(out)
    }
  }

  func read(_ info: VariableInfo, name: String, _ range: SourceRange) -> Code {
    switch info.storage {
    case .local(let slot): return { f in f.slots[slot] }
    case .boxed(let b):
      return { f throws(Unwind) in
        guard let box = f.boxes[b] else { throw .undefined(name, range) }
        return box.value
      }
    case .capture(let i): return { f in f.captures[i].value }
    case .global(let cell):
      return { _ throws(Unwind) in
        guard let v = cell.value else { throw .undefined(name, range) }
        return v
      }
    }
  }

  private func unary(_ op: UnaryOperator, _ operand: @escaping Code, _ range: SourceRange) -> Code {
    switch op {
    case .negate:
      return { f throws(Unwind) in
        let v = try operand(f)
        if case .number(let x) = v { return .number(-x) }
        return try Ops.unarySlow(.negate, v, range)
      }
    case .not:
      return { f throws(Unwind) in
        let v = try operand(f)
        if case .bool(let b) = v { return .bool(!b) }
        return try Ops.unarySlow(.not, v, range)
      }
    }
  }

  /// `and`/`or` short-circuit and take bools only.
  private func logical(_ op: LogicalOp, _ left: Expr, _ right: Expr) -> Code {
    let (l, r) = (expression(left), expression(right))
    let (leftRange, rightRange) = (left.range, right.range)
    let what = "operand of '\(op.rawValue)'"
    let shortCircuit = op == .or
    return { f throws(Unwind) in
      let a = try l(f)
      guard case .bool(let x) = a else { throw Ops.notBool(a, what, leftRange) }
      if x == shortCircuit { return a }
      let b = try r(f)
      guard case .bool = b else { throw Ops.notBool(b, what, rightRange) }
      return b
    }
  }

  /// A closure for `fn`: evaluates defaults and collects captures where it is created.
  func function(_ decl: FunctionDecl, name: String?) -> Code {
    let layout = resolution.functions[decl.id] ?? FunctionLayout()
    let functionName = name ?? decl.name?.text ?? "<fn>"
    let code = FunctionCode(
      name: functionName, paramNames: decl.params.map(\.name.text), slotCount: layout.slotCount,
      boxCount: layout.boxCount, boxedParams: layout.boxedParams, selfSlot: layout.selfSlot,
      isVariadic: decl.params.last?.isVariadic ?? false, doc: decl.doc, file: decl.range.file,
      body: block(decl.body))
    let defaults = decl.params.map {
      (has: $0.defaultValue != nil, code: optional($0.defaultValue))
    }
    .map { (has: $0.has, code: Compiled(run: $0.code)) }
    let captures = layout.captures
    let range = decl.range
    return { f throws(Unwind) in
      var values: [Value?] = []
      values.reserveCapacity(defaults.count)
      for d in defaults { values.append(d.has ? try d.code.run(f) : nil) }
      var boxes: [Box] = []
      boxes.reserveCapacity(captures.count)
      for capture in captures {
        switch capture {
        case .box(let b):
          guard let box = f.boxes[b] else { throw .error("internal error: missing capture", range) }
          boxes.append(box)
        case .capture(let i): boxes.append(f.captures[i])
        }
      }
      return .function(
        UserFunction(code: code, name: functionName, defaults: values, captures: boxes))
    }
  }
}
