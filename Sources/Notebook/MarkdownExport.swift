// `--to md`: the notebook as Markdown with its outputs inlined and figures as files.
import Foundation
import Lang

extension NotebookRun {
  /// The run as GitHub-flavoured Markdown: the front matter and prose as written, code
  /// in ```` ```lr ```` fences, printed text in plain fences, tables as GFM tables,
  /// figures as `![alt](filesDirectory/fig-….png)` with their caption below.
  public func markdown(filesDirectory: String) -> String {
    var out = ""
    let lines = notebook.source.text.split(separator: "\n", omittingEmptySubsequences: false)
    if let range = notebook.frontMatter.lines, range.upperBound <= lines.count {
      out += lines[(range.lowerBound - 1)..<range.upperBound].joined(separator: "\n") + "\n\n"
    }
    var results = cells.makeIterator()
    for block in notebook.blocks {
      switch block {
      case .prose(let prose):
        out += prose.text.trimmingNewlines() + "\n\n"
      case .cell:
        guard let result = results.next() else { continue }
        out += cellMarkdown(result, filesDirectory: filesDirectory)
      }
    }
    return out.trimmingNewlines() + "\n"
  }

  private func cellMarkdown(_ result: CellResult, filesDirectory: String) -> String {
    var out = ""
    let code = result.cell.displayCode
    if result.cell.options.echo && !code.isEmpty { out += fenced(code, info: "lr") }
    switch result.status {
    case .notRun: out += "*(not run: an earlier cell failed)*\n\n"
    case .skipped: out += "*(not evaluated)*\n\n"
    case .succeeded, .failed: break
    }
    if result.cell.options.output {
      let figures = Dictionary(
        ReportFigure.figures(in: result).map { ($0.outputIndex, $0) },
        uniquingKeysWith: { a, _ in a })
      var printed = ""
      for (index, item) in result.outputs.enumerated() {
        if case .stdout(let text) = item {
          printed += HTML.plainTerminalText(text)
          continue
        }
        if !printed.isEmpty { out += fenced(printed, info: "") }
        printed = ""
        switch item {
        case .display(.text(let text)): out += fenced(HTML.plainTerminalText(text), info: "")
        case .display(.table(let table)): out += gfmTable(table)
        case .display(.image(let image)):
          if let figure = figures[index] {
            out += "![\(escapeMarkdown(figure.alt))](\(filesDirectory)/\(figure.fileName))\n\n"
            if let caption = figure.caption { out += "*\(escapeMarkdown(caption))*\n\n" }
          } else {
            out += "*(an image of type \(escapeMarkdown(image.mimeType)) not exported)*\n\n"
          }
        case .stdout: break
        }
      }
      if !printed.isEmpty { out += fenced(printed, info: "") }
    }
    if let failure = result.failure {
      out += fenced(
        DiagnosticRenderer(sources: [notebook.source]).render(failure.diagnostics), info: "")
    }
    return out
  }

  /// A fence longer than any backtick run inside `text`, so content cannot close it.
  private func fenced(_ text: String, info: String) -> String {
    var longest = 0
    var run = 0
    for ch in text {
      run = ch == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return "\(fence)\(info)\n\(text.trimmingNewlines())\n\(fence)\n\n"
  }

  private func gfmTable(_ table: Display.Table) -> String {
    let width = max(table.columns.count, table.rows.map(\.count).max() ?? 0, 1)
    func row(_ cells: [String]) -> String {
      let padded = (0..<width).map { cells.indices.contains($0) ? cells[$0] : "" }
      return "| " + padded.map(escapeCell).joined(separator: " | ") + " |\n"
    }
    var out = table.caption.map { "*\(escapeMarkdown($0))*\n\n" } ?? ""
    out += row(table.columns)
    out += "|" + String(repeating: " --- |", count: width) + "\n"
    for cells in table.rows { out += row(cells) }
    return out + "\n"
  }

  private func escapeCell(_ text: String) -> String {
    escapeMarkdown(text).replacingOccurrences(of: "\n", with: " ")
  }
}

/// Backslash-escapes the ASCII punctuation that could start Markdown syntax or markup.
func escapeMarkdown(_ text: String) -> String {
  var out = ""
  for ch in text {
    if "\\`*_[]<>#|~!&".contains(ch) { out.append("\\") }
    out.append(ch)
  }
  return out
}

extension String {
  /// The string without leading and trailing newlines.
  fileprivate func trimmingNewlines() -> String {
    String(drop { $0 == "\n" }.reversed().drop { $0 == "\n" }.reversed())
  }
}
