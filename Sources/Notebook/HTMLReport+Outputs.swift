// A cell's outputs in the report: printed text, displays, figures and errors.
import Foundation
import Lang

extension HTMLReport {
  /// Most lines of printed text shown per output block; the rest is elided in the middle
  /// (the JSON export keeps everything). Training logs can print millions of lines.
  static let maxOutputLines = 2000

  func outputsHTML(_ result: CellResult) -> String {
    var html = ""
    if result.cell.options.output {
      let figures = Dictionary(
        ReportFigure.figures(in: result).map { ($0.outputIndex, $0) },
        uniquingKeysWith: { a, _ in a })
      var printed = ""
      func flush() {
        if !printed.isEmpty {
          html += "<pre class=\"stdout\">\(HTML.escape(Self.elided(printed)))</pre>\n"
        }
        printed = ""
      }
      for (index, item) in result.outputs.enumerated() {
        switch item {
        case .stdout(let text):
          printed += HTML.plainTerminalText(text)
        case .display(let display):
          flush()
          html += self.display(display, figure: figures[index])
        }
      }
      flush()
    }
    if let failure = result.failure { html += errorHTML(failure) }
    return html
  }

  private func display(_ display: Display, figure: ReportFigure?) -> String {
    switch display {
    case .text(let text):
      return
        "<pre class=\"display\">\(HTML.escape(Self.elided(HTML.plainTerminalText(text))))</pre>\n"
    case .table(let table):
      return tableHTML(table)
    case .image(let image):
      guard let figure else {
        return
          "<p class=\"unsupported\">[an image of type \(HTML.escape(image.mimeType)) that a report cannot show]</p>\n"
      }
      let source =
        options.embedFigures
        ? "data:\(HTML.escape(image.mimeType.lowercased()));base64,\(Data(image.data).base64EncodedString())"
        : HTML.escape(options.filesDirectory + "/" + figure.fileName)
      var size = ""
      if image.width > 0 && image.height > 0 {
        size = " width=\"\(image.width)\" height=\"\(image.height)\""
      }
      var html = "<figure class=\"figure\" id=\"\(HTML.escape(figure.id))\">\n"
      html += "<img src=\"\(source)\" alt=\"\(HTML.escape(figure.alt))\"\(size)>\n"
      if let caption = figure.caption {
        html += "<figcaption>\(HTML.escape(caption))</figcaption>\n"
      }
      return html + "</figure>\n"
    }
  }

  private func tableHTML(_ table: Display.Table) -> String {
    let width = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
    let numeric = (0..<width).map { column in
      let values = table.rows.compactMap { $0.indices.contains(column) ? $0[column] : nil }.filter {
        !$0.isEmpty
      }
      return !values.isEmpty && values.allSatisfy(Self.looksNumeric)
    }
    func cellTag(_ tag: String, _ column: Int, _ text: String) -> String {
      let align = numeric.indices.contains(column) && numeric[column] ? " class=\"num\"" : ""
      return "<\(tag)\(align)>\(HTML.escape(text))</\(tag)>"
    }
    var html = "<div class=\"table-wrap\">\n<table class=\"display-table\">\n"
    if let caption = table.caption { html += "<caption>\(HTML.escape(caption))</caption>\n" }
    if !table.columns.isEmpty {
      html += "<thead><tr>"
      for column in 0..<width {
        html += cellTag(
          "th", column, table.columns.indices.contains(column) ? table.columns[column] : "")
      }
      html += "</tr></thead>\n"
    }
    html += "<tbody>\n"
    for row in table.rows {
      html += "<tr>"
      for column in 0..<width {
        html += cellTag("td", column, row.indices.contains(column) ? row[column] : "")
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n</div>\n"
  }

  /// Every diagnostic of a failure: message, location, the quoted line with a caret,
  /// notes and the *lr* call stack.
  func errorHTML(_ failure: RunFailure) -> String {
    let renderer = DiagnosticRenderer(sources: [run.notebook.source])
    var html = "<div class=\"error\">\n"
    for diagnostic in failure.diagnostics {
      html +=
        "<p class=\"error-head\"><span class=\"severity\">\(HTML.escape(diagnostic.severity.rawValue))</span> "
      html += "<span class=\"error-message\">\(HTML.escape(diagnostic.message))</span> "
      html += "<span class=\"loc\">\(HTML.escape(diagnostic.range.description))</span></p>\n"
      let excerpt = renderer.excerpt(diagnostic.range)
      if !excerpt.isEmpty { html += "<pre class=\"excerpt\">\(HTML.escape(excerpt))</pre>\n" }
      for note in diagnostic.notes {
        html +=
          "<p class=\"error-note\">note: \(HTML.escape(note.message)) <span class=\"loc\">\(HTML.escape(note.range.description))</span></p>\n"
        let noteExcerpt = renderer.excerpt(note.range)
        if !noteExcerpt.isEmpty {
          html += "<pre class=\"excerpt\">\(HTML.escape(noteExcerpt))</pre>\n"
        }
      }
      if !diagnostic.stack.isEmpty {
        html += "<ol class=\"stack\">\n"
        for frame in diagnostic.stack {
          html +=
            "<li>in <code>\(HTML.escape(frame.function))</code> at <span class=\"loc\">\(HTML.escape(frame.range.description))</span></li>\n"
        }
        html += "</ol>\n"
      }
    }
    return html + "</div>\n"
  }

  /// `text` with its middle lines replaced by a note when it has too many.
  static func elided(_ text: String) -> String {
    var body = Substring(text)
    if body.hasSuffix("\n") { body = body.dropLast() }
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count > maxOutputLines else { return String(body) }
    let keep = maxOutputLines / 2
    let omitted = lines.count - 2 * keep
    return (lines.prefix(keep) + ["… \(omitted) lines not shown …"] + lines.suffix(keep)).joined(
      separator: "\n")
  }

  static func looksNumeric(_ text: String) -> Bool {
    let trimmed = text.trimmingSpaces
    var body = Substring(trimmed)
    if body.hasSuffix("%") { body = body.dropLast() }
    return YAML.isDecimal(String(body.filter { $0 != "," && $0 != "_" }))
      || ["nan", "inf", "-inf", "NaN"].contains(trimmed)
  }
}
