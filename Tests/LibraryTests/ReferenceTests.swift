// Documentation from one source: every native, method and stdlib function has a
// summary and an example, every example runs, and docs/reference.md is current.
import Bindings
import Foundation
import Lang
import Testing
import _TestSupport

/// A fresh interpreter with every native and the stdlib, as `lrnb run` makes one.
func libraryInterpreter() throws -> Interpreter {
  try Library.makeInterpreter(output: CollectingSink()).0
}

let documentedNames: [String] = (try? libraryInterpreter().documentation.map(\.name)) ?? []

@Test func theReferenceIsCurrent() throws {
  let generated = Library.referenceMarkdown(try libraryInterpreter())
  let url = repositoryRoot().appendingPathComponent("docs/reference.md")
  let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  guard generated != committed else { return }
  let (new, old) = (generated.split(separator: "\n"), committed.split(separator: "\n"))
  let line =
    zip(new, old).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    ?? min(new.count, old.count)
  Issue.record(
    """
    docs/reference.md is stale (first difference at line \(line + 1)); regenerate it with \
    `make docs` or `\(Library.referenceCommand)`
    """)
}

@Test func everythingIsDocumentedWithAnExample() throws {
  let entries = try libraryInterpreter().documentation
  #expect(entries.count > 150)
  let undocumented = entries.filter { $0.summary.isEmpty }.map(\.name)
  #expect(undocumented.isEmpty, "no doc string: \(undocumented.joined(separator: ", "))")
  let noExample = entries.filter { $0.examples.isEmpty }.map(\.name)
  #expect(noExample.isEmpty, "no example: \(noExample.joined(separator: ", "))")
}

@Test(arguments: documentedNames)
func examplesRun(_ name: String) throws {
  let entry = try #require(try libraryInterpreter().documentation.first { $0.name == name })
  for example in entry.runnableExamples {
    let interpreter = try libraryInterpreter()
    do {
      _ = try interpreter.run(Source(name: "example.lr", text: example))
    } catch {
      let message = error.diagnostics.first?.message ?? "\(error)"
      Issue.record(
        """
        the example of \(name) fails: \(message). Make it self-contained, or start it with \
        `# not run: <why>` when it needs data files.
        \(example)
        """)
    }
  }
}

@Test func theLanguageGuidesExamplesRun() throws {
  let url = repositoryRoot().appendingPathComponent("docs/language.md")
  let guide = try String(contentsOf: url, encoding: .utf8)
  let blocks = guide.components(separatedBy: "```lr\n").dropFirst().compactMap {
    $0.components(separatedBy: "```").first
  }
  #expect(blocks.count >= 3)
  for block in blocks {
    let interpreter = try libraryInterpreter()
    #expect(throws: Never.self, "docs/language.md example:\n\(block)") {
      try interpreter.run(Source(name: "language.md", text: block))
    }
  }
}
