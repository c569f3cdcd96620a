// Scalar lr code against CPython 3.11 (DESIGN §10: at least CPython's speed): fib(27),
// a 10⁷-iteration loop, building and summing a 10⁶-element list. `python/lr.py` runs
// the same programs; both sides define functions once and time only the calls.
import Foundation
import Lang

/// The programs, as (case, definitions, timed call). Python's side mirrors them.
let langPrograms: [(name: String, definitions: String, call: String)] = [
  (
    "fib(27)",
    "fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }",
    "fib(27)"
  ),
  (
    "loop 10^7",
    """
    fn loop(n) {
      var total = 0
      for i in 0..<n { total += i }
      total
    }
    """,
    "loop(10000000)"
  ),
  (
    "list 10^6 build+sum",
    """
    fn build_and_sum(n) {
      var xs = []
      for i in 0..<n { xs.append(i) }
      var total = 0
      for x in xs { total += x }
      total
    }
    """,
    "build_and_sum(1000000)"
  ),
]

func langBench(repeats: Int) throws {
  for program in langPrograms {
    let interpreter = Interpreter(output: CollectingSink())
    _ = try interpreter.run(Source(name: "bench.lr", text: program.definitions))
    let call = Source(name: "bench.lr", text: program.call)
    var wall: [Double] = []
    var cpu: [Double] = []
    _ = try interpreter.run(call)
    for _ in 0..<repeats {
      let (w, c) = try timeWallAndThreadCPU { _ = try interpreter.run(call) }
      wall.append(w)
      cpu.append(c)
    }
    // CPU time is its own case, so each is compared with CPython's same measure.
    emit(suite: "lr", case: program.name, impl: "lrnb lr", samples: wall)
    emit(suite: "lr", case: "\(program.name), thread CPU", impl: "lrnb lr", samples: cpu)
  }
}

/// Runs an lr file `times` times in one interpreter, for profilers:
/// `valgrind --tool=callgrind lrnb-bench lr-file prog.lr`.
func langFile(path: String, times: Int) throws {
  let text = try String(contentsOfFile: path, encoding: .utf8)
  let interpreter = Interpreter(output: PrintingSink())
  for _ in 0..<times { _ = try interpreter.run(Source(name: path, text: text)) }
}

/// Writes printed text to stdout (the profiled program's output).
final class PrintingSink: OutputSink {
  func emit(_ item: OutputItem) {
    if case .stdout(let text) = item { print(text, terminator: "") }
  }
}

/// Wall-clock and thread CPU milliseconds of one run of `body`. CPU time is the steadier
/// figure on these shared machines.
func timeWallAndThreadCPU(_ body: () throws -> Void) rethrows -> (Double, Double) {
  var startCPU = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &startCPU)
  let start = ContinuousClock.now
  try body()
  let elapsed = ContinuousClock.now - start
  var endCPU = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &endCPU)
  let wall =
    Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
  let cpu =
    Double(endCPU.tv_sec - startCPU.tv_sec) * 1e3 + Double(endCPU.tv_nsec - startCPU.tv_nsec) / 1e6
  return (wall, cpu)
}
