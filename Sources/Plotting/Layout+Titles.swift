// Titles fitted to their space: the figure title to the figure, panel titles to their cells.

/// A title as drawn: the font (the theme's, or smaller when the title is too wide) and
/// where each of its lines goes.
public struct TitleLayout: Sendable, Hashable {
  /// One line of a title and the point its anchor sits on.
  public struct Line: Sendable, Hashable {
    /// The line's text.
    public var text: String
    /// The anchor position.
    public var position: Point
  }

  /// The font of every line.
  public var font: Font
  /// The anchor of every line: top centre for the figure title, baseline centre for
  /// panel titles (their last line sits a fixed gap above the data area).
  public var anchor: TextAnchor
  /// The lines, top to bottom.
  public var lines: [Line]
}

/// Limits of title fitting, in lines.
enum TitleLines {
  /// A panel title may take two lines: a third would eat a small panel's picture, and a
  /// title that long reads better cut short.
  static let panel = 2
  /// The figure title wraps rather than loses text: it may take up to a dozen lines (more
  /// is a paragraph, not a title)...
  static let figure = 12
  /// ...as long as they fill at most this share of the figure's height, so some figure
  /// is left. Only a title still longer is cut.
  static let figureHeightShare = 0.5
}

extension TitleLayout {
  /// The figure title fitted to the width inside the outer padding, its lines stacked
  /// from `top` down and centred on the figure.
  static func figureTitle(
    _ text: String, figureSize: Size, top: Double, theme: Theme, measuring: TextMeasuring
  ) -> TitleLayout? {
    let fitter = TextFitter(
      measuring: measuring, font: theme.figureTitleFont,
      width: figureSize.width - 2 * Metrics.outerPad, maxLines: TitleLines.figure,
      maxHeight: (figureSize.height - 2 * Metrics.outerPad) * TitleLines.figureHeightShare,
      keepsAllText: true)
    guard let fitted = fitter.fit(text) else { return nil }
    let lineHeight = measuring.measure(fitted.lines.first ?? "", font: fitted.font).height
    let lines = fitted.lines.enumerated().map { k, line in
      Line(text: line, position: Point(figureSize.width / 2, top + Double(k) * lineHeight))
    }
    return TitleLayout(font: fitted.font, anchor: TextAnchor(.middle, .top), lines: lines)
  }

  /// The height of the title's lines, without the gap below them.
  func height(measuring: TextMeasuring) -> Double {
    guard let first = lines.first else { return 0 }
    return Double(lines.count) * measuring.measure(first.text, font: font).height
  }
}

extension PanelPlanner {
  /// Every panel's title fitted to its frame's width, all in one font size (a grid whose
  /// titles each shrink by their own amount looks untidy); nil for panels without a
  /// title or hidden. With `areas`, a title also fits the room between its frame's top
  /// and its data area, so the final layout never draws more lines than margins allowed.
  func fittedTitles(frames: [Rect], areas: [Rect]? = nil) -> [FittedText?] {
    let fitters: [(String, TextFitter)?] = figure.panels.indices.map { i in
      let axes = figure.panels[i]
      guard axes.visible, let title = axes.title, !title.isEmpty, frames.indices.contains(i)
      else { return nil }
      var fitter = TextFitter(
        measuring: measuring, font: theme.titleFont, width: frames[i].width,
        maxLines: TitleLines.panel)
      if let areas, areas.indices.contains(i) {
        fitter.maxHeight = areas[i].minY - frames[i].minY - Metrics.titlePad
      }
      return (title, fitter)
    }
    let scale = fitters.compactMap { $0.map { $1.preferredScale($0) } }.min() ?? 1
    return fitters.map { $0.flatMap { title, fitter in fitter.fit(title, scale: scale) } }
  }

  /// The lines of a fitted panel title: the last a fixed gap above the data area, the
  /// block centred on the data area but moved sideways as far as it must to stay inside
  /// the panel's frame (and so off its neighbours' titles).
  func titleLayout(_ fitted: FittedText, frame: Rect, area: Rect) -> TitleLayout {
    let widest = fitted.lines.map { measuring.measure($0, font: fitted.font).width }.max() ?? 0
    var x = area.midX
    if widest <= frame.width {
      x = min(max(x, frame.minX + widest / 2), frame.maxX - widest / 2)
    } else {
      x = frame.midX
    }
    let lineHeight = measuring.measure(fitted.lines.first ?? "", font: fitted.font).height
    let baseline = area.minY - Metrics.titlePad
    let count = fitted.lines.count
    let lines = fitted.lines.enumerated().map { k, line in
      TitleLayout.Line(
        text: line, position: Point(x, baseline - Double(count - 1 - k) * lineHeight))
    }
    return TitleLayout(font: fitted.font, anchor: TextAnchor(.middle, .baseline), lines: lines)
  }
}
