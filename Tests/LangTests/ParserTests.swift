// Parser tests: tree dumps with source ranges, and recovery that reports every
// syntax error of a source in one pass.
import Testing

@testable import Lang

func parse(_ text: String) -> (dump: String, errors: [String]) {
  let (program, diagnostics) = Parser.parse(Source(name: "t.lr", text: text))
  return (program.dump(), diagnostics.map { "\($0.range): \($0.message)" })
}

func expectTree(
  _ text: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let (dump, errors) = parse(text)
  #expect(errors.isEmpty, "unexpected errors: \(errors)", sourceLocation: sourceLocation)
  #expect(dump == expected, sourceLocation: sourceLocation)
}

@Test func binaryPrecedenceAndRanges() {
  expectTree(
    "1 + 2 * 3",
    """
    Expression @1:1-1:10
      Binary + @1:1-1:10
        Number 1 @1:1-1:2
        Binary * @1:5-1:10
          Number 2 @1:5-1:6
          Number 3 @1:9-1:10

    """)
}

@Test func unaryMinusBindsLooserThanPower() {
  expectTree(
    "-2 ** 2",
    """
    Expression @1:1-1:8
      Unary - @1:1-1:8
        Binary ** @1:2-1:8
          Number 2 @1:2-1:3
          Number 2 @1:7-1:8

    """)
}

@Test func pipelineBecomesCall() {
  expectTree(
    "x |> f(a, by: 2)",
    """
    Expression @1:1-1:17
      Call @1:1-1:17
        Variable f @1:6-1:7
        Variable x @1:1-1:2
        Variable a @1:8-1:9
        Named by @1:11-1:13
          Number 2 @1:15-1:16

    """)
}

@Test func declarationsAndFunctions() {
  expectTree(
    "let xs = [1, \"a\"]\nfn scale(x, by = 2) { x * by }",
    """
    Let xs @1:1-1:18
      List @1:10-1:18
        Number 1 @1:11-1:12
        String "a" @1:14-1:17
    Fn scale(x, by=) @2:1-2:31
      Number 2 @2:18-2:19
      Block @2:21-2:31
        Expression @2:23-2:29
          Binary * @2:23-2:29
            Variable x @2:23-2:24
            Variable by @2:27-2:29

    """)
}

@Test func ifElseChainAndRecords() {
  expectTree(
    "if a { {rank: 8} } else if b { 0 } else { nil }",
    """
    Expression @1:1-1:48
      If @1:1-1:48
        Variable a @1:4-1:5
        Block @1:6-1:19
          Expression @1:8-1:17
            Record @1:8-1:17
              Field rank @1:9-1:13
                Number 8 @1:15-1:16
        If @1:25-1:48
          Variable b @1:28-1:29
          Block @1:30-1:35
            Expression @1:32-1:33
              Number 0 @1:32-1:33
          Block @1:41-1:48
            Expression @1:43-1:46
              Nil @1:43-1:46

    """)
}

@Test func interpolationMethodCallsAndAssignment() {
  expectTree(
    "var s = \"r=\\(cfg.rank)!\"\nxs[0] += 1; xs.append(2)",
    """
    Var s @1:1-1:25
      Interpolation @1:9-1:25
        Text "r="
        Member rank @1:14-1:22
          Variable cfg @1:14-1:17
        Text "!"
    Assign += @2:1-2:11
      Index @2:1-2:6
        Variable xs @2:1-2:3
        Number 0 @2:4-2:5
      Number 1 @2:10-2:11
    Expression @2:13-2:25
      MethodCall append @2:13-2:25
        Variable xs @2:13-2:15
        Number 2 @2:23-2:24

    """)
}

@Test func loopsAndSuppressedDisplay() {
  expectTree(
    "for i in 0..<n { break }\nwhile true { continue }\nf();",
    """
    For i @1:1-1:25
      Range ..< @1:10-1:15
        Number 0 @1:10-1:11
        Variable n @1:14-1:15
      Block @1:16-1:25
        Break @1:18-1:23
    While @2:1-2:24
      Bool true @2:7-2:11
      Block @2:12-2:24
        Continue @2:14-2:22
    Expression ; @3:1-3:4
      Call @3:1-3:4
        Variable f @3:1-3:2

    """)
}

@Test func newlinesContinueInsideBracketsAndAfterOperators() {
  let (dump, errors) = parse("f(1,\n  2) +\n  3\n[1,\n 2]\n  .map(g)\n  |> h")
  #expect(errors.isEmpty)
  #expect(dump.components(separatedBy: "\n").filter { $0.hasPrefix("Expression") }.count == 2)
}

@Test func recoveryReportsEveryError() {
  let (_, errors) = parse(
    """
    let a = )
    let b = 1
    fn f( { }
    let c = [1, 2
    print(b)
    let d = 3 4
    """)
  #expect(
    errors == [
      "t.lr:1:9: expected an expression, found ')'",
      "t.lr:3:7: expected a parameter name, found '{'",
      "t.lr:5:1: expected ']' to close the list, found 'print'",
      "t.lr:6:11: unexpected '4' after the statement; start a new line or use ';'",
    ])
}

@Test func lexerErrorsDoNotCascade() {
  let (_, errors) = parse("let x = $ + 1\nlet y = \"open\nlet z = 1")
  #expect(errors == ["t.lr:1:9: unexpected character '$'", "t.lr:2:9: unterminated string"])
}

@Test func errorCountIsCapped() {
  let text = Array(repeating: "let = 1", count: 200).joined(separator: "\n")
  #expect(parse(text).errors.count == Parser.maxErrors)
}

@Test func cellsReportNotebookLines() {
  let (_, diagnostics) = Parser.parse(Source(name: "nb.lrnb", text: "\nlet = 2", firstLine: 40))
  #expect(diagnostics.first?.range.description == "nb.lrnb:41:5")
}
