// Rendering a figure to SVG text through Cairo's SVG surface.
import CCairo
import Plotting

/// Collects the bytes Cairo's SVG surface writes.
private final class ByteSink {
  var bytes: [UInt8] = []
}

/// Renders `figure` as an SVG document (text stored as glyph outlines, so it looks the same
/// without DejaVu Sans installed). The figure's alt text becomes the SVG's `<title>`.
/// - Throws: `RenderError` when Cairo fails.
public func renderSVG(_ figure: Figure) throws -> String {
  let size = figure.layoutSize
  let sink = ByteSink()
  let write: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
  }
  try withExtendedLifetime(sink) {
    let opaque = Unmanaged.passUnretained(sink).toOpaque()
    guard let surface = cairo_svg_surface_create_for_stream(write, opaque, size.width, size.height)
    else { throw RenderError(message: "Cairo could not create an SVG surface") }
    defer { cairo_surface_destroy(surface) }
    try check(cairo_surface_status(surface), "creating the SVG surface")
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
    guard let context = cairo_create(surface) else {
      throw RenderError(message: "Cairo could not create a drawing context")
    }
    FigureRenderer.draw(figure, on: CairoCanvas(context: context))
    let status = cairo_status(context)
    cairo_destroy(context)
    try check(status, "drawing the SVG")
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), "writing the SVG")
  }
  let svg = String(decoding: sink.bytes, as: UTF8.self)
  return insertTitle(figure.altText, into: svg)
}

/// Adds `<title>` (the accessible name of an SVG) right after the opening `<svg …>` tag.
func insertTitle(_ title: String, into svg: String) -> String {
  guard let open = svg.range(of: "<svg"), let close = svg[open.upperBound...].range(of: ">")
  else { return svg }
  return String(svg[..<close.upperBound]) + "\n<title>" + xmlEscaped(title) + "</title>"
    + String(svg[close.upperBound...])
}

/// `text` with the five XML special characters escaped.
func xmlEscaped(_ text: String) -> String {
  var out = ""
  for c in text {
    switch c {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&apos;"
    default: out.append(c)
    }
  }
  return out
}
