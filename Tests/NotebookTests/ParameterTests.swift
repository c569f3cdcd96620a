// Parameter values: YAML typing, -p flags, params files, and type-checked overrides.
import Testing

@testable import Notebook

@Suite struct ParameterTests {
  @Test(arguments: [
    ("epochs=5", ParameterValue.number(5)),
    ("tau=0.25", .number(0.25)),
    ("big=1e3", .number(1000)),
    ("flag=true", .bool(true)),
    ("word=no", .string("no")),
    ("quoted='3'", .string("3")),
    ("xs=[1, 2, 3]", .list([.number(1), .number(2), .number(3)])),
    ("cfg={rank: 8}", .record([.init("rank", .number(8))])),
    ("text=a: b", .string("a: b")),
    ("empty=", .string("")),
    ("junk=[1, 2", .string("[1, 2")),
  ])
  func commandLineValues(_ flag: String, _ expected: ParameterValue) throws {
    #expect(try ParameterOverride.parse(flag).value == expected)
  }

  @Test func malformedFlags() {
    #expect(throws: ParameterError("expected key=value, got 'epochs'")) {
      try ParameterOverride.parse("epochs")
    }
    #expect(throws: ParameterError.self) { try ParameterOverride.parse("bad-name=1") }
  }

  @Test func overridesKeepTypes() throws {
    let notebook = try Fixtures.read(
      "---\nparams:\n  epochs: 3\n  tag: v1\n  anything: null\n  xs: [1]\n---\n")
    let applied = try notebook.parameters(applying: [
      try ParameterOverride.parse("epochs=10"), try ParameterOverride.parse("tag=3.10"),
      try ParameterOverride.parse("anything=[true]"),
    ])
    #expect(
      applied.map(\.value) == [
        .number(10), .string("3.10"), .list([.bool(true)]), .list([.number(1)]),
      ])
    #expect(applied.map(\.line) == [nil, nil, nil, 6])
    #expect(throws: ParameterError.self) {
      try notebook.parameters(applying: [try ParameterOverride.parse("epochs=many")])
    }
    #expect(throws: ParameterError.self) {
      try notebook.parameters(applying: [try ParameterOverride.parse("xs=1")])
    }
    do {
      _ = try notebook.parameters(applying: [try ParameterOverride.parse("epoch=1")])
    } catch {
      #expect(
        error.message
          == "unknown parameter 'epoch' (the notebook declares: epochs, tag, anything, xs)")
    }
  }

  @Test func paramsFile() throws {
    let overrides = try ParameterOverride.parseFile("epochs: 7\ntag: no\n", name: "p.yaml")
    #expect(overrides.map(\.name) == ["epochs", "tag"])
    #expect(overrides.map(\.value) == [.number(7), .string("no")])
    #expect(throws: NotebookError.self) {
      try ParameterOverride.parseFile("- 1\n- 2\n", name: "p.yaml")
    }
    do {
      _ = try ParameterOverride.parseFile("a: 1\nb: [\n", name: "p.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.first?.range.file == "p.yaml")
    }
  }

  @Test func lrLiterals() {
    let value = ParameterValue.record([
      .init("rank", .number(8)), .init("tau", .number(0.1)), .init("name", .string("a \"b\"\n")),
      .init("two words", .list([.bool(true), .nil])),
    ])
    #expect(value.lrLiteral == #"{rank: 8, tau: 0.1, name: "a \"b\"\n", "two words": [true, nil]}"#)
    #expect(ParameterValue.number(-.infinity).lrLiteral == "-inf")
  }
}
