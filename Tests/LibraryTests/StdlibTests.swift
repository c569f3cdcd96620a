// The stdlib written in lr (stdlib/*.lr): loaded into every interpreter, each helper
// behaving as documented, errors in the usual words.
import Bindings
import Lang
import Testing

/// The value of `code` in a fresh library interpreter, as printed.
func evaluate(_ code: String) throws -> String {
  try libraryInterpreter().run(Source(name: "t.lr", text: code))?.quotedDescription ?? "nil"
}

/// The runtime error `code` stops with.
func failure(_ code: String) throws -> String? {
  let interpreter = try libraryInterpreter()
  do {
    _ = try interpreter.run(Source(name: "t.lr", text: code))
    return nil
  } catch {
    return error.diagnostics.first?.message
  }
}

@Test(arguments: [
  ("range(5)", "[0, 1, 2, 3, 4]"),
  ("range(2, 8, 3)", "[2, 5]"),
  ("range(3, 0, -1)", "[3, 2, 1]"),
  ("[1, 2, 3] |> map(fn(x) { x * 2 })", "[2, 4, 6]"),
  ("0..<6 |> filter(fn(x) { x % 2 == 1 })", "[1, 3, 5]"),
  ("reduce(\"abc\", fn(s, c) { c + s }, \"\")", "\"cba\""),
  ("enumerate([\"a\"], start: 1)", "[[1, \"a\"]]"),
  ("zip(0..<3, \"ab\")", "[[0, \"a\"], [1, \"b\"]]"),
  ("sorted([3, 1, 2], reverse: true)", "[3, 2, 1]"),
  ("reversed(\"ab\")", "[\"b\", \"a\"]"),
  ("[any([false, true]), all([], fn(x) { x })]", "[true, true]"),
  ("count(\"banana\", fn(c) { c == \"a\" })", "3"),
  ("chunks([1, 2, 3, 4, 5], 2)", "[[1, 2], [3, 4], [5]]"),
  ("compose(str, fn(x) { x + 1 })(1)", "\"2\""),
  ("table([{a: 1}, {b: 2}])", "[{a: 1, b: nil}, {a: nil, b: 2}]"),
  ("table({x: [1, 2], y: [3, 4]})", "[{x: 1, y: 3}, {x: 2, y: 4}]"),
  ("column([{a: 1}, {b: 2}], \"a\")", "[1, nil]"),
  ("select([{a: 1, b: 2, c: 3}], \"c\", \"a\")", "[{c: 3, a: 1}]"),
  ("sort_by([{n: 2}, {n: 1}], fn(r) { -r.n })", "[{n: 2}, {n: 1}]"),
  ("group_by([1, 2, 3, 4], fn(x) { x % 2 }).map(fn(g) { g.rows })", "[[1, 3], [2, 4]]"),
  ("aggregate([{k: \"a\", v: 1}, {k: \"a\", v: 3}], \"k\", {v: max})", "[{k: \"a\", v: 3}]"),
  ("with_column([{x: 2}], \"sq\", fn(r) { r.x ** 2 })", "[{x: 2, sq: 4}]"),
  ("grid({a: [1, 2], b: \"x\"})", "[{a: 1, b: \"x\"}, {a: 2, b: \"x\"}]"),
  ("grid({a: 1..<3})", "[{a: 1}, {a: 2}]"),
  ("run_grid(grid({a: [1, 2]}), fn(c) { c.a * 10 })", "[{a: 1, result: 10}, {a: 2, result: 20}]"),
  ("best([{acc: 0.5, r: 1}, {acc: 0.9, r: 2}], \"acc\").r", "2"),
  ("best([{loss: 0.5}, {loss: 0.2}], \"loss\", lowest: true).loss", "0.2"),
  ("mean_std([1, 3])", "{mean: 2, std: 1}"),
])
func stdlibHelpers(_ code: String, _ expected: String) throws {
  #expect(try evaluate(code) == expected, "\(code)")
}

@Test(arguments: [
  ("range(0, 5, 0)", "range: step must not be 0"),
  ("chunks([1], 0)", "chunks: n must be at least 1, got 0"),
  ("table({a: [1, 2], b: [1]})", "table: column 'b' has 1 values, expected 2"),
  ("columns([1])", "a table is a list of records, found a number"),
  ("best([], \"acc\")", "best: no rows"),
  ("mean_std([])", "mean_std: no values"),
  ("map(5, fn(x) { x })", "cannot iterate over a number"),
])
func stdlibErrors(_ code: String, _ message: String) throws {
  #expect(try failure(code) == message, "\(code)")
}

@Test func stdlibNamesAreConstantsButMayBeRedeclared() throws {
  #expect(try failure("map = 1") == "cannot assign to constant 'map'")
  #expect(try evaluate("let map = 3\nmap") == "3")
}
