// Reading entries: when typed lines complete one, which commands they are, which
// names they use, and how `:save` binds `_`.
import Lang
import Testing

@testable import lrnb

@Suite struct EntryTests {
  @Test(arguments: [
    "fn f(x) {", "foo(1,", "1 +", "[1,\n2", "let cfg = {rank: 8,", "if x > 0 {\n  1\n} else {",
    "xs.map(fn(x) {",
  ])
  func incompleteEntries(_ text: String) {
    #expect(entryStatus(of: text) == .incomplete)
  }

  @Test(arguments: [
    "1 + 2", "fn f(x) { x }", "1 +* 2", "let = 3", "fn f() {\n  1\n)", "}", "\"unterminated",
    "print(1)\n  .x", "", "# just a comment",
  ])
  func completeEntries(_ text: String) {
    #expect(entryStatus(of: text) == .complete)
  }

  @Test func bufferJoinsLinesUntilComplete() {
    var buffer = EntryBuffer()
    #expect(buffer.add("") == nil)
    #expect(buffer.isEmpty)
    #expect(buffer.add("fn scale(x) {") == nil)
    #expect(buffer.add("  x * 2") == nil)
    #expect(buffer.text == "fn scale(x) {\n  x * 2")
    #expect(buffer.add("}") == "fn scale(x) {\n  x * 2\n}")
    #expect(buffer.isEmpty)
    // Commands are complete at once; `:time` waits for its code like any entry.
    #expect(buffer.add(":vars") == ":vars")
    #expect(buffer.add(":time f(1,") == nil)
    #expect(buffer.add("  2)") == ":time f(1,\n  2)")
    // Two empty lines end an entry that would otherwise never close.
    #expect(buffer.add("foo(") == nil)
    #expect(buffer.add("") == nil)
    #expect(buffer.add("") == "foo(\n\n")
  }

  @Test func commandsParse() {
    #expect(ReplEntry.parse("1 + 2") == .code("1 + 2"))
    #expect(ReplEntry.parse("?len") == .help("len"))
    #expect(ReplEntry.parse("? t.sum ") == .help("t.sum"))
    #expect(ReplEntry.parse(":help") == .help(nil))
    #expect(ReplEntry.parse(":h svd") == .help("svd"))
    #expect(ReplEntry.parse(":load  nb.lrnb ") == .load("nb.lrnb"))
    #expect(ReplEntry.parse(":save s.lrnb") == .save("s.lrnb"))
    #expect(ReplEntry.parse(":time f(1,\n 2)") == .time("f(1,\n 2)"))
    #expect(ReplEntry.parse("  :vars") == .vars)
    #expect(ReplEntry.parse(":reset") == .reset)
    #expect(ReplEntry.parse(":q") == .quit)
    #expect(ReplEntry.parse(":load") == .invalid("':load' needs a notebook, e.g. :load tour.lrnb"))
    #expect(ReplEntry.parse(":vars x") == .invalid("':vars' takes no argument"))
    #expect(ReplEntry.parse(":frob") == .invalid("unknown command ':frob' (see :help)"))
    #expect(ReplEntry.parse(":") == .invalid("a command name must follow ':' (see :help)"))
    #expect(ReplEntry.code(in: ":time x +") == " x +")
    #expect(ReplEntry.code(in: ":vars") == nil)
  }

  @Test func mentionsFindsIdentifiersOnly() {
    #expect(mentions("_", in: "_ * 2"))
    #expect(mentions("_", in: "f(_)"))
    #expect(!mentions("_", in: "r._"))
    #expect(!mentions("_", in: "{_: 1}"))
    #expect(!mentions("_", in: "\"_\"  # _"))
    #expect(!mentions("_", in: "x_1 + _x"))
  }

  @Test func bindingTheFinalExpression() {
    #expect(bindingFinalExpression(of: "t.sum()", to: "_") == "let _ = t.sum()\n_")
    #expect(
      bindingFinalExpression(of: "let a = 1\na + 1  # one more", to: "_")
        == "let a = 1\nlet _ = a + 1\n_  # one more")
    #expect(
      bindingFinalExpression(of: "[1,\n 2]", to: "_") == "let _ = [1,\n 2]\n_")
    #expect(bindingFinalExpression(of: "x;", to: "_") == nil)
    #expect(bindingFinalExpression(of: "let a = 1", to: "_") == nil)
    #expect(bindingFinalExpression(of: "1 +* 2", to: "_") == nil)
  }
}
