// Fitting a title into a box: a smaller font first, then balanced lines, then an ellipsis.

/// A text fitted to a box: the lines to draw and the font to draw them in.
struct FittedText: Sendable, Hashable {
  /// One or more lines, none empty.
  var lines: [String]
  /// The requested font, or the same font scaled down.
  var font: Font
}

/// Fits texts into a width (and optionally a height) the way a typesetter would: the font
/// shrinks down to a floor, then the text breaks at spaces (or, failing that, after a
/// hyphen or slash) into balanced lines, and only when that fails is the end cut with "…"
/// — or, when no text may be lost, long words are broken between characters.
struct TextFitter {
  /// The smallest font, as a share of the requested size: below 70 % a title no longer
  /// reads as a title next to the tick labels.
  static let floorScale = 0.7
  /// The font sizes tried, largest first, as shares of the requested size. Steps of 5 %
  /// keep the titles of a grid at one of a few sizes rather than each at its own.
  static let scales: [Double] = (0...6).map { 1 - 0.05 * Double($0) }

  let measuring: TextMeasuring
  /// The requested font.
  let font: Font
  /// The widest a line may be.
  let width: Double
  /// The most lines the text may take.
  let maxLines: Int
  /// The tallest the lines together may be (line count × line height).
  var maxHeight = Double.infinity
  /// Whether every character must be kept: words wider than a line are then broken
  /// between characters instead of cut short.
  var keepsAllText = false

  /// The largest scale (of `scales`) at which `text` fits in the fewest lines possible at
  /// any scale; the floor when it fits nowhere. Figures use the smallest of their titles'
  /// scales so that neighbouring titles share one size.
  func preferredScale(_ text: String) -> Double {
    var best: (lines: Int, scale: Double)?
    // Largest scale first: a smaller one wins only by saving a line.
    for scale in TextFitter.scales {
      guard let lines = wrapped(text, font: scaled(scale)) else { continue }
      if lines.count < best?.lines ?? Int.max { best = (lines.count, scale) }
    }
    return best?.scale ?? TextFitter.floorScale
  }

  /// `text` at its preferred scale.
  func fit(_ text: String) -> FittedText? { fit(text, scale: preferredScale(text)) }

  /// `text` at `scale` of the requested size: wrapped if it can be, else with long words
  /// broken or cut as `keepsAllText` says. Nil when nothing at all fits (not even "…").
  func fit(_ text: String, scale: Double) -> FittedText? {
    let font = scaled(scale)
    if let lines = wrapped(text, font: font) { return FittedText(lines: lines, font: font) }
    var words = TextFitter.hyphenated(TextFitter.words(text))
    guard !words.isEmpty else { return nil }
    if keepsAllText {
      let limit = lineLimit(font)
      words = words.flatMap { broken($0, font: font, maxPieces: limit) }
      if let lines = balancedLines(words, font: font, maxCount: limit) {
        return FittedText(lines: lines, font: font)
      }
    }
    let lines = ellipsized(words, font: font).filter { !$0.isEmpty }
    return lines.isEmpty ? nil : FittedText(lines: lines, font: font)
  }

  /// `text` in the fewest balanced lines that fit `font` without losing a character: the
  /// text unchanged when it fits on one line (so titles that fit look exactly as before),
  /// else broken at spaces, or failing that also after hyphens and slashes ("T-shirt/" +
  /// "top"); nil when it does not fit.
  func wrapped(_ text: String, font: Font) -> [String]? {
    if measuring.measure(text, font: font).width <= width { return [text] }
    let words = TextFitter.words(text)
    let limit = lineLimit(font)
    return balancedLines(words, font: font, maxCount: limit)
      ?? balancedLines(TextFitter.hyphenated(words), font: font, maxCount: limit)
  }

  /// The requested font at `scale` of its size.
  func scaled(_ scale: Double) -> Font {
    scale == 1 ? font : Font(size: font.size * scale, bold: font.bold)
  }

  /// The most lines allowed in `font`: `maxLines`, fewer when `maxHeight` is short, and
  /// always one (a title too tall for its room is still drawn once).
  func lineLimit(_ font: Font) -> Int {
    let rows = maxHeight / measuring.measure("M", font: font).height
    // NaN (a zero-height font) sets no limit; the clamp keeps the conversion to Int safe.
    let byHeight = rows.isNaN ? maxLines : Int(max(0, min(Double(maxLines), rows)))
    return max(1, min(maxLines, byHeight))
  }
}

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
