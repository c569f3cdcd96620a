// A speed measurement, not a test: prints how long scalar lr code takes, to compare
// with CPython (DESIGN §10). Runs only with LRNB_MEASURE set (to "all" or part of a
// program's name), in a release build:
//   LRNB_MEASURE=all swift test -c release -Xswiftc -enable-testing --filter speedMeasurement
import Foundation
import Testing

@testable import Lang

let speedPrograms: [(name: String, code: String, python: String)] = [
  (
    "fib(27)",
    "fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }\nfib(27)",
    "def fib(n):\n  return n if n < 2 else fib(n-1) + fib(n-2)\nfib(27)"
  ),
  (
    "calls 1e6",
    "fn g(x) { x }\nvar i = 0\nwhile i < 1000000 { g(i); i += 1 }",
    "def g(x):\n  return x\ni = 0\nwhile i < 1000000:\n  g(i)\n  i += 1"
  ),
  (
    "loop 1e7",
    "var total = 0\nfor i in 0..<10000000 { total += i }\ntotal",
    "total = 0\nfor i in range(10000000):\n  total += i"
  ),
  (
    "while 1e7",
    "var i = 0\nwhile i < 10000000 { i += 1 }\ni",
    "i = 0\nwhile i < 10000000:\n  i += 1"
  ),
  (
    "append 1e5",
    "var xs = []\nfor i in 0..<100000 { xs.append(i) }\nlen(xs)",
    "xs = []\nfor i in range(100000):\n  xs.append(i)"
  ),
  (
    "local append 1e6",
    "fn f() {\n var xs = []\nfor i in 0..<1000000 { xs.append(i) }\nxs }\nf()",
    "def f():\n  xs = []\n  for i in range(1000000):\n    xs.append(i)\nf()"
  ),
  (
    "list 1e6",
    "var xs = []\nfor i in 0..<1000000 { xs.append(i) }\nvar s = 0\nfor x in xs { s += x }\ns",
    "xs = []\nfor i in range(1000000):\n  xs.append(i)\ns = 0\nfor x in xs:\n  s += x"
  ),
]

let measureFilter = ProcessInfo.processInfo.environment["LRNB_MEASURE"]

@Test(.enabled(if: measureFilter != nil))
func speedMeasurement() throws {
  for program in speedPrograms
  where measureFilter == "all" || program.name.contains(measureFilter ?? "") {
    // The best of three runs: the machine is shared, so slower runs measure the load.
    var lr = Double.infinity
    for _ in 0..<3 {
      let interp = Interpreter(output: CollectingSink())
      let start = Date()
      _ = try interp.run(Source(name: "speed", text: program.code))
      lr = min(lr, Date().timeIntervalSince(start))
    }
    // LRNB_MEASURE_LR_ONLY=1 skips CPython, e.g. to count instructions with `perf stat`.
    let lrOnly = ProcessInfo.processInfo.environment["LRNB_MEASURE_LR_ONLY"] == "1"
    let python = lrOnly ? .nan : try timePython(program.python)
    print(
      String(
        format: "%-10@ lr %.3f s   python3 %.3f s   ratio %.2f", program.name, lr, python,
        lr / python))
  }
}

/// Seconds CPython spends running `code`: the best of three, start-up excluded.
func timePython(_ code: String) throws -> Double {
  let script =
    "import time\nt = time.perf_counter()\nexec(compile(\(pythonLiteral(code)), 's', 'exec'))\nprint(time.perf_counter() - t)"
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  process.waitUntilExit()
  let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  return Double(out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan
}

func pythonLiteral(_ s: String) -> String {
  "'"
    + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    .replacingOccurrences(of: "'", with: "\\'") + "'"
}
