// Number formatting for tensor printouts: integers, fixed point or scientific, aligned.

/// One number style for all scalars a printout shows, chosen from their magnitudes so
/// columns line up: integers when every value is integral, otherwise about four
/// significant digits of the largest value in fixed point, or scientific notation when
/// magnitudes are very large or very small.
struct ScalarFormat {
  enum Style: Equatable {
    case integer
    case fixed(decimals: Int)
    case scientific
  }

  let style: Style
  /// The widest formatted sample, so every cell can be padded to it.
  private var width = 1

  init(sample: [Float]) {
    let finite = sample.filter { $0.isFinite }.map { Double(Swift.abs($0)) }
    let largest = finite.max() ?? 0
    if finite.allSatisfy({ $0 == $0.rounded() }) && largest < 1e7 {
      style = .integer
    } else if largest >= 1e5 || largest < 1e-3 {
      style = .scientific
    } else {
      let magnitude = Int(LibM.log10(largest).rounded(.down))
      style = .fixed(decimals: Swift.min(Swift.max(3 - magnitude, 0), 8))
    }
    width = sample.map { unpadded($0).count }.max() ?? 1
  }

  /// `value` formatted and right-aligned to the common width.
  func string(_ value: Float) -> String {
    let text = unpadded(value)
    return String(repeating: " ", count: Swift.max(width - text.count, 0)) + text
  }

  private func unpadded(_ value: Float) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let sign = value < 0 ? "-" : ""
    let magnitude = Double(Swift.abs(value))
    switch style {
    case .integer:
      return sign + String(Int64(magnitude))
    case .fixed(let decimals):
      return sign + Self.fixed(magnitude, decimals: decimals)
    case .scientific:
      if magnitude == 0 { return "0.000e+00" }
      var exponent = Int(LibM.log10(magnitude).rounded(.down))
      var mantissa = (magnitude / LibM.pow(10, Double(exponent)) * 1000).rounded()
      if mantissa >= 10_000 {
        exponent += 1
        mantissa = 1000
      } else if mantissa < 1000 {
        exponent -= 1
        mantissa = (magnitude / LibM.pow(10, Double(exponent)) * 1000).rounded()
      }
      let digits = Self.fixed(mantissa / 1000, decimals: 3)
      let exponentText = String(Swift.abs(exponent))
      let padded = exponentText.count < 2 ? "0" + exponentText : exponentText
      return sign + digits + "e" + (exponent < 0 ? "-" : "+") + padded
    }
  }

  /// `magnitude` (≥ 0, below 10¹⁰) rounded to `decimals` places, e.g. `3.142`.
  private static func fixed(_ magnitude: Double, decimals: Int) -> String {
    let scale = Int64(LibM.pow(10, Double(decimals)))
    let scaled = Int64((magnitude * Double(scale)).rounded())
    let whole = String(scaled / scale)
    guard decimals > 0 else { return whole }
    let fraction = String(scaled % scale)
    return whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
  }
}
