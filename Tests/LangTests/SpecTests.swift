// The spec runner: one test per `Spec/**/*.lr` file. Expectations live in comments:
// `# expect: <stdout line>` (in order), `# expect error: <message>` (a syntax or
// resolve error on that line), `# expect runtime error: <message>` (on that line).
import Foundation
import Testing

@testable import Lang

/// The spec files, relative to the Spec folder, sorted.
let specFiles: [String] = {
  let root = specRoot()
  guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
  // Modules that specs import live in `lib/` folders and are not specs themselves.
  return walker.compactMap { $0 as? String }
    .filter { $0.hasSuffix(".lr") && !$0.contains("lib/") }.sorted()
}()

func specRoot() -> URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Spec")
}

struct SpecExpectations {
  var stdout: [String] = []
  var errors: [(line: Int, message: String)] = []
  var runtimeError: (line: Int, message: String)?

  init(_ text: String) {
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard let hash = line.range(of: "# expect") else { continue }
      let rest = line[hash.upperBound...]
      if let r = rest.range(of: "runtime error: ") {
        runtimeError = (i + 1, String(rest[r.upperBound...]))
      } else if let r = rest.range(of: "error: ") {
        errors.append((i + 1, String(rest[r.upperBound...])))
      } else if let r = rest.range(of: ": ") {
        stdout.append(String(rest[r.upperBound...]))
      } else if rest == ":" {
        stdout.append("")
      }
    }
  }
}

/// Runs one spec source and returns its printed lines and the failure, if any.
func runSpec(_ name: String, _ text: String) -> (stdout: [String], failure: RunFailure?) {
  let sink = CollectingSink()
  let interp = Interpreter(output: sink)
  var failure: RunFailure?
  do {
    _ = try interp.run(Source(name: name, text: text))
  } catch {
    failure = error
  }
  var out = ""
  for case .stdout(let s) in sink.items { out += s }
  var lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  if lines.last == "" { lines.removeLast() }
  return (lines, failure)
}

@Test(arguments: specFiles)
func spec(_ file: String) throws {
  let text = try String(contentsOf: specRoot().appendingPathComponent(file), encoding: .utf8)
  let expected = SpecExpectations(text)
  // The full path, so `import` finds modules beside the spec.
  let (stdout, failure) = runSpec(specRoot().appendingPathComponent(file).path, text)
  #expect(stdout == expected.stdout, "stdout of \(file)")
  let diagnostics = failure?.diagnostics ?? []
  if !expected.errors.isEmpty {
    let got = diagnostics.filter { $0.kind == .syntax }.sorted { $0.range.start < $1.range.start }
      .map { "\($0.range.start.line): \($0.message)" }
    let want = expected.errors.map { "\($0.line): \($0.message)" }
    #expect(got == want, "syntax errors of \(file)")
  } else if let runtime = expected.runtimeError {
    let got = diagnostics.map { "\($0.range.start.line): \($0.message)" }
    #expect(got == ["\(runtime.line): \(runtime.message)"], "runtime error of \(file)")
  } else {
    #expect(diagnostics.isEmpty, "unexpected errors in \(file): \(diagnostics.map(\.message))")
  }
}

@Test func thereAreEnoughSpecs() {
  #expect(specFiles.count >= 200)
}
