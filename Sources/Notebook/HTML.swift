// Escaping and small helpers for writing HTML by hand: every user string goes through here.

enum HTML {
  /// Escapes text for element content and attribute values alike.
  static func escape(_ text: some StringProtocol) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // C0 controls other than tab/newline are not allowed in HTML text; show them.
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || scalar.value == 0x7F {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// Removes terminal control sequences from captured output: ANSI colour/cursor
  /// escapes vanish, and a line redrawn with `\r` (a progress bar) keeps its last state.
  static func plainTerminalText(_ text: String) -> String {
    var cleaned = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == "\u{1B}" else {
        cleaned.append(scalar)
        continue
      }
      // CSI: ESC [ parameters… final byte in @…~ ; other escapes are two scalars long.
      guard let next = scalars.next(), next == "[" else { continue }
      while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
    }
    return String(cleaned).split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.split(separator: "\r", omittingEmptySubsequences: false).last { !$0.isEmpty } ?? ""
    }.joined(separator: "\n")
  }
}

/// Hands out unique `id` attributes: headings and cells share one namespace.
struct IDAllocator {
  private var used: Set<String> = []

  /// `base`, or `base-1`, `base-2`, … when taken.
  mutating func claim(_ base: String) -> String {
    var candidate = base
    var n = 0
    while used.contains(candidate) {
      n += 1
      candidate = "\(base)-\(n)"
    }
    used.insert(candidate)
    return candidate
  }

  /// A heading's anchor text: lowercase letters and digits, words joined by `-`.
  static func slug(_ text: String) -> String {
    var slug = ""
    var pendingDash = false
    for ch in text.lowercased() {
      if ch.isLetter || ch.isNumber || ch == "_" {
        if pendingDash && !slug.isEmpty { slug += "-" }
        pendingDash = false
        slug.append(ch)
      } else if ch.isWhitespace || ch == "-" {
        pendingDash = true
      }
    }
    return slug.isEmpty ? "section" : slug
  }
}
