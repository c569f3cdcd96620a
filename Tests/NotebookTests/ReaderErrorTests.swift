// The reader on malformed notebooks: a diagnostic with a line, never a crash.
import Lang
import Testing

@testable import Notebook

@Suite struct ReaderErrorTests {
  @Test func badYAMLPointsAtTheFileLine() {
    let problems = Fixtures.problems("---\ntitle: ok\nparams: [1, 2\n---\n")
    #expect(problems.count == 1)
    #expect(problems.first?.message.hasPrefix("bad front matter") == true)
    #expect((2...4).contains(problems.first?.range.start.line ?? 0))
  }

  @Test func unclosedFrontMatter() {
    let problems = Fixtures.problems("---\ntitle: x\n\n# Heading\n")
    #expect(problems.map(\.message) == ["front matter opened here is never closed with '---'"])
    #expect(problems.first?.range.start.line == 1)
  }

  @Test func unclosedFence() {
    let problems = Fixtures.problems("# Hi\n\n```lr\nprint a\n\nmore\n")
    #expect(problems.first?.range.start.line == 3)
    #expect(problems.first?.message.hasPrefix("lr cell opened here is never closed") == true)
    let other = Fixtures.problems("````python\nx\n```\n")
    #expect(
      other.first?.message.hasPrefix("code block opened here is never closed with ````") == true)
  }

  @Test func wrongOptionTypesAreErrors() {
    let problems = Fixtures.problems(
      "```lr\n#| echo: maybe\n#| timeout: -1\n#| label: has space\nx\n```\n")
    #expect(problems.map(\.range.start.line) == [2, 3, 4])
    #expect(problems.allSatisfy { $0.severity == .error })
    #expect(problems.first?.message == "option 'echo' must be true or false (got \"maybe\")")
  }

  @Test func duplicateLabels() {
    let problems = Fixtures.problems("```lr\n#| label: a\n```\n\n```lr\n#| label: a\n```\n")
    #expect(
      problems.map(\.message) == ["duplicate cell label 'a' (first used by the cell at line 1)"])
    #expect(problems.first?.range.start.line == 5)
  }

  @Test func badSeedAndParameterNames() {
    let problems = Fixtures.problems("---\nseed: -3\nparams:\n  bad-name: 1\n---\n")
    #expect(problems.count == 2)
    #expect(problems[0].message.contains("'seed' must be a whole number"))
    #expect(problems[0].range.start.line == 2)
    #expect(problems[1].message.contains("'bad-name' is not an lr identifier"))
    #expect(problems[1].range.start.line == 4)
  }

  @Test func binaryJunk() {
    #expect(throws: NotebookError.self) {
      try NotebookReader.read(bytes: [0x23, 0x0A, 0x00, 0x01], name: "x.lrnb")
    }
    do {
      _ = try NotebookReader.read(bytes: Array("ok\nab\u{FF}".utf8) + [0xC3, 0x28], name: "x.lrnb")
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.first?.range.start.line == 2)
      #expect(
        error.diagnostics.first?.message.hasPrefix("not UTF-8 text: invalid byte 0xC3") == true)
    }
  }

  @Test func deepYAMLIsRefusedNotACrash() {
    let deep = "---\nx: " + String(repeating: "[", count: 20_000) + "\n---\n"
    #expect(Fixtures.problems(deep).first?.message.contains("nested too deeply") == true)
    let indented =
      "---\n"
      + (0..<300).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
      + "\n---\n"
    #expect(Fixtures.problems(indented).first?.message.contains("nested too deeply") == true)
  }

  @Test func deepestAcceptedYAMLStillReads() {
    // Just under both limits: block nesting to column 150, then 60 flow brackets.
    var yaml = "---\n"
    for level in 0..<150 { yaml += String(repeating: " ", count: level) + "k\(level):\n" }
    yaml +=
      String(repeating: " ", count: 150) + "v: " + String(repeating: "[", count: 60)
      + String(repeating: "]", count: 60)
    let problems = Fixtures.problems(yaml + "\n---\n")
    #expect(problems.first?.message.contains("too large or too deeply nested") == true)
  }

  @Test func aliasBombIsRefused() {
    var yaml = "---\nparams:\n  a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
    for i in 1..<9 {
      yaml +=
        "  a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
        + "]\n"
    }
    let problems = Fixtures.problems(yaml + "---\n")
    #expect(problems.first?.message.contains("too large") == true)
  }

  @Test func errorRendersWithCaret() {
    do {
      _ = try NotebookReader.read("```lr\n#| echo: 3\n```\n", name: "nb.lrnb")
      Issue.record("expected an error")
    } catch {
      #expect(
        error.description.hasPrefix(
          "nb.lrnb:2:4: error: option 'echo' must be true or false (got 3)\n  2 | #| echo: 3\n"))
    }
  }
}
