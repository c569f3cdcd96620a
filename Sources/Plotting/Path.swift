// Vector paths and stroke styles, the drawing vocabulary of `Canvas`.

/// A sequence of sub-paths built from moves, straight lines and cubic curves.
public struct Path: Sendable, Hashable {
  /// One drawing instruction.
  public enum Element: Sendable, Hashable {
    /// Starts a new sub-path at a point.
    case move(Point)
    /// A straight segment to a point.
    case line(Point)
    /// A cubic Bézier to `to` with control points `c1`, `c2`.
    case curve(Point, Point, to: Point)
    /// Closes the current sub-path.
    case close
  }

  /// The instructions in order.
  public private(set) var elements: [Element] = []

  /// An empty path.
  public init() {}

  /// True when the path draws nothing.
  public var isEmpty: Bool { elements.isEmpty }

  /// Reserves room for `count` elements (long polylines).
  public mutating func reserve(_ count: Int) { elements.reserveCapacity(count) }

  /// Starts a sub-path at `p`.
  public mutating func move(to p: Point) { elements.append(.move(p)) }
  /// Adds a segment to `p`.
  public mutating func line(to p: Point) { elements.append(.line(p)) }
  /// Adds a cubic Bézier.
  public mutating func curve(_ c1: Point, _ c2: Point, to p: Point) {
    elements.append(.curve(c1, c2, to: p))
  }
  /// Closes the current sub-path.
  public mutating func close() { elements.append(.close) }

  /// Adds a closed rectangle.
  public mutating func addRect(_ r: Rect) {
    move(to: Point(r.minX, r.minY))
    line(to: Point(r.maxX, r.minY))
    line(to: Point(r.maxX, r.maxY))
    line(to: Point(r.minX, r.maxY))
    close()
  }

  /// Adds a circle as four Bézier arcs.
  public mutating func addCircle(center c: Point, radius r: Double) {
    // Control distance for a quarter circle: 4/3·tan(π/8).
    let k = 0.552_284_749_8 * r
    move(to: Point(c.x + r, c.y))
    curve(Point(c.x + r, c.y + k), Point(c.x + k, c.y + r), to: Point(c.x, c.y + r))
    curve(Point(c.x - k, c.y + r), Point(c.x - r, c.y + k), to: Point(c.x - r, c.y))
    curve(Point(c.x - r, c.y - k), Point(c.x - k, c.y - r), to: Point(c.x, c.y - r))
    curve(Point(c.x + k, c.y - r), Point(c.x + r, c.y - k), to: Point(c.x + r, c.y))
    close()
  }

  /// Adds an open polyline through `points`.
  public mutating func addPolyline(_ points: [Point]) {
    guard let first = points.first else { return }
    move(to: first)
    for p in points.dropFirst() { line(to: p) }
  }

  /// A straight segment from `a` to `b`.
  public static func segment(_ a: Point, _ b: Point) -> Path {
    var path = Path()
    path.move(to: a)
    path.line(to: b)
    return path
  }

  /// A closed rectangle.
  public static func rect(_ r: Rect) -> Path {
    var path = Path()
    path.addRect(r)
    return path
  }

  /// The bounding box of all points (control points included), or nil when empty.
  public var bounds: Rect? {
    var lo = Point(Double.infinity, Double.infinity)
    var hi = Point(-Double.infinity, -Double.infinity)
    func add(_ p: Point) {
      lo = Point(min(lo.x, p.x), min(lo.y, p.y))
      hi = Point(max(hi.x, p.x), max(hi.y, p.y))
    }
    for element in elements {
      switch element {
      case .move(let p), .line(let p): add(p)
      case .curve(let a, let b, let p):
        add(a)
        add(b)
        add(p)
      case .close: break
      }
    }
    guard lo.x <= hi.x else { return nil }
    return Rect(x: lo.x, y: lo.y, width: hi.x - lo.x, height: hi.y - lo.y)
  }
}

/// How a path's outline is drawn.
public struct StrokeStyle: Sendable, Hashable {
  /// Line colour.
  public var color: Color
  /// Line width in figure pixels.
  public var width: Double
  /// Alternating on/off lengths in pixels; empty for a solid line.
  public var dash: [Double]
  /// Round joins and caps look best for data lines; butt caps keep spines and ticks crisp.
  public var round: Bool

  /// A stroke of `color` and `width`, solid unless `dash` is given.
  public init(color: Color, width: Double = 1, dash: [Double] = [], round: Bool = false) {
    self.color = color
    self.width = width
    self.dash = dash
    self.round = round
  }
}

/// Named dash patterns, scaled by the line width when drawn.
public enum DashPattern: String, Sendable, Hashable, CaseIterable {
  /// Solid line.
  case solid
  /// Long dashes.
  case dashed
  /// Dots.
  case dotted
  /// Dash–dot.
  case dashdot

  /// On/off lengths for a line of width `width`.
  func lengths(width: Double) -> [Double] {
    let w = max(1, width)
    switch self {
    case .solid: return []
    case .dashed: return [3.7 * w, 1.6 * w]
    case .dotted: return [1 * w, 1.65 * w]
    case .dashdot: return [6.4 * w, 1.6 * w, 1 * w, 1.6 * w]
    }
  }
}
