// A canvas that records what is drawn, with approximate text metrics, for layout tests.

/// Records every drawing call instead of rasterising, so tests can check positions.
///
/// Text is measured with fixed proportions of the font size (0.6 em per character,
/// ascent 0.93 em, descent 0.24 em — close to DejaVu Sans), so layouts are deterministic
/// without a font library.
public final class RecordingCanvas: Canvas {
  /// One recorded drawing call.
  public enum Operation: Sendable, Hashable {
    /// A stroked path.
    case stroke(Path, StrokeStyle)
    /// A filled path.
    case fill(Path, Color)
    /// A text with its computed bounding box.
    case text(RecordedText)
    /// An image drawn into a rectangle.
    case image(width: Int, height: Int, rect: Rect)
    /// Clip pushed.
    case pushClip(Rect)
    /// Clip popped.
    case popClip
  }

  /// A recorded text call.
  public struct RecordedText: Sendable, Hashable {
    /// The string drawn.
    public var string: String
    /// The anchor position.
    public var position: Point
    /// The font.
    public var font: Font
    /// The anchor.
    public var anchor: TextAnchor
    /// Rotation in degrees.
    public var rotation: Double
    /// The axis-aligned box the text covers.
    public var bounds: Rect
    /// The text's own (possibly rotated) box, as four corners.
    public var corners: [Point]
  }

  /// Everything drawn, in order.
  public private(set) var operations: [Operation] = []

  /// An empty recording.
  public init() {}

  /// All texts drawn, in order.
  public var texts: [RecordedText] {
    operations.compactMap { if case .text(let t) = $0 { t } else { nil } }
  }

  public func measure(_ text: String, font: Font) -> TextMetrics {
    TextMetrics(
      width: Double(text.count) * 0.6 * font.size, ascent: 0.93 * font.size,
      descent: 0.24 * font.size)
  }

  public func stroke(_ path: Path, style: StrokeStyle) { operations.append(.stroke(path, style)) }

  public func fill(_ path: Path, color: Color) { operations.append(.fill(path, color)) }

  public func text(
    _ text: String, at position: Point, font: Font, color: Color, anchor: TextAnchor,
    rotation: Double
  ) {
    let metrics = measure(text, font: font)
    let bounds = metrics.bounds(at: position, anchor: anchor, rotation: rotation)
    let corners = metrics.corners(at: position, anchor: anchor, rotation: rotation)
    operations.append(
      .text(
        RecordedText(
          string: text, position: position, font: font, anchor: anchor, rotation: rotation,
          bounds: bounds, corners: corners)))
  }

  public func image(_ image: RasterImage, in rect: Rect, smooth: Bool) {
    operations.append(.image(width: image.width, height: image.height, rect: rect))
  }

  public func pushClip(_ rect: Rect) { operations.append(.pushClip(rect)) }

  public func popClip() { operations.append(.popClip) }
}
