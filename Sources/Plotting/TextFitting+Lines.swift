// Breaking a title into lines: words, balanced line breaks, pieces of long words, "…".

extension TextFitter {
  /// A word of a title, and whether it follows the previous one without a space (a piece
  /// of a word broken between characters).
  struct Word: Hashable {
    var text: Substring
    var joinsPrevious = false
  }

  /// The words of `text`, split at spaces.
  static func words(_ text: String) -> [Word] {
    text.split(separator: " ").map { Word(text: $0) }
  }

  /// `words` with each also broken after its hyphens and slashes ("T-", "shirt/", "top"),
  /// where a line may end without losing a character.
  static func hyphenated(_ words: [Word]) -> [Word] {
    words.flatMap { word -> [Word] in
      var pieces: [Word] = []
      var start = word.text.startIndex
      for i in word.text.indices where "-/".contains(word.text[i]) {
        let end = word.text.index(after: i)
        // A hyphen that starts or ends the word ("-1", "a/") is no place to break.
        guard i != word.text.startIndex, end != word.text.endIndex else { continue }
        pieces.append(
          Word(text: word.text[start..<end], joinsPrevious: !pieces.isEmpty || word.joinsPrevious))
        start = end
      }
      pieces.append(
        Word(text: word.text[start...], joinsPrevious: !pieces.isEmpty || word.joinsPrevious))
      return pieces
    }
  }

  /// `words` as one line: spaces between them, none before a piece that joins.
  static func line(_ words: ArraySlice<Word>) -> String {
    var line = ""
    for word in words {
      if !line.isEmpty && !word.joinsPrevious { line += " " }
      line += word.text
    }
    return line
  }

  /// `words` broken into the fewest lines (at most `maxCount`) that fit, with the widest
  /// line as narrow as possible: a two-line title splits near its middle, not after the
  /// first line fills. Nil when no such breaking exists.
  func balancedLines(_ words: [Word], font: Font, maxCount: Int) -> [String]? {
    let n = words.count
    let count = min(maxCount, n)
    guard count >= 1 else { return nil }
    // widths[s] lists (end, width) of every line from word s that fits; lines only grow
    // wider as words are added, so each start stops at its first line that does not fit.
    var widths: [[(end: Int, width: Double)]] = Array(repeating: [], count: n)
    for s in 0..<n {
      for e in (s + 1)...n {
        let w = measuring.measure(TextFitter.line(words[s..<e]), font: font).width
        guard w <= width else { break }
        widths[s].append((e, w))
      }
    }
    // best[j][e]: the narrowest widest line setting words 0..<e in j lines.
    var best = Array(repeating: Array(repeating: Double.infinity, count: n + 1), count: count + 1)
    var from = Array(repeating: Array(repeating: -1, count: n + 1), count: count + 1)
    best[0][0] = 0
    for j in 1...count {
      for s in 0..<n where best[j - 1][s].isFinite {
        for (e, w) in widths[s] {
          let widest = max(best[j - 1][s], w)
          if widest < best[j][e] {
            best[j][e] = widest
            from[j][e] = s
          }
        }
      }
    }
    guard let lineCount = (1...count).first(where: { best[$0][n].isFinite }) else { return nil }
    var lines: [String] = []
    var e = n
    for j in stride(from: lineCount, to: 0, by: -1) {
      let s = from[j][e]
      guard s >= 0 else { return nil }
      lines.append(TextFitter.line(words[s..<e]))
      e = s
    }
    return lines.reversed()
  }

  /// `word` in pieces that each fit a line (one character at least, so this ends). After
  /// `maxPieces` pieces the rest stays whole: more pieces could not fit the lines anyway,
  /// and a hostile 100 000-character title must not cost a measurement per character.
  func broken(_ word: Word, font: Font, maxPieces: Int) -> [Word] {
    guard measuring.measure(String(word.text), font: font).width > width else { return [word] }
    let characters = Array(word.text)
    var pieces: [Word] = []
    var start = 0
    while start < characters.count {
      var end = start + 1
      if pieces.count + 1 >= maxPieces {
        end = characters.count
      } else {
        while end < characters.count,
          measuring.measure(String(characters[start...end]), font: font).width <= width
        {
          end += 1
        }
      }
      pieces.append(
        Word(
          text: Substring(String(characters[start..<end])),
          joinsPrevious: !pieces.isEmpty || word.joinsPrevious))
      start = end
    }
    return pieces
  }

  /// Lines filled greedily, the last one cut with "…" where the text runs out of room.
  func ellipsized(_ words: [Word], font: Font) -> [String] {
    let limit = lineLimit(font)
    var lines: [String] = []
    var start = 0
    while lines.count < limit - 1, start < words.count {
      var end = start
      while end < words.count,
        measuring.measure(TextFitter.line(words[start...end]), font: font).width <= width
      {
        end += 1
      }
      // The next word alone is too wide: the last line cuts it.
      if end == start { break }
      lines.append(TextFitter.line(words[start..<end]))
      start = end
    }
    if start < words.count {
      lines.append(truncated(TextFitter.line(words[start...]), font: font))
    }
    return lines
  }

  /// The longest start of `text` that fits with "…" after it ("" when not even "…" fits).
  func truncated(_ text: String, font: Font) -> String {
    if measuring.measure(text, font: font).width <= width { return text }
    let characters = Array(text)
    func cut(_ count: Int) -> String {
      String(characters[0..<count]).trimmingTrailingSpaces + "…"
    }
    // The widths of cut texts grow with their length: search for the longest that fits.
    var (lo, hi) = (0, characters.count - 1)
    guard measuring.measure(cut(0), font: font).width <= width else { return "" }
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if measuring.measure(cut(mid), font: font).width <= width { lo = mid } else { hi = mid - 1 }
    }
    return cut(lo)
  }
}

extension String {
  /// The string without spaces at its end (a cut line should not end "word …").
  fileprivate var trimmingTrailingSpaces: String {
    var s = Substring(self)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
