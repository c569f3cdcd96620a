// Smoke tests: the pipeline runs end to end.
import Testing

@testable import Lang

@Test func runsArithmetic() throws {
  let interp = Interpreter(output: CollectingSink())
  let v = try interp.run(Source(name: "t", text: "1 + 2 * 3"))
  #expect(v?.description == "7")
}
