// One cell in the report: a header line, the code (highlighted, maybe folded), outputs.
import Lang

extension HTMLReport {
  func cell(_ result: CellResult, id: String) -> String {
    let cell = result.cell
    let statusClass = result.status.rawValue.replacingOccurrences(of: " ", with: "-")
    var html = "<section class=\"cell \(statusClass)\" id=\"\(HTML.escape(id))\">\n"
    html += header(result, id: id)
    let code = cell.displayCode
    if cell.options.echo && !code.isEmpty {
      let pre =
        "<pre class=\"code\"><code class=\"language-lr\">\(highlighted(code))</code></pre>\n"
      switch cell.options.codeFold ?? run.notebook.frontMatter.cellDefaults.codeFold ?? .none {
      case .none: html += pre
      case .folded:
        html += "<details class=\"code-fold\">\n<summary>Code</summary>\n\(pre)</details>\n"
      case .open:
        html += "<details class=\"code-fold\" open>\n<summary>Code</summary>\n\(pre)</details>\n"
      }
    }
    let outputs = outputsHTML(result)
    if !outputs.isEmpty { html += "<div class=\"cell-output\">\n\(outputs)</div>\n" }
    return html + "</section>\n"
  }

  /// `[3] train · nb.lrnb:45` on the left; status, cache and time on the right.
  private func header(_ result: CellResult, id: String) -> String {
    let cell = result.cell
    var left = "<a class=\"cell-link\" href=\"#\(HTML.escape(id))\">[\(cell.number)]"
    if let label = cell.options.label { left += " \(HTML.escape(label))" }
    left += "</a> <span class=\"loc\">\(HTML.escape(run.notebook.name)):\(cell.fenceLine)</span>"
    var right: [String] = []
    switch result.status {
    case .succeeded: break
    case .failed:
      right.append(
        result.stopsRun
          ? "<span class=\"badge badge-failed\">failed</span>"
          : "<span class=\"badge badge-error\">error shown</span>")
    case .skipped: right.append("<span class=\"badge\">not evaluated</span>")
    case .notRun: right.append("<span class=\"badge\">not run</span>")
    }
    if let cache = result.cache {
      let note = "\(cache.details) — key \(cache.key.prefix(12))"
      let kind = cache.restored ? "cache-hit" : "cache-miss"
      right.append(
        "<span class=\"cache \(kind)\" title=\"\(HTML.escape(note))\">\(HTML.escape(cache.summary))</span>"
      )
    }
    if let duration = result.duration {
      right.append("<span class=\"time\">\(HTML.escape(formatDuration(duration)))</span>")
    }
    return
      "<div class=\"cell-header\"><span>\(left)</span><span>\(right.joined(separator: " "))</span></div>\n"
  }

  /// The code escaped, with `<span class="tok-KIND">` around highlighted stretches.
  /// Spans that overlap, run past the end or split a character are ignored.
  func highlighted(_ code: String) -> String {
    guard let highlighter = options.highlighter else { return HTML.escape(code) }
    let bytes = Array(code.utf8)
    func boundary(_ offset: Int) -> Bool {
      offset == bytes.count || (offset >= 0 && offset < bytes.count && bytes[offset] & 0xC0 != 0x80)
    }
    func text(_ range: Range<Int>) -> String {
      HTML.escape(String(decoding: bytes[range], as: UTF8.self))
    }
    var html = ""
    var position = 0
    for span in highlighter(code).sorted(by: { $0.start < $1.start }) {
      guard span.start >= position, span.end > span.start, span.end <= bytes.count,
        boundary(span.start), boundary(span.end)
      else { continue }
      html += text(position..<span.start)
      let kind =
        span.kind.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
        ? span.kind : "other"
      html += "<span class=\"tok-\(kind)\">\(text(span.start..<span.end))</span>"
      position = span.end
    }
    return html + text(position..<bytes.count)
  }
}
