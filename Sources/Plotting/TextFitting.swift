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
