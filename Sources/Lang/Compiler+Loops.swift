// Compiling `while` and `for … in`. Every iteration checks the interrupt switch, so
// Ctrl-C and timeouts stop runaway loops. A loop variable in a plain local slot is
// stored directly, and ranges and lists are walked without any iterator object.

extension Compiler {
  func whileLoop(_ condition: Expr, _ body: Block) -> Code {
    let test = self.condition(condition)
    let b = block(body)
    let conditionRange = condition.range
    let interrupt = machine.interruptSwitch
    let machine = self.machine
    return { f throws(Unwind) in
      while try test(f) {
        guard try runLoopBody(b, f) else { break }
        if interrupt.isFired { throw machine.interrupted(conditionRange) }
      }
      return .nil
    }
  }

  func forLoop(_ pattern: Pattern, _ sequence: Expr, _ body: Block) -> Code {
    let s = expression(sequence)
    let b = block(body)
    let sequenceRange = sequence.range
    let interrupt = machine.interruptSwitch
    let machine = self.machine
    guard case .name(let name) = pattern else {
      let bind = declaration(pattern, constant: true)
      return { f throws(Unwind) in
        try Iteration.forEach(try s(f), machine, sequenceRange) { (item: Value) throws(Unwind) in
          try bind(f, item)
          return try runLoopBody(b, f)
        }
        return .nil
      }
    }
    let info = variable(name)
    if case .local(let slot) = info.storage {
      return { f throws(Unwind) in
        let items = try s(f)
        switch items {
        case .range(let r):
          var i = r.lower
          let end = r.end
          if i < end { f.slots[slot] = .nil }
          while i < end {
            // The slot holds nil or the previous number, neither of which needs
            // destroying; the body cannot assign the constant loop variable.
            (f.slots + slot).initialize(to: .number(Double(i)))
            guard try runLoopBody(b, f) else { break }
            if interrupt.isFired { throw machine.interrupted(sequenceRange) }
            i += 1
          }
        case .list(let list):
          for i in list.indices {
            overwrite(f.slots + slot, with: list[i])
            guard try runLoopBody(b, f) else { break }
            if interrupt.isFired { throw machine.interrupted(sequenceRange) }
          }
        default:
          try Iteration.forEach(items, machine, sequenceRange) { (item: Value) throws(Unwind) in
            f.slots[slot] = item
            return try runLoopBody(b, f)
          }
        }
        return .nil
      }
    }
    let store = declare(info, name: name.text, constant: true)
    return { f throws(Unwind) in
      try Iteration.forEach(try s(f), machine, sequenceRange) { (item: Value) throws(Unwind) in
        try store(f, item)
        return try runLoopBody(b, f)
      }
      return .nil
    }
  }
}

/// Runs one iteration of a loop body; false means `break`.
@inline(__always)
func runLoopBody(_ body: Code, _ f: Frame) throws(Unwind) -> Bool {
  do {
    discard(try body(f))
  } catch {
    switch error {
    case .breakLoop: return false
    case .continueLoop: break
    default: throw error
    }
  }
  return true
}

/// Drops a value nobody uses (a deeply nested one without deep recursion).
@inline(__always)
func discard(_ value: consuming Value) {
  switch value {
  case .list, .record: break
  default: return
  }
  Disposal.dispose(consume value)
}

/// Overwrites `slot` with `value`, skipping the destruction of an old value that holds
/// no references.
@inline(__always)
func overwrite(_ slot: UnsafeMutablePointer<Value>, with value: consuming Value) {
  switch slot.pointee {
  case .nil, .bool, .number: slot.initialize(to: consume value)
  default: Disposal.assign(slot, consume value)
  }
}
