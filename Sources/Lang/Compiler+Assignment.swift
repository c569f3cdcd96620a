// Compiling assignments: `x = v`, `x op= v`, and updates of places such as
// `grid[i][j] += 1`, all in place.

extension Compiler {
  func assignment(_ target: Expr, _ op: AssignOp?, _ valueExpr: Expr, _ range: SourceRange)
    -> Code
  {
    let value = expression(valueExpr)
    if case .list = target.kind {
      let store = placeStore(target)
      return { f throws(Unwind) in
        try store(f, try value(f))
        return .nil
      }
    }
    if case .variable(let name) = target.kind, case .local(let slot) = variable(name).storage,
      !variable(name).constant
    {
      guard let op else {
        return { f throws(Unwind) in
          Disposal.assign(f.slots + slot, try value(f))
          return .nil
        }
      }
      switch op {
      case .add: return compound(AddOperator.self, slot, operand(valueExpr), range)
      case .subtract: return compound(SubtractOperator.self, slot, operand(valueExpr), range)
      case .multiply: return compound(MultiplyOperator.self, slot, operand(valueExpr), range)
      case .divide: return compound(DivideOperator.self, slot, operand(valueExpr), range)
      }
    }
    if case .variable(let name) = target.kind {
      return assignVariable(variable(name), name: name.text, op?.binary, value, range)
    }
    let place = lvalue(target)
    let binary = op?.binary
    return { f throws(Unwind) in
      let v = try value(f)
      let keys = try place.keys(f)
      try place.modify(f, keys, "assign to", range) { (slot: inout Value) throws(Unwind) in
        if let binary {
          slot = try Ops.binary(binary, slot, v, range)
        } else {
          var old = v
          swap(&slot, &old)
          Disposal.clear(&old)
        }
      }
      return .nil
    }
  }

  /// `x op= v` for a local `x`, specialised for where `v` comes from. When both are
  /// numbers the result overwrites the old number in place: a number holds no
  /// references, so it needs no destruction.
  private func compound<O: NumberOperator>(
    _: O.Type, _ slot: Int, _ source: Operand, _ range: SourceRange
  ) -> Code {
    switch source {
    case .local(let other):
      return { f throws(Unwind) in
        if case .number(let a) = f.slots[slot], case .number(let b) = f.slots[other] {
          (f.slots + slot).initialize(to: O.apply(a, b))
        } else {
          f.slots[slot] = try Ops.binarySlow(O.op, f.slots[slot], f.slots[other], range)
        }
        return .nil
      }
    case .constant(let b):
      return { f throws(Unwind) in
        if case .number(let a) = f.slots[slot] {
          (f.slots + slot).initialize(to: O.apply(a, b))
        } else {
          f.slots[slot] = try Ops.binarySlow(O.op, f.slots[slot], .number(b), range)
        }
        return .nil
      }
    case .code(let value):
      return { f throws(Unwind) in
        let v = try value(f)
        if case .number(let a) = f.slots[slot], case .number(let b) = v {
          (f.slots + slot).initialize(to: O.apply(a, b))
        } else {
          f.slots[slot] = try Ops.binarySlow(O.op, f.slots[slot], v, range)
        }
        return .nil
      }
    }
  }

  /// `x = v` / `x op= v` for a boxed, captured or global variable.
  private func assignVariable(
    _ info: VariableInfo, name: String, _ op: BinaryOperator?, _ value: @escaping Code,
    _ range: SourceRange
  ) -> Code {
    let store = assignVariable(info, name: name, op, range)
    return { f throws(Unwind) in
      try store(f, try value(f))
      return .nil
    }
  }

  /// Stores into variable `name` (combining with `op` when given), checking that it is
  /// defined and not constant.
  func assignVariable(
    _ info: VariableInfo, name: String, _ op: BinaryOperator?, _ range: SourceRange
  ) -> Binder {
    let update = { (slot: inout Value, v: Value) throws(Unwind) in
      guard let op else {
        var old = v
        swap(&slot, &old)
        return Disposal.clear(&old)
      }
      if case .number(let a) = slot, case .number(let b) = v, let r = Ops.numeric(op, a, b) {
        slot = r
      } else {
        slot = try Ops.binarySlow(op, slot, v, range)
      }
    }
    if info.constant {
      return { _, _ throws(Unwind) in throw .error("cannot assign to constant '\(name)'", range) }
    }
    switch info.storage {
    case .local(let slot):
      return { f, v throws(Unwind) in try update(&f.slots[slot], v) }
    case .boxed(let b):
      return { f, v throws(Unwind) in
        guard let box = f.boxes[b] else { throw .undefined(name, range) }
        try update(&box.pointer.pointee, v)
      }
    case .capture(let i):
      return { f, v throws(Unwind) in try update(&f.captures[i].pointer.pointee, v) }
    case .global(let cell):
      return { _, v throws(Unwind) in
        guard cell.isDefined else { throw .undefined(name, range) }
        if cell.isConstant { throw .error("cannot assign to constant '\(name)'", range) }
        if op == nil {
          cell.value = v
        } else {
          _ = try cell.modifyInPlace { (current: inout Value) throws(Unwind) in
            try update(&current, v)
          }
        }
      }
    }
  }
}
