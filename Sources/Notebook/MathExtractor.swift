// Finding `$…$` and `$$…$$` in prose before cmark sees it (cmark would read `_` and `*`
// inside formulas as emphasis), and putting MathML back into the rendered HTML.
import Foundation

/// A formula found in prose.
struct Formula: Equatable {
  var tex: String
  var display: Bool
}

/// Pandoc's rules: `$$…$$` is display math; `$…$` is inline math when the opening `$`
/// is followed by a non-space, the closing one preceded by a non-space and not followed
/// by a digit (so "costs $5 and $10" stays text). Code spans, fenced code and `\$` are
/// left alone.
struct MathExtractor {
  /// A word cmark leaves untouched; formula `i` becomes `<token>M<i>Z`.
  let token: String
  private(set) var formulas: [Formula] = []

  init(token: String) { self.token = token }

  /// `markdown` with each formula replaced by its placeholder.
  mutating func extract(_ markdown: String) -> String {
    let chars = Array(markdown)
    var out = ""
    var i = 0
    var fence: (character: Character, length: Int)?
    var lineStart = true
    while i < chars.count {
      let c = chars[i]
      if lineStart, let line = fenceLine(chars, i) {
        // Opening or closing a fenced block: copy the line as it is.
        if let open = fence {
          if line.character == open.character && line.length >= open.length && line.bare {
            fence = nil
          }
        } else {
          fence = (line.character, line.length)
        }
      }
      if fence != nil || c == "\n" {
        let end = chars[i...].firstIndex(of: "\n").map { $0 + 1 } ?? chars.count
        out += String(chars[i..<end])
        i = end
        lineStart = true
        continue
      }
      lineStart = false
      if c == "\\", i + 1 < chars.count {
        out += String(chars[i...(i + 1)])
        i += 2
      } else if c == "`" {
        i = copyCodeSpan(chars, from: i, into: &out)
      } else if c == "$", let (formula, end) = formula(chars, at: i) {
        out += "\(token)M\(formulas.count)Z"
        formulas.append(formula)
        i = end
      } else {
        out.append(c)
        i += 1
      }
    }
    return out
  }

  /// A line opening or closing a fence: up to three spaces, then ``` or ~~~ or longer.
  private func fenceLine(_ chars: [Character], _ start: Int) -> (
    character: Character, length: Int, bare: Bool
  )? {
    var i = start
    while i < chars.count, chars[i] == " ", i - start < 3 { i += 1 }
    guard i < chars.count, chars[i] == "`" || chars[i] == "~" else { return nil }
    let character = chars[i]
    var length = 0
    while i < chars.count, chars[i] == character {
      length += 1
      i += 1
    }
    guard length >= 3 else { return nil }
    var bare = true
    while i < chars.count, chars[i] != "\n" {
      if !chars[i].isWhitespace { bare = false }
      i += 1
    }
    return (character, length, bare)
  }

  /// Copies a code span (a backtick run up to the next run of the same length) verbatim.
  private func copyCodeSpan(_ chars: [Character], from start: Int, into out: inout String) -> Int {
    var i = start
    while i < chars.count, chars[i] == "`" { i += 1 }
    let length = i - start
    var j = i
    while j < chars.count {
      guard chars[j] == "`" else {
        j += 1
        continue
      }
      var k = j
      while k < chars.count, chars[k] == "`" { k += 1 }
      if k - j == length {
        out += String(chars[start..<k])
        return k
      }
      j = k
    }
    out += String(chars[start..<i])  // no closing run: the backticks are text
    return i
  }

  /// The formula starting at the `$` at `start`, and the index after it.
  private func formula(_ chars: [Character], at start: Int) -> (Formula, Int)? {
    if start + 1 < chars.count, chars[start + 1] == "$" {
      var j = start + 2
      while j + 1 < chars.count {
        if chars[j] == "\\" {
          j += 2
          continue
        }
        if chars[j] == "$" && chars[j + 1] == "$" {
          let tex = String(chars[(start + 2)..<j]).trimmingCharacters(in: .whitespacesAndNewlines)
          return tex.isEmpty ? nil : (Formula(tex: tex, display: true), j + 2)
        }
        j += 1
      }
      return nil
    }
    guard start + 1 < chars.count, !chars[start + 1].isWhitespace else { return nil }
    var j = start + 1
    while j < chars.count, chars[j] != "\n" {
      if chars[j] == "\\" {
        j += 2
        continue
      }
      if chars[j] == "$", !chars[j - 1].isWhitespace,
        !(j + 1 < chars.count && chars[j + 1].isASCIIDigit)
      {
        return (Formula(tex: String(chars[(start + 1)..<j]), display: false), j + 1)
      }
      j += 1
    }
    return nil
  }

  /// `html` with each placeholder replaced: MathML in text, the TeX source inside tags
  /// (an attribute such as an image's alt text must not receive markup).
  func restore(_ html: String) -> String {
    guard !formulas.isEmpty, html.contains(token) else { return html }
    var out = ""
    var inTag = false
    var rest = Substring(html)
    while let range = rest.range(of: token) {
      let before = rest[..<range.lowerBound]
      for ch in before {
        if ch == "<" { inTag = true } else if ch == ">" { inTag = false }
      }
      out += before
      var after = rest[range.upperBound...]
      guard after.first == "M" else {
        out += token
        rest = after
        continue
      }
      after = after.dropFirst()
      let digits = after.prefix { $0.isASCIIDigit }
      guard let n = Int(digits), formulas.indices.contains(n),
        after.dropFirst(digits.count).first == "Z"
      else {
        out += token + "M"
        rest = after
        continue
      }
      let formula = formulas[n]
      if inTag {
        out += HTML.escape(formula.tex)
      } else {
        out += TeXMath.mathML(formula.tex, display: formula.display)
      }
      rest = after.dropFirst(digits.count + 1)
    }
    return out + rest
  }

  /// Placeholders replaced by the TeX source, for plain text such as TOC entries.
  func plain(_ text: String) -> String {
    var text = text
    for (n, formula) in formulas.enumerated().reversed() {
      text = text.replacingOccurrences(of: "\(token)M\(n)Z", with: formula.tex)
    }
    return text
  }
}
