// The HTML report: structure, self-containment, figures, errors, TOC, banner, footer.
import Foundation
import Lang
import Testing

@testable import Notebook

@Suite struct ReportTests {
  let html: String
  let run: NotebookRun

  init() throws {
    run = try SampleNotebook.run()
    html = HTMLReport(run: run).render()
  }

  @Test func selfContained() {
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("src=\"http") && !html.contains("url(http"))
    #expect(
      html.contains("<style>") && html.contains("prefers-color-scheme: dark")
        && html.contains("@media print"))
  }

  @Test func titleBlock() {
    #expect(html.contains("<title>Low-rank layers under attack</title>"))
    #expect(html.contains("<h1 class=\"title\">Low-rank layers under attack</h1>"))
    #expect(html.contains("Ada Lovelace, Grace Hopper"))
    #expect(html.contains("2024-05-01"))
  }

  @Test func proseUsesGFM() {
    #expect(html.contains("<del>interpreter</del>"))
    #expect(html.contains("type=\"checkbox\""))
    #expect(html.contains("<a href=\"https://example.org/docs\">"))
    #expect(html.contains("<table>") && html.contains("text-align: right"))
    #expect(html.contains("language-python"))
    #expect(html.contains("report shows prose, math"))
    #expect(html.contains("— all in one file"))
  }

  @Test func tableOfContentsLinksHeadings() {
    #expect(html.contains("<nav class=\"toc\""))
    #expect(html.contains("<h1 id=\"setup\">Setup"))
    #expect(html.contains("<li class=\"toc-1\"><a href=\"#training\">Training</a></li>"))
  }

  @Test func cellsInOrderWithOutputs() throws {
    let setup = try #require(html.range(of: "id=\"cell-setup\""))
    let train = try #require(html.range(of: "id=\"cell-train\""))
    let heading = try #require(html.range(of: "<h2 id=\"training\">"))
    #expect(setup.lowerBound < heading.lowerBound && heading.lowerBound < train.lowerBound)
    #expect(
      html.contains(
        "<pre class=\"stdout\">epoch 1  loss 0.912\nepoch 2  loss 0.433\nepoch 3  loss 0.271</pre>")
    )
    #expect(html.contains("<td class=\"num\">0.912</td>"))
    #expect(!html.contains("#| label"))
  }

  @Test func figuresAreEmbeddedWithAltAndCaption() throws {
    let figure = try #require(run.figures.first)
    let base64 = Data(figure.image.data).base64EncodedString()
    #expect(html.contains("<img src=\"data:image/png;base64,\(base64)\""))
    #expect(
      html.contains(
        "alt=\"Line chart of the training loss falling over three epochs.\" width=\"480\" height=\"240\""
      ))
    #expect(
      html.contains("<figcaption>Training loss per epoch for the low-rank model.</figcaption>"))
    #expect(figure.fileName == "fig-train-1.png")
  }

  @Test func errorsShowLineColumnCaretAndStack() {
    #expect(
      html.contains(
        "<span class=\"error-message\">undefined variable &#39;epsilon&#39;</span> <span class=\"loc\">sample.lrnb:77:1</span>"
      ))
    #expect(html.contains("  77 | fail undefined variable &#39;epsilon&#39;\n     | ^~~"))
    #expect(
      html.contains(
        "<li>in <code>helper</code> at <span class=\"loc\">sample.lrnb:77:1</span></li>"))
  }

  @Test func bannerLinksToTheFailedCell() throws {
    let start = try #require(html.range(of: "<div class=\"banner\" role=\"alert\">"))
    let end = try #require(html[start.upperBound...].range(of: "</div>"))
    let banner = html[start.lowerBound..<end.upperBound]
    #expect(banner.contains("<strong>A cell failed.</strong> 1 later cell was not run."))
    #expect(banner.contains("<a href=\"#cell-broken\">broken</a>"))
    // The allowed error is shown in its cell but not in the banner.
    #expect(!banner.contains("expected-error"))
    #expect(html.contains("badge-error\">error shown"))
  }

  @Test func statusesAndFolding() {
    #expect(html.contains("<section class=\"cell not-run\" id=\"cell-summary\">"))
    #expect(html.contains("<details class=\"code-fold\">\n<summary>Code</summary>"))
    #expect(html.contains("<span class=\"badge\">not run</span>"))
  }

  @Test func footer() {
    #expect(html.contains("lrnb 0.1.0-test"))
    #expect(html.contains("<code>epochs = 3</code>, <code>tau = 0.1</code>"))
    #expect(html.contains("<dt>Seed</dt><dd>7</dd>"))
    #expect(html.contains("<dt>Total time</dt>"))
  }

  @Test func echoAndOutputOptions() throws {
    let (run, _) = try Fixtures.run(
      "```lr\n#| echo: false\nprint shown\n```\n\n```lr\n#| output: false\nprint hidden\n```\n")
    let html = HTMLReport(run: run).render()
    #expect(!html.contains("print shown") && html.contains(">shown\n</pre>") == false)
    #expect(html.contains("<pre class=\"stdout\">shown</pre>"))
    #expect(html.contains("print hidden") && !html.contains("<pre class=\"stdout\">hidden"))
  }

  @Test func noTitleNoTOCForFewHeadings() throws {
    let (run, _) = try Fixtures.run("# Only\n\n```lr\nprint a\n```\n")
    let html = HTMLReport(run: run).render()
    #expect(html.contains("<title>nb.lrnb</title>"))
    #expect(!html.contains("<header") && !html.contains("<nav class=\"toc\""))
    let forced = try Fixtures.run("---\ntoc: true\n---\n# Only\n").0
    #expect(HTMLReport(run: forced).render().contains("<nav class=\"toc\""))
  }

  @Test func highlighterSpans() throws {
    var options = ReportOptions()
    options.highlighter = { code in
      // "print" as a keyword; a bad span (past the end) and one inside "é" are ignored.
      [
        CodeHighlight(start: 0, end: 5, kind: "keyword"),
        CodeHighlight(start: 7, end: 8, kind: "string"),
        CodeHighlight(start: 6, end: 999, kind: "number"),
      ]
    }
    let (run, _) = try Fixtures.run("```lr\nprint é<\n```\n")
    let html = HTMLReport(run: run, options: options).render()
    #expect(
      html.contains(
        "<code class=\"language-lr\"><span class=\"tok-keyword\">print</span> é&lt;</code>"))
  }

  @Test func outputTextIsCleanedAndElided() {
    #expect(HTML.plainTerminalText("\u{1B}[1;32mok\u{1B}[0m\n10%\r50%\r100%\n") == "ok\n100%\n")
    let long = (1...5000).map(String.init).joined(separator: "\n")
    let elided = HTMLReport.elided(long)
    #expect(elided.contains("… 3000 lines not shown …"))
    #expect(elided.hasPrefix("1\n2\n") && elided.hasSuffix("4999\n5000"))
  }

  @Test func dateToday() throws {
    let (run, _) = try Fixtures.run("---\ndate: today\n---\n")
    #expect(HTMLReport(run: run).render().contains(isoDay(run.startedAt)))
  }
}
