// The reference in Markdown (docs/reference.md): one section per group, one entry per
// function with its signature, its doc and its examples as lr code blocks.

extension DocEntry {
  /// The reference page for `entries`, in their order.
  public static func markdown(_ entries: [DocEntry], title: String, preface: String) -> String {
    var groups: [(name: String, entries: [DocEntry])] = []
    for entry in entries {
      if groups.last?.name == entry.group {
        groups[groups.count - 1].entries.append(entry)
      } else {
        groups.append((entry.group, [entry]))
      }
    }
    var out = "# \(title)\n\n\(preface)\n\n"
    for group in groups {
      let links = group.entries.map { "[`\($0.name)`](#\(anchor($0.name)))" }
      out += "- **\(group.name)**: \(links.joined(separator: ", "))\n"
    }
    for group in groups {
      out += "\n## \(group.name)\n"
      for entry in group.entries { out += "\n" + entry.markdown }
    }
    return out
  }

  /// One entry: a heading with an anchor, the signature, prose and examples.
  public var markdown: String {
    var out = "### `\(name)`\n\n```\n\(signature)\n```\n\n"
    for paragraph in paragraphs {
      out += paragraph.isCode ? "```lr\n\(paragraph.text)\n```\n\n" : paragraph.text + "\n\n"
    }
    return out
  }

  /// The anchor GitHub-flavoured Markdown gives the heading `` `name` ``.
  static func anchor(_ name: String) -> String {
    String(name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
  }
}
