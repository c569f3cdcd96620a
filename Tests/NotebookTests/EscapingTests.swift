// No markup injection: every user-controlled string reaches the report escaped.
import Foundation
import Lang
import Testing

@testable import Notebook

/// Emits every kind of output, each carrying markup.
final class HostileKernel: Kernel {
  static let evil = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;"

  func seed(_ value: UInt64) {}
  func setParameter(_ name: String, _ value: ParameterValue, declaredAt line: Int?) throws {}
  func check(_ source: Source) -> [Diagnostic] { [] }

  func run(_ request: CellRequest, sink: any OutputSink) throws(RunFailure) -> Display? {
    let evil = Self.evil
    sink.emit(.stdout(evil + "\n"))
    sink.emit(.display(.text(evil)))
    sink.emit(
      .display(.table(Display.Table(columns: [evil], rows: [[evil, evil]], caption: evil))))
    sink.emit(.display(.image(Display.Image(data: [1, 2, 3], width: 1, height: 1, alt: evil))))
    sink.emit(
      .display(
        .image(
          Display.Image(
            data: [1], mimeType: "image/png\" onerror=\"alert(3)", width: 1, height: 1, alt: evil)))
    )
    let range = SourceRange(
      file: request.source.name, start: .init(line: request.source.firstLine, column: 1),
      end: .init(line: request.source.firstLine, column: 2))
    var diagnostic = Diagnostic.runtime(evil, at: range)
    diagnostic.notes = [.runtime(evil, at: range)]
    diagnostic.stack = [StackFrame(function: evil, range: range)]
    throw RunFailure([diagnostic])
  }
}

@Suite struct EscapingTests {
  static let notebook = """
    ---
    title: "<script>alert('title')</script>"
    subtitle: "<b>sub</b>"
    author: ["<i>ada</i>", "&lt;"]
    date: "<u>today</u>"
    params:
      p: "</code><script>x</script>"
    ---

    # Heading <script>alert('h')</script>

    <script>alert('raw')</script>
    <div onclick="x">raw block</div>

    Inline <img src=x onerror=alert(1)> and [link](javascript:alert(1)) and ![i](javascript:alert(2)).

    ```lr
    #| fig-cap: "<script>cap</script>"
    #| fig-alt: "\\" onload=\\"x"
    #| colour: "<script>warn</script>"
    x <script>code</script>
    ```
    """

  func render() throws -> (String, NotebookRun) {
    let notebook = try NotebookReader.read(Self.notebook, name: "<evil>.lrnb")
    let run = NotebookRunner(kernel: HostileKernel()).run(notebook)
    return (HTMLReport(run: run).render(), run)
  }

  @Test func noMarkupGetsThrough() throws {
    let (html, _) = try render()
    if let dump = ProcessInfo.processInfo.environment["LRNB_DUMP_EVIL"] {
      try? html.write(toFile: dump, atomically: true, encoding: .utf8)
    }
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("<img src=x") && !html.contains("onload=\""))
    #expect(!html.contains("onclick"))
    #expect(!html.contains("javascript:"))
    #expect(
      !html.contains("<b>sub</b>") && !html.contains("<i>ada</i>") && !html.contains("<u>today</u>")
    )
    // The figure, and cmark's image with its javascript: URL blanked.
    let sources = html.components(separatedBy: "<img src=\"").dropFirst().map { $0.prefix(5) }
    #expect(sources == ["\" alt", "data:"])
  }

  @Test func everyUserStringIsShownEscaped() throws {
    let (html, _) = try render()
    let escaped = HTML.escape(HostileKernel.evil)
    #expect(html.contains("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</title>"))
    #expect(html.contains("&lt;i&gt;ada&lt;/i&gt;, &amp;lt;"))
    #expect(html.contains("<pre class=\"stdout\">\(escaped)</pre>"))
    #expect(html.contains("<pre class=\"display\">\(escaped)</pre>"))
    #expect(html.contains("<caption>\(escaped)</caption>") && html.contains("<th>\(escaped)</th>"))
    #expect(html.contains("alt=\"&quot; onload=&quot;x\""))
    #expect(html.contains("<figcaption>&lt;script&gt;cap&lt;/script&gt;</figcaption>"))
    #expect(html.contains("image/png&quot; onerror=&quot;alert(3)"))
    #expect(html.contains("<span class=\"error-message\">\(escaped)</span>"))
    #expect(html.contains("<li>in <code>\(escaped)</code>"))
    #expect(html.contains("x &lt;script&gt;code&lt;/script&gt;"))
    #expect(html.contains("&lt;evil&gt;.lrnb"))
    #expect(html.contains("&lt;/code&gt;&lt;script&gt;x&lt;/script&gt;"))
    #expect(html.contains("unknown cell option &#39;colour&#39;"))
    #expect(html.contains("<h1 id=\"heading-alerth\">Heading <!-- raw HTML omitted -->alert(‘h’)"))
  }

  @Test func cacheNotesAreEscaped() throws {
    var (run, _) = try Fixtures.run("```lr\n#| cache: true\nprint a\n```\n")
    let evil = HostileKernel.evil
    run.cells[0].cache = CacheStatus(key: evil, miss: nil, stored: false, note: evil)
    let html = HTMLReport(run: run).render()
    #expect(!html.contains("<script"))
    #expect(html.contains(">cache miss: \(HTML.escape(evil))</span>"))
    #expect(run.json(filesDirectory: "f").contains(#""note": "<script>alert(1)</script>\"'>"#))
  }

  @Test func markdownAndJSONExportsQuote() throws {
    let (_, run) = try render()
    let markdown = run.markdown(filesDirectory: "evil_files")
    #expect(markdown.contains("![\" onload=\"x](evil_files/fig-1-1.png)"))
    #expect(
      markdown.contains(
        "| \\<script\\>alert(1)\\</script\\>\"'\\>\\<img src=x onerror=alert(2)\\>\\&amp; |"))
    #expect(markdown.contains("```\n<script>alert(1)</script>"))
    let json = run.json(filesDirectory: "evil_files")
    #expect(
      json.contains(#""text": "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;\n""#))
  }
}
