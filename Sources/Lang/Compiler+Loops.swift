// Compiling `while` and `for … in` over ranges, lists and strings. Every iteration
// checks the interrupt switch, so Ctrl-C and timeouts stop runaway loops.

extension Compiler {
  func whileLoop(_ condition: Expr, _ body: Block) -> Code {
    let test = self.condition(condition)
    let b = block(body)
    let conditionRange = condition.range
    let interrupt = machine.interruptSwitch
    let machine = self.machine
    return { f throws(Unwind) in
      while try test(f) {
        do throws(Unwind) {
          _ = try b(f)
        } catch {
          switch error {
          case .breakLoop: return .nil
          case .continueLoop: break
          default: throw error
          }
        }
        if interrupt.isFired { throw machine.interrupted(conditionRange) }
      }
      return .nil
    }
  }

  func forLoop(_ name: Name, _ sequence: Expr, _ body: Block) -> Code {
    let s = expression(sequence)
    let b = block(body)
    let store = declare(variable(name), name: name.text, constant: true)
    let sequenceRange = sequence.range
    let interrupt = machine.interruptSwitch
    let machine = self.machine
    /// Runs one iteration; false means `break`.
    let iteration = { (f: Frame, v: Value) throws(Unwind) -> Bool in
      try store(f, v)
      do throws(Unwind) {
        _ = try b(f)
      } catch {
        switch error {
        case .breakLoop: return false
        case .continueLoop: break
        default: throw error
        }
      }
      if interrupt.isFired { throw machine.interrupted(sequenceRange) }
      return true
    }
    return { f throws(Unwind) in
      switch try s(f) {
      case .range(let r):
        var i = r.lower
        let end = r.end
        while i < end {
          guard try iteration(f, Value.number(Double(i))) else { break }
          i += 1
        }
      case .list(let items):
        for item in items {
          guard try iteration(f, item) else { break }
        }
      case .string(let text):
        for ch in text {
          guard try iteration(f, .string(String(ch))) else { break }
        }
      case let other:
        throw .error("cannot iterate over \(withArticle(other.typeName))", sequenceRange)
      }
      return .nil
    }
  }
}
