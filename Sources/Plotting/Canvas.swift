// The drawing surface the renderer targets: a few primitives every backend implements.

/// An RGBA8 raster (straight alpha, row-major, top row first) drawn into a rectangle.
public struct RasterImage: Sendable, Hashable {
  /// Width in pixels.
  public let width: Int
  /// Height in pixels.
  public let height: Int
  /// `width * height * 4` bytes: red, green, blue, alpha.
  public let rgba: [UInt8]

  /// Wraps RGBA bytes; nil when the count does not match the size or a side is not positive.
  public init?(width: Int, height: Int, rgba: [UInt8]) {
    guard width > 0, height > 0, rgba.count == width * height * 4 else { return nil }
    self.width = width
    self.height = height
    self.rgba = rgba
  }
}

/// A drawing surface in figure pixels: the few primitives a backend must provide.
/// Everything else (axes, ticks, legends, markers) is built on these by the renderer.
///
/// Coordinates are figure pixels, origin top-left, y downward; a backend applies the
/// figure's DPI scale itself. Rotations are in degrees, counter-clockwise.
public protocol Canvas: AnyObject, TextMeasuring {
  /// Draws the outline of `path`.
  func stroke(_ path: Path, style: StrokeStyle)
  /// Fills the inside of `path` (non-zero winding) with `color`.
  func fill(_ path: Path, color: Color)
  /// Draws `text` with `anchor` at `position`, rotated by `rotation` degrees about it.
  func text(
    _ text: String, at position: Point, font: Font, color: Color, anchor: TextAnchor,
    rotation: Double)
  /// Draws `image` scaled into `rect`; `smooth` false keeps pixels sharp (digits, heatmaps).
  func image(_ image: RasterImage, in rect: Rect, smooth: Bool)
  /// Restricts later drawing to `rect` until the matching `popClip`.
  func pushClip(_ rect: Rect)
  /// Ends the innermost `pushClip`.
  func popClip()
}
