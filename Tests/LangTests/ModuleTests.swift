// `import`: errors inside a module point into the module and name the import site;
// a module's sources are available for rendering.
import Foundation
import Testing
import _TestSupport

@testable import Lang

private func withModules(
  _ files: [String: String], _ body: (URL) throws -> Void
) throws {
  let dir = try makeTemporaryDirectory("lr-modules")
  defer { try? FileManager.default.removeItem(at: dir) }
  for (name, text) in files {
    try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
  try body(dir)
}

@Test func aModuleSyntaxErrorPointsIntoTheModule() throws {
  try withModules(["broken.lr": "let x = (1 +\nlet y = )\n"]) { dir in
    let interp = Interpreter(output: CollectingSink())
    let main = dir.appendingPathComponent("main.lr").path
    #expect(throws: RunFailure.self) {
      try interp.run(Source(name: main, text: "let m = import \"broken.lr\""))
    }
    do {
      _ = try interp.run(Source(name: main, text: "\nlet m = import \"broken.lr\""))
    } catch let failure as RunFailure {
      let d = try #require(failure.diagnostics.first)
      #expect(d.range.file.hasSuffix("broken.lr"))
      #expect(d.kind == .runtime)
      #expect(d.stack.last?.range.start.line == 2)
      #expect(interp.moduleSources.contains { $0.name.hasSuffix("broken.lr") })
    }
  }
}

@Test func aRuntimeErrorInAModuleCarriesTheImportInItsStack() throws {
  try withModules(["fails.lr": "fn boom() { error(\"boom\") }\nboom()\n"]) { dir in
    let interp = Interpreter(output: CollectingSink())
    let main = dir.appendingPathComponent("main.lr").path
    do {
      _ = try interp.run(Source(name: main, text: "let m = import \"fails.lr\""))
      Issue.record("expected an error")
    } catch let failure as RunFailure {
      let d = try #require(failure.diagnostics.first)
      #expect(d.message == "boom")
      #expect(d.stack.map(\.function) == ["boom", "import \"\(dir.path)/fails.lr\"", "<script>"])
    }
  }
}

@Test func modulesKeepTheirTopLevelNamesApart() throws {
  try withModules(["peek.lr": "fn peek() { secret }\n"]) { dir in
    let interp = Interpreter(output: CollectingSink())
    let main = dir.appendingPathComponent("main.lr").path
    // Names a module does not define are the interpreter's globals (builtins, natives,
    // stdlib, the notebook's own); the names it defines stay its own.
    let value = try interp.run(
      Source(name: main, text: "let m = import \"peek.lr\"\nlet secret = 7\nm.peek()"))
    #expect(value?.asNumber == 7)
    #expect(interp.globalValue("peek") == nil)
  }
}
