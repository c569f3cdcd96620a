// A thin owner of a cmark-gfm parse: GFM extensions, node walking, safe HTML rendering.
import CMark
import Foundation

/// One parsed CommonMark + GFM document. Nodes are valid while the document lives.
final class MarkdownDocument {
  private let parser: OpaquePointer
  let root: OpaquePointer

  /// Rendering never passes raw HTML through and drops `javascript:`-style links: notebook
  /// prose is user input, and the report must not carry markup injected from it.
  /// Table column alignment goes out as `style` so the stylesheet cannot override it.
  static let renderOptions = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
  /// Smart punctuation (curly quotes, dashes) is applied while parsing inlines.
  static let parseOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART
  static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

  /// Parses `text` (never fails: every input is some Markdown document).
  init?(_ text: String) {
    cmark_gfm_core_extensions_ensure_registered()
    guard let parser = cmark_parser_new(Self.parseOptions) else { return nil }
    for name in Self.extensionNames {
      if let ext = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, ext)
      }
    }
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        cmark_parser_feed(parser, $0, buffer.count)
      }
    }
    guard let root = cmark_parser_finish(parser) else {
      cmark_parser_free(parser)
      return nil
    }
    self.parser = parser
    self.root = root
  }

  deinit {
    cmark_node_free(root)
    cmark_parser_free(parser)
  }

  /// The document's top-level blocks in order.
  var topLevelBlocks: [MarkdownNode] {
    var nodes: [MarkdownNode] = []
    var child = cmark_node_first_child(root)
    while let node = child {
      nodes.append(MarkdownNode(pointer: node))
      child = cmark_node_next(node)
    }
    return nodes
  }

  /// Every node, in document order (entering events only). Iterative: cmark's iterator
  /// keeps its own stack, so deeply nested quotes cannot overflow ours.
  var allNodes: [MarkdownNode] {
    var nodes: [MarkdownNode] = []
    guard let iter = cmark_iter_new(root) else { return nodes }
    defer { cmark_iter_free(iter) }
    while cmark_iter_next(iter) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER,
        let node = cmark_iter_get_node(iter)
      else { continue }
      nodes.append(MarkdownNode(pointer: node))
    }
    return nodes
  }

  /// HTML for `node` and its children (the whole document when nil).
  func html(_ node: MarkdownNode? = nil) -> String {
    let extensions = cmark_parser_get_syntax_extensions(parser)
    guard let cString = cmark_render_html(node?.pointer ?? root, Self.renderOptions, extensions)
    else { return "" }
    defer { free(cString) }
    return String(cString: cString)
  }
}

/// A borrowed view of one cmark node.
struct MarkdownNode {
  let pointer: OpaquePointer

  /// cmark's type name: `paragraph`, `heading`, `code_block`, `table`, `text`, …
  var type: String { cmark_node_get_type_string(pointer).map { String(cString: $0) } ?? "" }
  var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
  var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
  var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
  var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
  var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

  /// The fence's character and length, or nil for an indented code block.
  var fence: (character: Character, length: Int)? {
    var length: Int32 = 0
    var offset: Int32 = 0
    var character: CChar = 0
    guard cmark_node_get_fenced(pointer, &length, &offset, &character) != 0, character != 0 else {
      return nil
    }
    return (Character(Unicode.Scalar(UInt8(bitPattern: character))), Int(length))
  }

  /// True when the parent is the document itself.
  var isTopLevel: Bool {
    guard let parent = cmark_node_parent(pointer) else { return false }
    return cmark_node_get_type_string(parent).map { String(cString: $0) } == "document"
  }

  /// The plain text of an inline container (a heading's words without markup).
  var plainText: String {
    var text = ""
    guard let iter = cmark_iter_new(pointer) else { return text }
    defer { cmark_iter_free(iter) }
    while cmark_iter_next(iter) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER,
        let node = cmark_iter_get_node(iter)
      else { continue }
      let child = MarkdownNode(pointer: node)
      switch child.type {
      case "text", "code": text += child.literal
      case "softbreak", "linebreak": text += " "
      default: break
      }
    }
    return text
  }
}
