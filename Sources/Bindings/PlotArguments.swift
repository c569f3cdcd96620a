// Reading plot data arguments: series of numbers (lists, ranges, tensors), lengths, limits.
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
