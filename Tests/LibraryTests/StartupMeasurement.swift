// A measurement, not a test: how long making an interpreter takes with every native
// and the stdlib, and the stdlib's share (DESIGN §10: a one-cell notebook runs in under
// 0.2 s). Runs only with LRNB_MEASURE set, best in a release build:
//   LRNB_MEASURE=startup swift test -c release -Xswiftc -enable-testing --filter startupMeasurement
import Bindings
import Foundation
import Lang
import Testing

@Test(.enabled(if: ProcessInfo.processInfo.environment["LRNB_MEASURE"] != nil))
func startupMeasurement() throws {
  func best(_ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<20 {
      let start = Date()
      try body()
      times.append(Date().timeIntervalSince(start))
    }
    return times.min() ?? .nan
  }
  let whole = try best { _ = try libraryInterpreter() }
  let dir = try #require(Library.standardLibraryDirectory())
  let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
    $0.hasSuffix(".lr")
  }
  let sources = try files.map {
    Source(
      name: "stdlib/\($0)",
      text: try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8))
  }
  let interpreter = try libraryInterpreter()
  let stdlib = try best { for source in sources { _ = try interpreter.run(source) } }
  print(
    String(
      format: "makeInterpreter %.2f ms, of which loading the stdlib (%d files) %.2f ms",
      whole * 1e3, sources.count, stdlib * 1e3))
}
