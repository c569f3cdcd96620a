// The HTML report: one self-contained page with inline CSS, no JavaScript, no network.
import Foundation
import Lang

/// A highlighted stretch of a cell's displayed code, as UTF-8 byte offsets, and its token
/// kind (`keyword`, `number`, `string`, `comment`, `function`, `operator`, `constant`, …).
public struct CodeHighlight: Sendable, Hashable {
  /// First UTF-8 offset of the span.
  public var start: Int
  /// UTF-8 offset just past the span.
  public var end: Int
  /// The token kind; becomes the CSS class `tok-KIND`.
  public var kind: String

  /// Creates a span covering UTF-8 offsets `start..<end`.
  public init(start: Int, end: Int, kind: String) {
    self.start = start
    self.end = end
    self.kind = kind
  }
}

/// Choices about how the report looks.
public struct ReportOptions {
  /// Colours code by token (the CLI passes the *lr* lexer's highlighter); plain when nil.
  public var highlighter: ((String) -> [CodeHighlight])?
  /// Embed figures as `data:` URIs (true: the page stands alone). When false, `<img>`
  /// points into `filesDirectory`.
  public var embedFigures = true
  /// The figures folder name relative to the page, e.g. `tour_files`.
  public var filesDirectory = "figures"

  /// Defaults: no highlighting, embedded figures.
  public init() {}
}

/// Renders a `NotebookRun` as a report page.
///
///     let html = HTMLReport(run: run).render()
public struct HTMLReport {
  /// The run to show.
  public var run: NotebookRun
  /// How to show it.
  public var options: ReportOptions

  /// Creates a report of `run`.
  public init(run: NotebookRun, options: ReportOptions = ReportOptions()) {
    self.run = run
    self.options = options
  }

  /// The whole page.
  public func render() -> String {
    var ids = IDAllocator()
    let cellIDs = run.cells.map { ids.claim("cell-\($0.cell.slug)") }
    let prose = ProseRenderer.render(run.notebook, ids: &ids)
    let matter = run.notebook.frontMatter
    let pageTitle = matter.title ?? run.notebook.name

    var body = titleBlock()
    body += banner(cellIDs: cellIDs)
    body += tableOfContents(prose.headings)
    body += "<main>\n"
    for (index, result) in run.cells.enumerated() {
      body += prose.segments.indices.contains(index) ? prose.segments[index] : ""
      body += cell(result, id: cellIDs[index])
    }
    body += prose.segments.dropFirst(run.cells.count).joined()
    body += "</main>\n"
    body += footer()

    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark">
      <meta name="generator" content="lrnb \(HTML.escape(run.toolVersion))">
      <title>\(HTML.escape(pageTitle))</title>
      <style>
      \(ReportStyle.css)
      </style>
      </head>
      <body>
      <div class="page">
      \(body)</div>
      </body>
      </html>

      """
  }

  /// The date to show: as written, with `today` meaning the day of the run.
  var displayDate: String? {
    guard let date = run.notebook.frontMatter.date else { return nil }
    return date.lowercased() == "today" ? isoDay(run.startedAt) : date
  }

  private func titleBlock() -> String {
    let matter = run.notebook.frontMatter
    var html = "<header class=\"title-block\">\n"
    if let title = matter.title { html += "<h1 class=\"title\">\(HTML.escape(title))</h1>\n" }
    if let subtitle = matter.subtitle {
      html += "<p class=\"subtitle\">\(HTML.escape(subtitle))</p>\n"
    }
    var meta: [(String, String)] = []
    if !matter.authors.isEmpty {
      meta.append(
        (
          matter.authors.count == 1 ? "Author" : "Authors",
          matter.authors.map(HTML.escape).joined(separator: ", ")
        ))
    }
    if let date = displayDate { meta.append(("Date", HTML.escape(date))) }
    if !meta.isEmpty {
      html += "<div class=\"meta\">\n"
      for (label, value) in meta {
        html +=
          "<div><div class=\"meta-label\">\(label)</div><div class=\"meta-value\">\(value)</div></div>\n"
      }
      html += "</div>\n"
    }
    if matter.title == nil && meta.isEmpty { return "" }
    return html + "</header>\n"
  }

  private func tableOfContents(_ headings: [Heading]) -> String {
    let matter = run.notebook.frontMatter
    let listed = headings.filter { $0.level <= matter.tocDepth }
    guard matter.toc ?? (listed.count >= 2), !listed.isEmpty else { return "" }
    let base = listed.map(\.level).min() ?? 1
    var html =
      "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">Contents</h2>\n<ul>\n"
    for heading in listed {
      let depth = min(heading.level - base, 3)
      html +=
        "<li class=\"toc-\(depth)\"><a href=\"#\(HTML.escape(heading.id))\">\(HTML.escape(heading.text))</a></li>\n"
    }
    return html + "</ul>\n</nav>\n"
  }
}

/// `yyyy-MM-dd` in the local time zone, independent of locale.
func isoDay(_ date: Date) -> String {
  let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
  func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
  return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
}
