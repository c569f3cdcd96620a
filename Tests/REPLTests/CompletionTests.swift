// Completion candidates from the interpreter: globals, keywords, locals, members after
// `.` (lists, strings, records, tensors), named arguments inside calls.
import Bindings
import Lang
import Testing

@Suite struct CompletionTests {
  /// An interpreter with every native and the stdlib, plus the globals of `setup`.
  func interpreter(_ setup: String = "") throws -> Interpreter {
    let (interp, _) = try Library.makeInterpreter(output: CollectingSink())
    _ = try interp.run(Source(name: "setup", text: setup))
    return interp
  }

  func names(_ interp: Interpreter, _ before: String, context: String = "") -> [String] {
    interp.completions(before: before, context: context).candidates.map(\.name)
  }

  @Test func globalsAndKeywordsAtStatementStart() throws {
    let interp = try interpreter("let learning_rate = 0.1")
    #expect(names(interp, "le") == ["learning_rate", "len", "let"])
    #expect(names(interp, "learn") == ["learning_rate"])
    let printing = interp.completions(before: "pri")
    #expect(printing.candidates.map(\.insertion) == ["print("])
    #expect(printing.prefix == "pri")
    // Statement keywords do not fit inside an expression; `fn` and `if` do.
    #expect(!names(interp, "let y = ").contains("while"))
    #expect(names(interp, "let y = f").contains("fn"))
    #expect(names(interp, "for i i") == ["in"])
  }

  @Test func membersOfBuiltInValues() throws {
    let interp = try interpreter("let xs = [1, 2]\nlet cfg = {rank: 8, rate: 0.1, run: fn() { 1 }}")
    #expect(names(interp, "xs.ma") == ["map"])
    #expect(names(interp, "xs.").contains("append"))
    #expect(names(interp, "cfg.r") == ["rank", "rate", "run"])
    #expect(interp.completions(before: "cfg.ru").candidates.first?.insertion == "run(")
    #expect(names(interp, "\"a,b\".sp") == ["split"])
    #expect(names(interp, "[1, 2].fil") == ["filter"])
    // Receivers completion cannot evaluate without running code offer nothing.
    #expect(names(interp, "f(x).ma").isEmpty)
    #expect(names(interp, "xs[0].ma").isEmpty)
    #expect(names(interp, "nothing_here.").isEmpty)
  }

  @Test func tensorMethodsAfterDot() throws {
    let interp = try interpreter("let t = ones([2, 3])\nlet r = {w: ones([2, 2])}")
    let all = names(interp, "t.")
    for expected in ["T", "shape", "sum", "mean", "reshape", "tolist"] {
      #expect(all.contains(expected), "missing \(expected)")
    }
    #expect(interp.completions(before: "t.resh").candidates.map(\.insertion) == ["reshape("])
    #expect(interp.completions(before: "t.sha").candidates.map(\.insertion) == ["shape"])
    #expect(names(interp, "r.w.su") == ["sum"])
    #expect(names(interp, "t.T.me") == ["mean"])
  }

  @Test func namedArgumentsInsideCalls() throws {
    let interp = try interpreter(
      "fn scale(x, by = 2, bias = 0) { x * by + bias }\nlet t = ones([2])")
    let c = interp.completions(before: "scale(3, b")
    // Named arguments come first, in the callee's parameter order.
    #expect(c.candidates.map(\.name).prefix(2) == ["by:", "bias:"])
    #expect(c.candidates.first?.insertion == "by: ")
    // A name already given is not offered again, nor inside a nested call's parentheses.
    #expect(!names(interp, "scale(3, by: 2, ").contains("by:"))
    #expect(names(interp, "scale(3, by: 2, ").contains("bias:"))
    #expect(names(interp, "scale(len([1]), b").contains("by:"))
    #expect(!names(interp, "scale([b").contains("by:"))
    #expect(names(interp, "t.sum(a").first == "axis:")
    #expect(names(interp, "lineplot([1], ti").first == "title:")
    #expect(names(interp, "[1].map(").contains("f:"))
  }

  @Test func nothingInsideStringsOrComments() throws {
    let interp = try interpreter()
    #expect(names(interp, "print(\"pri").isEmpty)
    #expect(names(interp, "# pri").isEmpty)
    // Inside an interpolation the cursor is in code again.
    #expect(names(interp, "\"total \\(le").contains("len"))
  }

  @Test func namesDeclaredEarlierInTheEntry() throws {
    let interp = try interpreter()
    let context = "fn train(alpha, beta = 1) {\n  let gamma = alpha * 2\n  for step in 0..<3 {"
    #expect(names(interp, "    al", context: context) == ["alpha"])
    #expect(names(interp, "    gam", context: context) == ["gamma"])
    #expect(names(interp, "    ste", context: context) == ["step"])
    #expect(names(interp, "    be", context: context) == ["beta"])
  }

  @Test func commonInsertion() {
    let c = Completions(
      prefix: "re",
      candidates: [
        CompletionCandidate(name: "reshape", insertion: "reshape(", kind: .method),
        CompletionCandidate(name: "reset", insertion: "reset", kind: .variable),
      ])
    #expect(c.commonInsertion == "res")
    #expect(Completions(prefix: "x", candidates: []).commonInsertion == "x")
  }
}
