// `Canvas` on a Cairo context: anti-aliased paths, DejaVu Sans text, scaled images.
import CCairo
import Foundation
import Plotting

/// Draws on a Cairo context (image or SVG surface) in figure pixels.
///
/// The context may carry a scale (device pixels per figure pixel); everything here works
/// in figure pixels, so text metrics match what layout measured.
final class CairoCanvas: Canvas {
  /// The context; owned by whoever created the surface.
  let context: OpaquePointer
  /// Font family used for all text (installed by `fonts-dejavu-core`).
  static let fontFamily = "DejaVu Sans"
  /// Whether long polylines are stroked in pieces (raster surfaces; see `strokeInPieces`).
  let chunkedStrokes: Bool
  /// Measured texts, since layout asks for the same labels many times.
  private var metricsCache: [MetricsKey: TextMetrics] = [:]

  private struct MetricsKey: Hashable {
    var text: String
    var size: Double
    var bold: Bool
  }

  /// A canvas on `context`; `chunkedStrokes` suits raster surfaces, where it is faster.
  init(context: OpaquePointer, chunkedStrokes: Bool = false) {
    self.context = context
    self.chunkedStrokes = chunkedStrokes
    // Unhinted metrics keep layout identical at every scale; grey antialiasing avoids
    // colour fringes in saved images.
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    cairo_set_font_options(context, options)
    cairo_font_options_destroy(options)
  }

  private func select(_ font: Font) {
    cairo_select_font_face(
      context, CairoCanvas.fontFamily, CAIRO_FONT_SLANT_NORMAL,
      font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(context, font.size)
  }

  func measure(_ text: String, font: Font) -> TextMetrics {
    let key = MetricsKey(text: text, size: font.size, bold: font.bold)
    if let known = metricsCache[key] { return known }
    select(font)
    var fontExtents = cairo_font_extents_t()
    cairo_font_extents(context, &fontExtents)
    var extents = cairo_text_extents_t()
    cairo_text_extents(context, text, &extents)
    let metrics = TextMetrics(
      width: extents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent)
    metricsCache[key] = metrics
    return metrics
  }

  private func setColor(_ c: Color) {
    cairo_set_source_rgba(context, c.red, c.green, c.blue, c.alpha)
  }

  func trace(_ path: Path) {
    cairo_new_path(context)
    for element in path.elements {
      switch element {
      case .move(let p): cairo_move_to(context, p.x, p.y)
      case .line(let p): cairo_line_to(context, p.x, p.y)
      case .curve(let a, let b, let p): cairo_curve_to(context, a.x, a.y, b.x, b.y, p.x, p.y)
      case .close: cairo_close_path(context)
      }
    }
  }

  func stroke(_ path: Path, style: StrokeStyle) {
    guard !path.isEmpty, style.width > 0 else { return }
    trace(path)
    setColor(style.color)
    cairo_set_line_width(context, style.width)
    cairo_set_line_cap(context, style.round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
    cairo_set_line_join(context, style.round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER)
    let dash = style.dash.filter { $0 > 0 && $0.isFinite }
    if chunkedStrokes, style.round, path.elements.count > CairoCanvas.chunkThreshold,
      let polyline = path.polylineElements
    {
      strokeInPieces(polyline, color: style.color, dash: dash)
      return
    }
    cairo_set_dash(context, dash, Int32(dash.count), 0)
    cairo_stroke(context)
  }

  func fill(_ path: Path, color: Color) {
    guard !path.isEmpty else { return }
    trace(path)
    setColor(color)
    cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
    cairo_fill(context)
  }

  func text(
    _ text: String, at position: Point, font: Font, color: Color, anchor: TextAnchor,
    rotation: Double
  ) {
    guard !text.isEmpty else { return }
    let metrics = measure(text, font: font)
    let origin = metrics.bounds(at: Point(0, 0), anchor: anchor)
    cairo_save(context)
    select(font)
    setColor(color)
    cairo_translate(context, position.x, position.y)
    // Cairo's y axis points down, so a positive (counter-clockwise) rotation is negative here.
    cairo_rotate(context, -rotation * Double.pi / 180)
    cairo_move_to(context, origin.minX, origin.minY + metrics.ascent)
    cairo_show_text(context, text)
    cairo_restore(context)
  }

  func image(_ image: RasterImage, in rect: Rect, smooth: Bool) {
    guard rect.width > 0, rect.height > 0,
      let surface = CairoCanvas.surface(from: image)
    else { return }
    defer { cairo_surface_destroy(surface) }
    cairo_save(context)
    cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
    cairo_clip(context)
    cairo_translate(context, rect.x, rect.y)
    cairo_scale(context, rect.width / Double(image.width), rect.height / Double(image.height))
    cairo_set_source_surface(context, surface, 0, 0)
    let pattern = cairo_get_source(context)
    cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
    // Pad rather than fade to transparent at the edges when smoothing.
    cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
    cairo_paint(context)
    cairo_restore(context)
  }

  func pushClip(_ rect: Rect) {
    cairo_save(context)
    cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
    cairo_clip(context)
  }

  func popClip() {
    cairo_restore(context)
  }

  /// A Cairo ARGB32 surface (premultiplied, native-endian 0xAARRGGBB) holding `image`.
  static func surface(from image: RasterImage) -> OpaquePointer? {
    guard
      let surface = cairo_image_surface_create(
        CAIRO_FORMAT_ARGB32, Int32(image.width),
        Int32(image.height)),
      cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
      let data = cairo_image_surface_get_data(surface)
    else { return nil }
    let stride = Int(cairo_image_surface_get_stride(surface))
    image.rgba.withUnsafeBufferPointer { src in
      for y in 0..<image.height {
        let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        for x in 0..<image.width {
          let i = 4 * (y * image.width + x)
          let a = UInt32(src[i + 3])
          let r = UInt32(src[i]) * a / 255
          let g = UInt32(src[i + 1]) * a / 255
          let b = UInt32(src[i + 2]) * a / 255
          row[x] = a << 24 | r << 16 | g << 8 | b
        }
      }
    }
    cairo_surface_mark_dirty(surface)
    return surface
  }
}
