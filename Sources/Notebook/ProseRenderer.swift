// Rendering a notebook's prose to HTML in one cmark pass, with heading anchors and a TOC.
import Foundation

/// A heading found in the prose, for the table of contents.
struct Heading: Equatable {
  var level: Int
  var text: String
  var id: String
}

/// The prose as HTML pieces around the cells, and the headings found.
struct RenderedProse {
  /// `segments[i]` is the prose before cell i (0-based); the last one follows the last cell.
  var segments: [String]
  var headings: [Heading]
}

enum ProseRenderer {
  /// Renders all prose as one Markdown document, so link reference definitions anywhere
  /// apply everywhere. Each cell stands in as a paragraph holding a random token, and
  /// the rendered blocks are split at those paragraphs.
  static func render(_ notebook: Notebook, ids: inout IDAllocator) -> RenderedProse {
    let nonce = UUID().uuidString.replacingOccurrences(of: "-", with: "")
    let token = "LRNBCELL" + nonce
    var math = MathExtractor(token: "LRNBMATH" + nonce)
    var markdown = ""
    var cellCount = 0
    for block in notebook.blocks {
      switch block {
      case .prose(let prose): markdown += math.extract(prose.text) + "\n\n"
      case .cell:
        markdown += "\(token)\(cellCount)\n\n"
        cellCount += 1
      }
    }
    var trial = ids
    if let rendered = render(markdown, token: token, math: math, ids: &trial),
      rendered.segments.count == cellCount + 1
    {
      ids = trial
      return rendered
    }
    // A token swallowed by an unclosed raw-HTML block (`<pre>` without `</pre>`): render
    // each stretch of prose on its own instead.
    var result = RenderedProse(segments: [""], headings: [])
    for block in notebook.blocks {
      switch block {
      case .prose(let prose):
        var own = MathExtractor(token: math.token)
        let piece = render(own.extract(prose.text), token: token, math: own, ids: &ids)
        result.segments[result.segments.count - 1] += piece?.segments.joined() ?? ""
        result.headings += piece?.headings ?? []
      case .cell: result.segments.append("")
      }
    }
    return result
  }

  private static func render(
    _ markdown: String, token: String, math: MathExtractor, ids: inout IDAllocator
  ) -> RenderedProse? {
    guard let document = MarkdownDocument(markdown) else { return nil }
    var result = RenderedProse(segments: [""], headings: [])
    for node in document.topLevelBlocks {
      if node.type == "paragraph", node.plainText.hasPrefix(token) {
        result.segments.append("")
        continue
      }
      var html = math.restore(document.html(node))
      if node.type == "heading" {
        let text = math.plain(node.plainText)
        let id = ids.claim(IDAllocator.slug(text))
        let level = node.headingLevel
        result.headings.append(Heading(level: level, text: text, id: id))
        html = anchored(html, level: level, id: id)
      }
      result.segments[result.segments.count - 1] += html
    }
    return result
  }

  /// `<h2>Text</h2>` → `<h2 id="text">Text<a class="anchor" href="#text" …>#</a></h2>`.
  private static func anchored(_ html: String, level: Int, id: String) -> String {
    let open = "<h\(level)>"
    let close = "</h\(level)>"
    guard html.hasPrefix(open), let end = html.range(of: close, options: .backwards) else {
      return html
    }
    let inner = html[html.index(html.startIndex, offsetBy: open.count)..<end.lowerBound]
    let escaped = HTML.escape(id)
    return "<h\(level) id=\"\(escaped)\">\(inner)"
      + "<a class=\"anchor\" href=\"#\(escaped)\" aria-label=\"Link to this section\">#</a>\(close)\n"
  }
}
