// Reading the look of series: legend labels, colours, markers and dash patterns.
import Lang
import Plotting

extension Arguments {
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
