// Splitting a notebook's Markdown into prose and lr cells with cmark-gfm's block parser.
import Lang

/// Finds the top-level ```` ```lr ```` fences (the cells) and the prose between them.
struct BlockSplitter {
  let file: String
  /// The notebook's lines, for prose text and fence checks.
  let lines: [Substring]
  /// The first line after the front matter.
  let firstProseLine: Int
  let defaults: CellOptions

  /// Only these fence languages execute; `{lr}` is the Quarto/R Markdown spelling.
  static func isLrFence(_ info: String) -> Bool {
    let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
    return language == "lr" || language == "{lr}" || language.hasPrefix("{lr ")
      || language.hasPrefix("{lr,")
  }

  func split(_ markdown: String, diagnostics: inout [Diagnostic]) -> [Block] {
    guard let document = MarkdownDocument(markdown) else {
      diagnostics.append(
        .syntax("cannot parse the notebook's Markdown", at: NotebookReader.lineRange(file, 1)))
      return []
    }
    var blocks: [Block] = []
    var nextProseLine = firstProseLine
    var labels: [String: Int] = [:]
    for node in document.topLevelBlocks where node.type == "code_block" {
      guard let fence = node.fence else { continue }
      if !isClosed(node, fence) {
        let what = Self.isLrFence(node.fenceInfo) ? "lr cell" : "code block"
        diagnostics.append(
          .syntax(
            "\(what) opened here is never closed with \(String(repeating: fence.character, count: fence.length)); "
              + "everything after it would be code",
            at: NotebookReader.lineRange(file, node.startLine)))
        continue
      }
      guard Self.isLrFence(node.fenceInfo) else { continue }
      appendProse(from: nextProseLine, to: node.startLine - 1, into: &blocks)
      nextProseLine = node.endLine + 1
      let number = blocks.count { if case .cell = $0 { true } else { false } } + 1
      let cell = makeCell(node, number: number, diagnostics: &diagnostics)
      if let label = cell.options.label {
        if let first = labels[label] {
          diagnostics.append(
            .syntax(
              "duplicate cell label '\(label)' (first used by the cell at line \(first))",
              at: NotebookReader.lineRange(file, cell.fenceLine)))
        }
        labels[label] = labels[label] ?? cell.fenceLine
      }
      blocks.append(.cell(cell))
    }
    appendProse(from: nextProseLine, to: lines.count, into: &blocks)
    warnAboutNestedCells(document, diagnostics: &diagnostics)
    return blocks
  }

  private func makeCell(_ node: MarkdownNode, number: Int, diagnostics: inout [Diagnostic]) -> Cell
  {
    let source = Source(name: file, text: node.literal, firstLine: node.startLine + 1)
    let optionLines = CellOptionParser.optionLineCount(node.literal)
    let options = CellOptionParser.parse(
      source, lineCount: optionLines, defaults: defaults, diagnostics: &diagnostics)
    return Cell(
      number: number, source: source, fenceLine: node.startLine, options: options,
      optionLineCount: optionLines)
  }

  /// cmark runs an unclosed fence to the end of the document; a closed one ends on a
  /// line of at least as many fence characters.
  private func isClosed(_ node: MarkdownNode, _ fence: (character: Character, length: Int)) -> Bool
  {
    guard node.endLine > node.startLine, lines.indices.contains(node.endLine - 1) else {
      return false
    }
    let text = trimmedEnd(lines[node.endLine - 1]).drop { $0 == " " }
    return text.count >= fence.length && text.allSatisfy { $0 == fence.character }
  }

  private func appendProse(from first: Int, to last: Int, into blocks: inout [Block]) {
    guard first <= last, first >= 1, last <= lines.count else { return }
    let text = lines[(first - 1)..<last].joined(separator: "\n")
    guard !text.allSatisfy(\.isWhitespace) else { return }
    blocks.append(.prose(Prose(text: text, firstLine: first)))
  }

  /// An lr fence inside a list or quote is shown as code: say so, since it looks like a cell.
  private func warnAboutNestedCells(_ document: MarkdownDocument, diagnostics: inout [Diagnostic]) {
    for node in document.allNodes where node.type == "code_block" && !node.isTopLevel {
      guard node.fence != nil, Self.isLrFence(node.fenceInfo) else { continue }
      var warning = Diagnostic.syntax(
        "this lr fence is inside a list or quote, so it is shown as code and not run",
        at: NotebookReader.lineRange(file, node.startLine))
      warning.severity = .warning
      diagnostics.append(warning)
    }
  }
}
