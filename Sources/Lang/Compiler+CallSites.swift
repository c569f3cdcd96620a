// Call sites with positional arguments, specialised by argument count: a user function
// called with exactly its parameters gets its arguments evaluated straight into its
// frame, with no array and no argument binding (fib(27) is mostly such calls).

extension Compiler {
  func positionalCall(_ calleeExpr: Expr, _ args: [Compiled], _ range: SourceRange) -> Code {
    if case .variable(let name) = calleeExpr.kind, case .global(let cell) = variable(name).storage {
      return globalCall(cell, calleeExpr.range, args, range)
    }
    let callee = expression(calleeExpr)
    return valueCall(callee, args, range)
  }

  /// A call of a global: a user function held by the cell is called without retaining
  /// it (see `GlobalCell.function`); anything else takes the general path.
  private func globalCall(
    _ cell: GlobalCell, _ nameRange: SourceRange, _ args: [Compiled], _ range: SourceRange
  ) -> Code {
    let machine = self.machine
    let read = { () throws(Unwind) -> Value in
      guard let v = cell.value else { throw .undefined(cell.name, nameRange) }
      return v
    }
    switch args.count {
    case 0:
      return { f throws(Unwind) in
        if let u = cell.function,
          let v = try guaranteed(
            u,
            { fn throws(Unwind) in
              guard fn.paramCount == 0 else { return nil }
              let base = try machine.reserve(fn, range)
              return try machine.enter(fn, base, initialised: 0, range)
            })
        {
          return v
        }
        return try machine.call(try read(), [], range)
      }
    case 1:
      let a = args[0].run
      return { f throws(Unwind) in
        if let u = cell.function,
          let v = try guaranteed(
            u,
            { fn throws(Unwind) in
              guard fn.paramCount == 1 else { return nil }
              let base = try machine.reserve(fn, range)
              do throws(Unwind) {
                base.initialize(to: try a(f))
              } catch {
                machine.release(base, fn, initialised: 0)
                throw error
              }
              return try machine.enter(fn, base, initialised: 1, range)
            })
        {
          return v
        }
        let c = try read()
        return try machine.call(c, [try a(f)], range)
      }
    case 2:
      let (a, b) = (args[0].run, args[1].run)
      return { f throws(Unwind) in
        if let u = cell.function,
          let v = try guaranteed(
            u,
            { fn throws(Unwind) in
              guard fn.paramCount == 2 else { return nil }
              let base = try machine.reserve(fn, range)
              do throws(Unwind) {
                base.initialize(to: try a(f))
              } catch {
                machine.release(base, fn, initialised: 0)
                throw error
              }
              do throws(Unwind) {
                (base + 1).initialize(to: try b(f))
              } catch {
                machine.release(base, fn, initialised: 1)
                throw error
              }
              return try machine.enter(fn, base, initialised: 2, range)
            })
        {
          return v
        }
        let c = try read()
        let x = try a(f)
        return try machine.call(c, [x, try b(f)], range)
      }
    default:
      return valueCall({ _ throws(Unwind) in try read() }, args, range)
    }
  }

  /// A call of any other callee value, specialised for up to three arguments.
  private func valueCall(_ callee: @escaping Code, _ args: [Compiled], _ range: SourceRange)
    -> Code
  {
    let machine = self.machine
    switch args.count {
    case 0:
      return { f throws(Unwind) in
        let c = try callee(f)
        if let fn = Machine.userFunction(c, arity: 0) {
          let base = try machine.reserve(fn, range)
          return try machine.enter(fn, base, initialised: 0, range)
        }
        return try machine.call(c, [], range)
      }
    case 1:
      let a = args[0].run
      return { f throws(Unwind) in
        let c = try callee(f)
        let x = try a(f)
        if let fn = Machine.userFunction(c, arity: 1) {
          let base = try machine.reserve(fn, range)
          base.initialize(to: x)
          return try machine.enter(fn, base, initialised: 1, range)
        }
        return try machine.call(c, [x], range)
      }
    case 2:
      let (a, b) = (args[0].run, args[1].run)
      return { f throws(Unwind) in
        let c = try callee(f)
        let x = try a(f)
        let y = try b(f)
        if let fn = Machine.userFunction(c, arity: 2) {
          let base = try machine.reserve(fn, range)
          base.initialize(to: x)
          (base + 1).initialize(to: y)
          return try machine.enter(fn, base, initialised: 2, range)
        }
        return try machine.call(c, [x, y], range)
      }
    default:
      return { f throws(Unwind) in
        let c = try callee(f)
        var values: [Value] = []
        values.reserveCapacity(args.count)
        for arg in args { values.append(try arg.run(f)) }
        if let fn = Machine.userFunction(c, arity: values.count) {
          return try machine.enter(fn, values, range)
        }
        return try machine.call(c, values, range)
      }
    }
  }
}

/// Runs `body` with the function `u` refers to, without retaining it: the caller
/// guarantees it stays alive (a global cell holds it or has retired it).
@inline(__always)
private func guaranteed(
  _ u: Unmanaged<UserFunction>, _ body: (UserFunction) throws(Unwind) -> Value?
) throws(Unwind) -> Value? {
  do {
    return try u._withUnsafeGuaranteedRef(body)
  } catch let unwind as Unwind {
    throw unwind
  } catch {
    throw .error("internal error: \(error)", swiftCallSite)
  }
}
