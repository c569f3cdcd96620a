// Reading plot arguments: series of numbers, labels, colours, markers, dashes, limits.
import Lang
import Plotting
import Tensors

/// One series of numbers from a value: a list of numbers, a range or a 1-d tensor (a
/// number alone is a one-point series). Nil when the value is none of these.
func numberSeries(_ value: Value) throws -> [Double]? {
  switch value {
  case .number(let x):
    return [x]
  case .list(let items):
    var out: [Double] = []
    out.reserveCapacity(items.count)
    for item in items {
      guard case .number(let x) = item else { return nil }
      out.append(x)
    }
    return out
  case .range(let r):
    // Ranges are bounded by ±2^53 but may still be huge; refuse before allocating.
    guard r.count <= maxPlotPoints else { return nil }
    return (r.lower..<max(r.lower, r.end)).map(Double.init)
  case .native(let object):
    guard let t = (object as? TensorObject)?.tensor, t.rank <= 1 else { return nil }
    return t.scalars.map(Double.init)
  default:
    return nil
  }
}

/// Most points one series may have: far beyond what a figure can show, low enough that a
/// mistaken `0..<1e15` gives an error instead of exhausting memory.
let maxPlotPoints = 50_000_000

extension Arguments {
  /// Argument `name` as one series of numbers.
  func plotSeries(_ name: String) throws -> [Double] {
    guard let values = try numberSeries(try value(name)) else {
      throw bad(name, expected: "a list of numbers, a range or a 1-d tensor")
    }
    return values
  }

  /// Argument `name` as one or several series: a list of series (lists, ranges or 1-d
  /// tensors), the rows of a 2-d tensor, or a single series.
  func plotSeriesList(_ name: String) throws -> [[Double]] {
    let v = try value(name)
    if case .native(let object) = v, let t = (object as? TensorObject)?.tensor, t.rank == 2 {
      let columns = t.shape[1]
      let scalars = t.scalars
      return (0..<t.shape[0]).map { row in
        scalars[(row * columns)..<((row + 1) * columns)].map(Double.init)
      }
    }
    if case .list(let items) = v, let first = items.first, first.asNumber == nil {
      return try items.map { item in
        guard let values = try numberSeries(item) else {
          throw bad(name, expected: "a list of numbers or a list of series")
        }
        return values
      }
    }
    guard let values = try numberSeries(v) else {
      throw bad(name, expected: "a list of numbers, a list of series or a tensor")
    }
    return [values]
  }

  /// The x series for `count` y series: one shared series or one per y series.
  func plotXSeries(_ name: String, count: Int) throws -> [[Double]] {
    let xs = try plotSeriesList(name)
    guard xs.count == 1 || xs.count == count else {
      throw RuntimeError(
        "bad argument '\(name)' to \(callee) (expected one series or \(count), got \(xs.count))")
    }
    return xs.count == 1 ? Array(repeating: xs[0], count: count) : xs
  }

  /// Throws the standard message unless each series in `ys` has as many values as its x.
  func checkLengths(_ xs: [[Double]], _ ys: [[Double]], x: String, y: String) throws {
    for (i, (a, b)) in zip(xs, ys).enumerated() where a.count != b.count {
      let which = ys.count > 1 ? " in series \(i + 1)" : ""
      throw RuntimeError(
        "bad argument '\(y)' to \(callee) (expected \(a.count) value\(a.count == 1 ? "" : "s") as '\(x)' has, "
          + "got \(b.count)\(which))")
    }
  }

  /// Legend labels for `count` series from `label:` (one series) or `labels:` (a list);
  /// nil entries keep a series out of the legend.
  func plotLabels(count: Int) throws -> [String?] {
    let hasLabel = try isGiven("label") && !value("label").isNil
    let hasLabels = try isGiven("labels") && !value("labels").isNil
    if hasLabel && hasLabels {
      throw RuntimeError("\(callee) takes 'label' or 'labels', not both")
    }
    if hasLabels {
      let items = try list("labels")
      guard items.count == count else {
        throw bad("labels", expected: "\(count) label\(count == 1 ? "" : "s"), one per series")
      }
      return items.map(labelText)
    }
    if hasLabel {
      guard count == 1 else {
        throw bad("label", expected: "one series; use labels: [...] for \(count) series")
      }
      return [labelText(try value("label"))]
    }
    return Array(repeating: nil, count: count)
  }

  /// Colours for `count` series from `color:`: nil (palette), one colour for all, or a
  /// list with one colour per series.
  func plotColors(count: Int) throws -> [Color?] {
    let v = try value("color")
    switch v {
    case .nil:
      return Array(repeating: nil, count: count)
    case .list(let items):
      guard items.count == count else {
        throw bad("color", expected: "one colour, or a list of \(count) colours")
      }
      return try items.map { try color($0, "color") }
    default:
      return Array(repeating: try color(v, "color"), count: count)
    }
  }

  /// A colour from a name (`red`, `grey`, …) or `#rrggbb`.
  func color(_ v: Value, _ name: String) throws -> Color? {
    if case .nil = v { return nil }
    guard case .string(let text) = v, let c = Color(parsing: text) else {
      throw bad(name, expected: "a colour name or \"#rrggbb\"")
    }
    return c
  }

  /// The marker from `marker:`: false/nil for none, true for circles, or a shape name or
  /// matplotlib code (`"o"`, `"s"`, `"^"`, `"D"`, `"x"`, `"+"`).
  func plotMarker(_ name: String = "marker") throws -> Marker? {
    switch try value(name) {
    case .nil, .bool(false): return nil
    case .bool(true): return .circle
    case .string(let s):
      if let m = Marker(rawValue: s.lowercased()) ?? markerCodes[s] { return m }
    default: break
    }
    throw bad(
      name,
      expected:
        "true, false or a marker (\(Marker.allCases.map(\.rawValue).joined(separator: ", ")))")
  }

  /// Dash patterns for `count` series from `dash:`: one for all or a list, each
  /// `"solid"`, `"dashed"`, `"dotted"`, `"dashdot"` or matplotlib's `"-"`, `"--"`, `":"`,
  /// `"-."`.
  func plotDashes(count: Int) throws -> [DashPattern] {
    let expected = "\"solid\", \"dashed\", \"dotted\" or \"dashdot\" (or a list of them)"
    func pattern(_ v: Value) throws -> DashPattern {
      guard case .string(let s) = v,
        let dash = DashPattern(rawValue: s.lowercased()) ?? dashCodes[s]
      else { throw bad("dash", expected: expected) }
      return dash
    }
    let v = try value("dash")
    guard case .list(let items) = v else {
      return Array(repeating: try pattern(v), count: count)
    }
    guard items.count == count else {
      throw bad("dash", expected: "one dash pattern, or a list of \(count)")
    }
    return try items.map(pattern)
  }

  /// A number in `range`, with the standard message otherwise.
  func number(_ name: String, in range: ClosedRange<Double>) throws -> Double {
    guard case .number(let x) = try value(name), range.contains(x) else {
      throw bad(
        name,
        expected:
          "a number from \(shortNumber(range.lowerBound)) to \(shortNumber(range.upperBound))")
    }
    return x
  }

  /// A `[lower, upper]` limit pair; either may be nil to keep that end automatic.
  func plotLimits(_ name: String) throws -> (Double?, Double?)? {
    let v = try value(name)
    if case .nil = v { return nil }
    let expected = "a list [lower, upper] of two numbers (either may be nil)"
    guard case .list(let items) = v, items.count == 2 else { throw bad(name, expected: expected) }
    var ends: [Double?] = []
    for item in items {
      switch item {
      case .nil: ends.append(nil)
      case .number(let x) where x.isFinite: ends.append(x)
      default: throw bad(name, expected: expected)
      }
    }
    if let lo = ends[0], let hi = ends[1], lo >= hi {
      throw bad(name, expected: "a lower limit below the upper one")
    }
    return (ends[0], ends[1])
  }
}

/// A legend label as text: strings as they are, other values as `print` writes them.
func labelText(_ v: Value) -> String? {
  switch v {
  case .nil: return nil
  case .string(let s): return s
  default: return v.description
  }
}

/// `1`, `0.5`, `1e+06`: numbers in messages without a trailing `.0`.
func shortNumber(_ x: Double) -> String {
  wholeNumber(x).map(String.init) ?? "\(x)"
}

private let markerCodes: [String: Marker] = [
  "o": .circle, "s": .square, "^": .triangle, "D": .diamond, "d": .diamond, "x": .cross,
  "+": .plus,
]

private let dashCodes: [String: DashPattern] = [
  "-": .solid, "--": .dashed, ":": .dotted, "-.": .dashdot, "dash-dot": .dashdot,
]
