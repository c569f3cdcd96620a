// Rendering a figure to PNG bytes, with its alt text stored in the file.
import CCairo
import Imaging
import Plotting

/// A rendered figure: encoded bytes plus what a report needs to show them.
public struct RenderedImage: Sendable, Hashable {
  /// The PNG file's bytes.
  public var png: [UInt8]
  /// Width in device pixels.
  public var width: Int
  /// Height in device pixels.
  public var height: Int
  /// Alternative text (also stored in the PNG as the `Description` text chunk).
  public var alt: String
}

/// Why Cairo could not render.
public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What failed, including Cairo's status text.
  public var message: String
  /// The message.
  public var description: String { message }
}

/// Renders `figure` to a PNG: anti-aliased Cairo drawing with DejaVu Sans text, encoded by
/// libpng, with the figure's alt text stored as the PNG `Description` text chunk.
///
/// ```swift
/// var axes = Axes(title: "loss", xlabel: "epoch", yscale: .log)
/// axes.add(try .line(x: [1, 2, 3], y: [1, 0.3, 0.1], label: "train"))
/// let image = try renderPNG(Figure(axes))
/// try Data(image.png).write(to: url)
/// ```
/// - Throws: `RenderError` when Cairo cannot create the surface, `ImagingError` when
///   encoding fails.
public func renderPNG(_ figure: Figure) throws -> RenderedImage {
  let bitmap = try renderBitmap(figure)
  let alt = figure.altText
  let png = try PNG.encode(
    bitmap,
    text: [PNGText(keyword: "Description", text: alt), PNGText(keyword: "Software", text: "lrnb")],
    fast: true)
  return RenderedImage(png: png, width: bitmap.width, height: bitmap.height, alt: alt)
}

/// Renders `figure` to straight-alpha RGBA8 pixels (device size: figure size × scale).
/// - Throws: `RenderError` when Cairo cannot create the surface.
public func renderBitmap(_ figure: Figure) throws -> Bitmap {
  try renderBitmap(figure, chunkedStrokes: true)
}

/// `renderBitmap` with the choice of stroking long lines whole, for tests that check the
// pieces give the same picture.
func renderBitmap(_ figure: Figure, chunkedStrokes: Bool) throws -> Bitmap {
  let size = figureDeviceSize(figure)
  guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size.0), Int32(size.1))
  else { throw RenderError(message: "Cairo could not create a \(size.0)×\(size.1) surface") }
  defer { cairo_surface_destroy(surface) }
  try check(cairo_surface_status(surface), "creating the image surface")
  guard let context = cairo_create(surface) else {
    throw RenderError(message: "Cairo could not create a drawing context")
  }
  defer { cairo_destroy(context) }
  cairo_scale(
    context, Double(size.0) / figure.layoutSize.width,
    Double(size.1) / figure.layoutSize.height)
  FigureRenderer.draw(figure, on: CairoCanvas(context: context, chunkedStrokes: chunkedStrokes))
  try check(cairo_status(context), "drawing")
  cairo_surface_flush(surface)
  guard let data = cairo_image_surface_get_data(surface) else {
    throw RenderError(message: "Cairo returned no pixel data")
  }
  let stride = Int(cairo_image_surface_get_stride(surface))
  var rgba = [UInt8](repeating: 0, count: size.0 * size.1 * 4)
  rgba.withUnsafeMutableBufferPointer { out in
    for y in 0..<size.1 {
      let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
      for x in 0..<size.0 {
        // Native 0xAARRGGBB, premultiplied: divide colour by alpha to straighten it.
        let p = row[x]
        let a = p >> 24
        let o = 4 * (y * size.0 + x)
        out[o + 3] = UInt8(a)
        if a == 255 {
          out[o] = UInt8((p >> 16) & 0xFF)
          out[o + 1] = UInt8((p >> 8) & 0xFF)
          out[o + 2] = UInt8(p & 0xFF)
        } else if a > 0 {
          out[o] = UInt8(min(255, (((p >> 16) & 0xFF) * 255 + a / 2) / a))
          out[o + 1] = UInt8(min(255, (((p >> 8) & 0xFF) * 255 + a / 2) / a))
          out[o + 2] = UInt8(min(255, ((p & 0xFF) * 255 + a / 2) / a))
        }
      }
    }
  }
  return try Bitmap(width: size.0, height: size.1, format: .rgba8, pixels: rgba)
}

/// Device pixel size: the clamped figure size times the clamped scale.
func figureDeviceSize(_ figure: Figure) -> (Int, Int) {
  let s = figure.layoutScale
  return (
    max(1, Int((figure.layoutSize.width * s).rounded())),
    max(1, Int((figure.layoutSize.height * s).rounded()))
  )
}

func check(_ status: cairo_status_t, _ what: String) throws {
  guard status == CAIRO_STATUS_SUCCESS else {
    let text = cairo_status_to_string(status).map { String(cString: $0) } ?? "unknown error"
    throw RenderError(message: "Cairo failed while \(what): \(text)")
  }
}
