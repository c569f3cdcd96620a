// Builtins that convert and inspect: list, number, int, repr, clock.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Interpreter {
  func registerConversionBuiltins() {
    let machine = self.machine
    register(
      NativeFunction(
        name: "list", params: [Parameter("x", default: .list([]))],
        doc:
          "The items of x as a list: a range's numbers, a string's characters, a record's [key, value] pairs, an iterable native's items.\n\n    list(0..<3)"
      ) { args in
        let x = try args.value("x")
        do throws(Unwind) {
          return .list(try Iteration.items(x, machine, swiftCallSite))
        } catch {
          if case .fault(let fault) = error { throw RuntimeError(fault.diagnostic.message) }
          throw RuntimeError("cannot make a list of \(describeForMessage(x))")
        }
      })
    register(
      NativeFunction(
        name: "number", params: [Parameter("x")],
        doc:
          "x as a number: numbers unchanged, strings read as decimal numbers.\n\n    number(\"2.5e-3\")"
      ) { args in .number(try readNumber(args)) })
    register(
      NativeFunction(
        name: "int", params: [Parameter("x")],
        doc: "x as an integer, rounded toward zero (strings are read first).\n\n    int(-2.7)"
      ) { args in
        let x = try readNumber(args)
        guard x.isFinite else { throw args.bad("x", expected: "a finite number") }
        return .number(x.rounded(.towardZero))
      })
    register(
      NativeFunction(
        name: "repr", params: [Parameter("x")],
        doc: "x as it is written in lr: strings quoted, as inside lists.\n\n    repr(\"a\\tb\")"
      ) { args in .string(try args.value("x").quotedDescription) })
    register(
      NativeFunction(
        name: "clock", params: [],
        doc:
          "Seconds on a monotonic clock, for timing code: subtract two readings.\n\n    let start = clock()\n    clock() - start"
      ) { _ in
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return .number(Double(now.tv_sec) + Double(now.tv_nsec) / 1e9)
      })
  }
}

/// The number argument `x`, reading strings as decimal numbers.
private func readNumber(_ args: Arguments) throws -> Double {
  switch try args.value("x") {
  case .number(let x): return x
  case .string(let s):
    let trimmed = s.trimmingWhitespace
    guard let x = Double(trimmed), !trimmed.isEmpty, trimmed.first != "+" || trimmed.count > 1
    else {
      throw RuntimeError("cannot read \(quoteString(s)) as a number")
    }
    return x
  default: throw args.bad("x", expected: "a number or a string")
  }
}

extension String {
  /// The string without leading and trailing white space.
  var trimmingWhitespace: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
