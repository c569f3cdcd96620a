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
    // (Natives are added all the time: these check membership, not whole lists.)
    let le = names(interp, "le")
    #expect(["learning_rate", "len", "let"].allSatisfy(le.contains))
    #expect(le == le.sorted())
    #expect(names(interp, "learning_") == ["learning_rate"])
    let printing = interp.completions(before: "pri")
    #expect(printing.candidates.first { $0.name == "print" }?.insertion == "print(")
    #expect(printing.prefix == "pri")
    // Statement keywords do not fit inside an expression; `fn` and `if` do.
    #expect(!names(interp, "let y = ").contains("while"))
    #expect(names(interp, "let y = f").contains("fn"))
    #expect(names(interp, "for i i") == ["in"])
  }

  @Test func membersOfBuiltInValues() throws {
    let interp = try interpreter(
      "let xs = [1, 2]\nlet cfg = {rank_q: 8, rate_q: 0.1, run_q: fn() { 1 }}")
    #expect(names(interp, "xs.ma").contains("map"))
    #expect(!names(interp, "xs.ma").contains("matmul"))  // globals are not members
    #expect(names(interp, "xs.").contains("append"))
    #expect(["rank_q", "rate_q", "run_q"].allSatisfy(names(interp, "cfg.r").contains))
    #expect(interp.completions(before: "cfg.run_").candidates.first?.insertion == "run_q(")
    #expect(names(interp, "\"a,b\".sp").contains("split"))
    #expect(names(interp, "[1, 2].fil").contains("filter"))
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
    #expect(names(interp, "r.w.su").contains("sum"))
    #expect(names(interp, "t.T.me").contains("mean"))
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
    // (Names no native is likely to take, so new natives cannot join the candidates.)
    let context =
      "fn train(alpha_w, beta_w = 1) {\n  let gamma_w = alpha_w * 2\n  for step_w in 0..<3 {"
    #expect(names(interp, "    alpha_", context: context) == ["alpha_w"])
    #expect(names(interp, "    gamma_", context: context) == ["gamma_w"])
    #expect(names(interp, "    step_", context: context) == ["step_w"])
    #expect(names(interp, "    beta_", context: context) == ["beta_w"])
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
