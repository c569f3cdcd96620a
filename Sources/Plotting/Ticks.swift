// Choosing "nice" tick positions: 1-2-5 steps on linear axes, decades on log axes.
import Foundation

/// A tick mark on an axis.
public struct Tick: Sendable, Hashable {
  /// Data value at the tick.
  public var value: Double
  /// Label text; empty for minor ticks.
  public var label: String
  /// Major ticks are longer, labelled and carry grid lines.
  public var major: Bool

  /// A tick at `value`.
  public init(value: Double, label: String, major: Bool = true) {
    self.value = value
    self.label = label
    self.major = major
  }
}

/// Tick selection and labelling.
public enum TickLocator {
  /// At most this many major ticks on one axis: more are unreadable at any figure size.
  static let maxTicks = 12

  /// The step of 1, 2 or 5 × 10ᵏ that gives at most `target` intervals over `lower...upper`.
  public static func niceStep(lower: Double, upper: Double, target: Int) -> Double {
    let span = abs(upper - lower)
    guard span > 0, span.isFinite else { return 1 }
    let raw = span / Double(max(1, target))
    let magnitude = pow(10, floor(log10(raw)))
    for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw * (1 - 1e-9) {
      return factor * magnitude
    }
    return 10 * magnitude
  }

  /// Major ticks on a linear axis: multiples of a 1-2-5 step inside `lower...upper`,
  /// labelled with as many decimals as the step needs.
  public static func linear(lower: Double, upper: Double, target: Int) -> [Tick] {
    let lo = min(lower, upper)
    let hi = max(lower, upper)
    let step = niceStep(lower: lo, upper: hi, target: target)
    guard lo.isFinite, hi.isFinite, step > 0 else { return [] }
    let first = (lo / step - 1e-9).rounded(.up)
    let last = (hi / step + 1e-9).rounded(.down)
    guard last >= first, last - first <= Double(maxTicks * 10) else { return [] }
    // Dividing by the step's inverse gives 0.6 rather than 3 × 0.2 = 0.6000000000000001.
    let inverse = (1 / step).rounded()
    let values = stride(from: first, through: last, by: 1).map { k -> Double in
      let v = step < 1 && inverse > 1 ? k / inverse : k * step
      return abs(v) < step * 1e-9 ? 0 : v
    }
    let format = LinearTickFormat(values: values, step: step)
    return values.map { Tick(value: $0, label: format.label($0)) }
  }

  /// Ticks on a log axis over `lower...upper` (both positive): labelled decades (every
  /// k-th decade when there are many) with minor ticks at 2…9; for ranges under about a
  /// decade, 1-2-5 mantissas, then 1…9, then linear ticks.
  public static func log(lower: Double, upper: Double, target: Int) -> [Tick] {
    let lo = min(lower, upper)
    let hi = max(lower, upper)
    guard lo > 0, hi.isFinite, lo.isFinite else { return [] }
    let a = log10(lo) - 1e-9
    let b = log10(hi) + 1e-9
    let firstDecade = Int(a.rounded(.up))
    let lastDecade = Int(b.rounded(.down))
    let decades = lastDecade - firstDecade + 1
    if decades >= 2 {
      let every = max(1, Int((Double(decades) / Double(max(1, target))).rounded(.up)))
      var ticks: [Tick] = []
      for e in Int(a.rounded(.down))...Int(b.rounded(.up)) {
        let decade = pow(10, Double(e))
        if e >= firstDecade, e <= lastDecade, (e - firstDecade) % every == 0 {
          ticks.append(Tick(value: decade, label: powerOfTen(e)))
        }
        // Minor ticks only when decades are wide enough apart to show them.
        if every == 1, decades <= 10 {
          for m in 2...9 {
            let v = Double(m) * decade
            if v >= lo, v <= hi { ticks.append(Tick(value: v, label: "", major: false)) }
          }
        } else if every > 1, e >= firstDecade, e <= lastDecade, (e - firstDecade) % every != 0 {
          ticks.append(Tick(value: decade, label: "", major: false))
        }
      }
      return ticks.sorted { $0.value < $1.value }
    }
    // Under two decades: 1-2-5 mantissas when they give three or more ticks, else 1…9
    // when those fit, else whatever 1-2-5 gives.
    func mantissaTicks(_ mantissas: [Double]) -> [Double] {
      var values: [Double] = []
      for e in Int(a.rounded(.down))...Int(b.rounded(.up)) {
        for m in mantissas {
          let v = m * pow(10, Double(e))
          if v >= lo * (1 - 1e-9), v <= hi * (1 + 1e-9) { values.append(v) }
        }
      }
      return values
    }
    let coarse = mantissaTicks([1, 2, 5])
    let fine = mantissaTicks([1, 2, 3, 4, 5, 6, 7, 8, 9])
    let chosen =
      coarse.count >= 3 ? coarse : (fine.count >= 2 && fine.count <= target + 1 ? fine : coarse)
    if chosen.count >= 2 {
      return chosen.map { Tick(value: $0, label: logLabel($0)) }
    }
    return linear(lower: lo, upper: hi, target: target).filter { $0.value > 0 }
  }

  /// `10ⁿ` with a superscript exponent, e.g. `10⁻³`.
  public static func powerOfTen(_ exponent: Int) -> String {
    "10" + superscript(exponent)
  }

  static func superscript(_ n: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let body = String(String(abs(n)).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    return (n < 0 ? "⁻" : "") + body
  }

  /// A label for a non-decade value on a log axis: plain when moderate, `m×10ⁿ` otherwise.
  static func logLabel(_ v: Double) -> String {
    let e = Int(floor(log10(v) + 1e-9))
    if (-3...4).contains(e) {
      return NumberFormat.compact(v, decimals: max(0, -e))
    }
    let m = v / pow(10, Double(e))
    let mantissa = NumberFormat.compact(m, decimals: 1)
    return mantissa == "1" ? powerOfTen(e) : mantissa + "×" + powerOfTen(e)
  }
}

/// Labels for evenly spaced linear ticks: fixed decimals, or scientific for very large or
/// very small values, with a true minus sign.
struct LinearTickFormat {
  var decimals = 0
  var stepExponent = 0
  var scientific = false

  init(values: [Double], step: Double) {
    let largest = values.map(abs).max() ?? 0
    stepExponent = Int(floor(log10(step) + 1e-9))
    scientific = largest >= 1e5 || (largest > 0 && largest < 1e-3)
    decimals = max(0, -stepExponent)
  }

  func label(_ v: Double) -> String {
    guard scientific else { return NumberFormat.fixed(v, decimals: decimals) }
    guard v != 0 else { return "0" }
    // Each label gets its own exponent and just the digits the step needs: 5e5, 1e6, 1.5e6.
    let e = Int(floor(log10(abs(v)) + 1e-9))
    let mantissa = NumberFormat.compact(v / pow(10, Double(e)), decimals: max(0, e - stepExponent))
    return mantissa + "e" + NumberFormat.fixed(Double(e), decimals: 0)
  }
}

/// Number formatting shared by tick labels, legends and alt text.
enum NumberFormat {
  /// `v` with exactly `decimals` decimals and a typographic minus.
  static func fixed(_ v: Double, decimals: Int) -> String {
    var s = String(format: "%.\(min(12, decimals))f", v)
    if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() }
    return s.replacingOccurrences(of: "-", with: "−")
  }

  /// Like `fixed` but without trailing zeros.
  static func compact(_ v: Double, decimals: Int) -> String {
    var s = fixed(v, decimals: decimals)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s
  }

  /// A short readable form of any value for alt text: `0.0031`, `1.2e+06`.
  static func short(_ v: Double) -> String {
    guard v.isFinite else { return v.isNaN ? "NaN" : (v > 0 ? "∞" : "−∞") }
    if v == 0 { return "0" }
    let a = abs(v)
    if a >= 1e-3, a < 1e5 { return String(format: "%.3g", v) }
    return String(format: "%.2g", v)
  }
}
