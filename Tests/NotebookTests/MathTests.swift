// TeX → MathML and finding formulas in prose.
import Testing

@testable import Notebook

@Suite struct MathTests {
  func body(_ tex: String, display: Bool = false) -> String {
    let math = TeXMath.mathML(tex, display: display)
    guard let start = math.range(of: "<semantics><mrow>"),
      let end = math.range(of: "</mrow><annotation")
    else { return math }
    return String(math[start.upperBound..<end.lowerBound])
  }

  @Test(arguments: [
    ("x", "<mi>x</mi>"),
    ("12.5", "<mn>12.5</mn>"),
    ("a - b", "<mi>a</mi><mo>−</mo><mi>b</mi>"),
    ("x_i^2", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
    ("x_{ij}", "<msub><mi>x</mi><mrow><mi>i</mi><mi>j</mi></mrow></msub>"),
    ("f'", "<msup><mi>f</mi><mo>′</mo></msup>"),
    ("\\sigma \\ge 0", "<mi>σ</mi><mo>≥</mo><mn>0</mn>"),
    ("\\Sigma", "<mi mathvariant=\"normal\">Σ</mi>"),
    ("\\frac{a}{b}", "<mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac>"),
    ("\\sqrt{x}", "<msqrt><mrow><mi>x</mi></mrow></msqrt>"),
    ("\\sqrt[3]{x}", "<mroot><mrow><mi>x</mi></mrow><mrow><mn>3</mn></mrow></mroot>"),
    ("\\mathbb{R}^n", "<msup><mrow><mi>ℝ</mi></mrow><mi>n</mi></msup>"),
    ("\\mathbf{x}", "<mrow><mi>𝐱</mi></mrow>"),
    ("\\log x", "<mi>log</mi><mspace width=\"0.1667em\"></mspace><mi>x</mi>"),
    (
      "\\hat{y}",
      "<mover accent=\"true\"><mrow><mi>y</mi></mrow><mo stretchy=\"false\">^</mo></mover>"
    ),
    ("\\text{if } x", "<mtext>if </mtext><mi>x</mi>"),
    (
      "\\left( x \\right)",
      "<mrow><mo stretchy=\"true\" fence=\"true\">(</mo><mi>x</mi><mo stretchy=\"true\" fence=\"true\">)</mo></mrow>"
    ),
    ("a < b", "<mi>a</mi><mo>&lt;</mo><mi>b</mi>"),
    ("\\unknown", "<merror><mtext>\\unknown</mtext></merror>"),
    ("\\not= ", "<mo>≠</mo>"),
  ])
  func converts(_ tex: String, _ expected: String) {
    #expect(body(tex) == expected)
  }

  @Test func limitsGoUnderInDisplayOnly() {
    #expect(
      body("\\sum_{i=1}^n", display: true).hasPrefix(
        "<munderover><mo largeop=\"true\" movablelimits=\"true\">∑</mo>"))
    #expect(body("\\sum_{i=1}^n").hasPrefix("<msubsup>"))
    #expect(
      body("\\max_x f", display: true).hasPrefix("<munder><mi>max</mi><mi>x</mi></munder><mspace"))
  }

  @Test func matrices() {
    let m = body("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}")
    #expect(
      m.contains(
        "<mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr>"
      ))
    #expect(m.hasPrefix("<mrow><mo stretchy=\"true\" fence=\"true\">(</mo><mtable>"))
    let cases = body("f = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}")
    #expect(cases.contains("<mtable columnalign=\"left left\">"))
  }

  @Test func wrapperKeepsTheSource() {
    let math = TeXMath.mathML("a<b & \"c\"", display: true)
    #expect(math.hasPrefix("<math display=\"block\"><semantics><mrow>"))
    #expect(
      math.hasSuffix(
        "<annotation encoding=\"application/x-tex\">a&lt;b &amp; &quot;c&quot;</annotation></semantics></math>"
      ))
  }

  @Test func hostileFormulasEndWithoutCrashing() {
    let deep = TeXMath.mathML(String(repeating: "{", count: 10_000), display: false)
    #expect(deep.contains("nested too deeply") && deep.count < 12_000)
    let commands =
      String(repeating: "\\frac", count: 2_000) + String(repeating: "\\sqrt\\hat\\not", count: 500)
    let cutOff = TeXMath.mathML(commands, display: false).contains("nested too deeply")
    #expect(cutOff)
    #expect(TeXMath.mathML("}}}\\right)\\end{x}\\\\&^_", display: false).contains("unmatched }"))
    let long = TeXMath.mathML(String(repeating: "x", count: 30_000), display: false)
    #expect(long.hasPrefix("<code class=\"math-source\">"))
  }

  func extracted(_ markdown: String) -> (String, [Formula]) {
    var extractor = MathExtractor(token: "T")
    let text = extractor.extract(markdown)
    return (text, extractor.formulas)
  }

  @Test func findsFormulasOutsideCode() {
    let (text, formulas) = extracted(
      "Let $x_1$ and $$\\sum_i a_i$$ but `$code$`, \\$5, costs $5 and $10.\n\n```\n$not$\n```\n$y$")
    #expect(
      text == "Let TM0Z and TM1Z but `$code$`, \\$5, costs $5 and $10.\n\n```\n$not$\n```\nTM2Z")
    #expect(
      formulas == [
        Formula(tex: "x_1", display: false), Formula(tex: "\\sum_i a_i", display: true),
        Formula(tex: "y", display: false),
      ])
  }

  @Test func inlineNeedsTightDollars() {
    #expect(extracted("a $ b $ c").1.isEmpty)
    #expect(extracted("$x$5").1.isEmpty)
    #expect(extracted("$$\na + b\n$$").1 == [Formula(tex: "a + b", display: true)])
  }

  @Test func restoreKeepsMarkupOutOfAttributes() {
    var extractor = MathExtractor(token: "T")
    _ = extractor.extract("$a<b$")
    let html = extractor.restore("<p><img alt=\"TM0Z\"> TM0Z TM9Z</p>")
    #expect(html.hasPrefix("<p><img alt=\"a&lt;b\"> <math display=\"inline\">"))
    #expect(html.hasSuffix(" TM9Z</p>"))
  }

  @Test func reportRendersMath() throws {
    let (run, _) = try Fixtures.run(
      "# Norm $\\|x\\|_2$\n\nWith $a_b * c_d$ and\n\n$$\\frac{1}{2}$$\n\n![$x$](a.png)\n")
    let html = HTMLReport(run: run).render()
    let body = String(html[(html.range(of: "<main>")?.lowerBound ?? html.startIndex)...])
    #expect(body.contains("<h1 id=\"norm-x_2\">Norm <math display=\"inline\">"), "\(body)")
    #expect(body.contains("<msub><mi>a</mi><mi>b</mi></msub><mo>∗</mo>"))
    #expect(body.contains("<p><math display=\"block\"><semantics><mrow><mfrac>"))
    #expect(body.contains("alt=\"x\""))
    #expect(!body.contains("LRNBMATH"))
  }
}
