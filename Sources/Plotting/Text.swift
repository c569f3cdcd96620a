// Fonts, text anchors and text metrics shared by layout and canvases.
import Foundation

/// A font request: size in figure pixels and weight. The family is the backend's
/// (DejaVu Sans for Cairo), so layout and drawing agree on metrics.
public struct Font: Sendable, Hashable {
  /// Em size in figure pixels (10 pt at 96 DPI is 13.3 px).
  public var size: Double
  /// Bold or regular.
  public var bold: Bool

  /// A font of `size` pixels.
  public init(size: Double, bold: Bool = false) {
    self.size = size
    self.bold = bold
  }

  /// Converts typographic points to figure pixels at 96 DPI.
  public static func points(_ pt: Double, bold: Bool = false) -> Font {
    Font(size: pt * 96 / 72, bold: bold)
  }
}

/// Which point of a text's box sits at the anchor position (before rotation).
public struct TextAnchor: Sendable, Hashable {
  /// Horizontal alignment of the anchor within the text's advance.
  public enum Horizontal: Sendable, Hashable {
    /// Anchor at the start (left edge).
    case start
    /// Anchor at the middle.
    case middle
    /// Anchor at the end (right edge).
    case end
  }
  /// Vertical alignment of the anchor within the font's ascent/descent box.
  public enum Vertical: Sendable, Hashable {
    /// Anchor at the top of the ascent.
    case top
    /// Anchor halfway between ascent top and descent bottom.
    case middle
    /// Anchor on the baseline.
    case baseline
    /// Anchor at the bottom of the descent.
    case bottom
  }

  /// Horizontal part.
  public var horizontal: Horizontal
  /// Vertical part.
  public var vertical: Vertical

  /// An anchor with the given alignments.
  public init(_ horizontal: Horizontal, _ vertical: Vertical) {
    self.horizontal = horizontal
    self.vertical = vertical
  }
}

/// The size of a piece of text in a font.
public struct TextMetrics: Sendable, Hashable {
  /// Advance width in pixels.
  public var width: Double
  /// Height above the baseline (the font's, so lines align whatever the glyphs).
  public var ascent: Double
  /// Depth below the baseline, positive.
  public var descent: Double

  /// Metrics from their parts.
  public init(width: Double, ascent: Double, descent: Double) {
    self.width = width
    self.ascent = ascent
    self.descent = descent
  }

  /// Ascent plus descent.
  public var height: Double { ascent + descent }

  /// The baseline origin for drawing unrotated text anchored at `anchor` on `position`.
  func origin(at position: Point, anchor: TextAnchor) -> Point {
    let dx: Double =
      switch anchor.horizontal {
      case .start: 0
      case .middle: -width / 2
      case .end: -width
      }
    let dy: Double =
      switch anchor.vertical {
      case .top: ascent
      case .middle: (ascent - descent) / 2
      case .baseline: 0
      case .bottom: -descent
      }
    return Point(position.x + dx, position.y + dy)
  }

  /// The box the text covers when drawn at `position` with `anchor`, rotated by
  /// `rotation` degrees (counter-clockwise, about the anchor).
  public func bounds(at position: Point, anchor: TextAnchor, rotation: Double = 0) -> Rect {
    let turned = corners(at: position, anchor: anchor, rotation: rotation)
    let xs = turned.map(\.x)
    let ys = turned.map(\.y)
    let minX = xs.min() ?? position.x
    let minY = ys.min() ?? position.y
    return Rect(
      x: minX, y: minY, width: (xs.max() ?? minX) - minX, height: (ys.max() ?? minY) - minY)
  }
}

extension TextMetrics {
  /// The four corners of the text's box (clockwise from top-left before rotation) when
  /// drawn at `position` with `anchor`, rotated by `rotation` degrees counter-clockwise.
  public func corners(at position: Point, anchor: TextAnchor, rotation: Double = 0) -> [Point] {
    let o = origin(at: Point(0, 0), anchor: anchor)
    let corners = [
      Point(o.x, o.y - ascent), Point(o.x + width, o.y - ascent),
      Point(o.x + width, o.y + descent), Point(o.x, o.y + descent),
    ]
    let radians = -rotation * Double.pi / 180
    let (s, c) = (sin(radians), cos(radians))
    return corners.map {
      Point(position.x + $0.x * c - $0.y * s, position.y + $0.x * s + $0.y * c)
    }
  }
}

/// Anything that can measure text: canvases, and the layout that asks them.
public protocol TextMeasuring {
  /// The metrics of `text` in `font`.
  func measure(_ text: String, font: Font) -> TextMetrics
}
