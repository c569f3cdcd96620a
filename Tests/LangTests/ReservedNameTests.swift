// Reserved names: a top-level declaration of one is a resolve error at its name, worded
// by the caller; locals, other sources and modules are untouched.
import Foundation
import Testing
import _TestSupport

@testable import Lang

private let epochs = ReservedName("epochs") { keyword in
  "'epochs' is reserved; this '\(keyword)' would hide it"
}

/// The check's problems as (message, `line:col-line:col`).
private func problems(_ text: String, reserving reserved: [ReservedName] = [epochs])
  -> [(message: String, at: String)]
{
  let interp = Interpreter(output: CollectingSink())
  interp.define("epochs", .number(10))
  return interp.check(Source(name: "t.lr", text: text), reserving: reserved).map {
    ($0.message, "\($0.range.start)-\($0.range.end)")
  }
}

@Test func everyTopLevelBindingOfAReservedNameIsRefusedAtItsName() {
  let found = problems(
    """
    let epochs = 1
    var epochs = 2
    fn epochs() { 3 }
    let (a, epochs) = [4, 5]
    var {epochs} = {epochs: 6}
    let f = fn() { 7 }
    """)
  let keywords = ["let", "var", "fn", "let", "var"]
  #expect(
    found.map(\.message) == keywords.map { "'epochs' is reserved; this '\($0)' would hide it" })
  #expect(found.map(\.at) == ["1:5-1:11", "2:5-2:11", "3:4-3:10", "4:9-4:15", "5:6-5:12"])
}

@Test func localsOfAReservedNameAreOrdinaryShadowing() {
  let found = problems(
    """
    fn train(epochs) { epochs }
    fn local() {
      var epochs = 2
      fn epochs2() { epochs }
      epochs
    }
    if true { var epochs = 3 }
    for epochs in 0..<2 {}
    let double = fn(epochs) { epochs * 2 }
    let uses = epochs + 1
    """)
  #expect(found.isEmpty, "\(found)")
}

@Test func aRefusedSourceRunsNothingAndTheGlobalKeepsItsValue() throws {
  let sink = CollectingSink()
  let interp = Interpreter(output: sink)
  interp.define("epochs", .number(10))
  let source = Source(name: "t.lr", text: "print(\"ran\")\nvar epochs = 2")
  #expect(throws: RunFailure.self) { try interp.run(source, reserving: [epochs]) }
  #expect(sink.items.isEmpty)
  #expect(interp.globalValue("epochs") == .number(10))
  // The reservation belongs to the run it is passed to, not to the interpreter.
  _ = try interp.run(source)
  #expect(interp.globalValue("epochs") == .number(2))
}

@Test func aModuleMayDeclareAReservedNameOfItsOwn() throws {
  let dir = try makeTemporaryDirectory("lr-reserved")
  defer { try? FileManager.default.removeItem(at: dir) }
  try "var epochs = 3\n".write(
    to: dir.appendingPathComponent("m.lr"), atomically: true, encoding: .utf8)
  let interp = Interpreter(output: CollectingSink())
  interp.define("epochs", .number(10))
  let main = Source(
    name: dir.appendingPathComponent("main.lr").path,
    text: "let m = import \"m.lr\"\n[m.epochs, epochs]")
  let value = try interp.run(main, reserving: [epochs])
  #expect(value?.description == "[3, 10]")
}
