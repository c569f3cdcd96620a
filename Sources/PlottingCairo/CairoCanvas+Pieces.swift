// Stroking long polylines in pieces: the same picture in a fraction of Cairo's time.
import CCairo
import Foundation
import Plotting

extension CairoCanvas {
  /// Paths with more elements than this are stroked in pieces on raster surfaces.
  static let chunkThreshold = 256
  /// Segments per piece. Cairo strokes a path by building the outline polygon of all of
  /// it and rasterising that at once; the outline of a dense, self-crossing polyline (a
  /// 10,000-point noisy curve) has so many crossings that this dominates rendering.
  /// Pieces of 20 segments measured fastest (a 1000×700 plot of 10,000 points: 140 ms
  /// whole, 33 ms in pieces of 20, 43 ms in pieces of 100).
  static let chunkSegments = 20

  /// Strokes a polyline (moves and lines only) as consecutive pieces that share their end
  /// points; round caps make the joins between pieces look like round joins (only the
  /// anti-aliased edge pixels at a join are shaded twice). Dashes
  /// continue across pieces through the dash offset. A translucent colour is stroked
  /// opaque into a group and painted once, so overlaps at the joins do not darken.
  func strokeInPieces(_ elements: [Path.Element], color: Color, dash: [Double]) {
    let translucent = color.alpha < 1
    if translucent {
      cairo_push_group(context)
      cairo_set_source_rgba(context, color.red, color.green, color.blue, 1)
    }
    let period = dash.reduce(0, +)
    var travelled = 0.0
    var pen: Point?
    var index = 0
    while index < elements.count {
      cairo_new_path(context)
      if let pen { cairo_move_to(context, pen.x, pen.y) }
      let offset = period > 0 ? travelled.truncatingRemainder(dividingBy: period) : 0
      cairo_set_dash(context, dash, Int32(dash.count), offset)
      let end = min(elements.count, index + CairoCanvas.chunkSegments)
      for element in elements[index..<end] {
        switch element {
        case .move(let p):
          cairo_move_to(context, p.x, p.y)
          // Cairo starts the dash pattern afresh at every sub-path.
          travelled = 0
          pen = p
        case .line(let p):
          cairo_line_to(context, p.x, p.y)
          if let from = pen { travelled += hypot(p.x - from.x, p.y - from.y) }
          pen = p
        case .curve, .close:
          break
        }
      }
      cairo_stroke(context)
      index = end
    }
    if translucent {
      cairo_pop_group_to_source(context)
      cairo_paint_with_alpha(context, color.alpha)
    }
  }
}

extension Path {
  /// The elements when the path has only moves and straight lines, else nil.
  var polylineElements: [Element]? {
    for element in elements {
      switch element {
      case .move, .line: continue
      case .curve, .close: return nil
      }
    }
    return elements
  }
}
