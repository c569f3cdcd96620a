// Elementwise math functions: exp, log, sqrt, abs, sign, relu, tanh, sigmoid, pow, clamp.

extension Tensor {
  /// eˣ for every scalar.
  public consuming func exp() -> Tensor { mapped { LibM.exp($0) } }

  /// The natural logarithm of every scalar (−∞ at 0, NaN below 0, as in IEEE).
  public consuming func log() -> Tensor { mapped { LibM.log($0) } }

  /// The square root of every scalar (NaN below 0).
  public consuming func sqrt() -> Tensor { mapped { $0.squareRoot() } }

  /// The absolute value of every scalar.
  public consuming func abs() -> Tensor { mapped { Swift.abs($0) } }

  /// −1, 0 or 1 by the sign of every scalar (NaN stays NaN), as used by FGSM.
  public consuming func sign() -> Tensor { mapped { $0 > 0 ? 1 : $0 < 0 ? -1 : $0 } }

  /// max(x, 0) for every scalar (NaN stays NaN).
  public consuming func relu() -> Tensor { mapped { Swift.max($0, 0) } }

  /// The hyperbolic tangent of every scalar.
  public consuming func tanh() -> Tensor {
    // glibc's tanhf and expm1f take ~19 ns a call; (e²ˣ − 1)/(e²ˣ + 1) in Double takes ~7 ns
    // and stays within an ulp of Float (Double absorbs the cancellation near 0; below 10⁻⁴
    // tanh x = x to Float precision; beyond ±10 it is ±1).
    mapped { x in
      let e = LibM.exp(2 * Double(Swift.min(Swift.max(x, -10), 10)))
      return Swift.abs(x) < 1e-4 ? x : Float((e - 1) / (e + 1))
    }
  }

  /// The logistic function 1 / (1 + e⁻ˣ) of every scalar.
  public consuming func sigmoid() -> Tensor { mapped { 1 / (1 + LibM.exp(-$0)) } }

  /// Every scalar raised to `exponent`; squares and square roots take exact fast paths.
  public consuming func pow(_ exponent: Float) -> Tensor {
    switch exponent {
    case 1: return self
    case 2: return mapped { $0 * $0 }
    case 0.5: return mapped { $0.squareRoot() }
    case -1: return mapped { 1 / $0 }
    default: return mapped { LibM.pow($0, exponent) }
    }
  }

  /// Every scalar raised to the matching scalar of `exponent`, broadcasting the shapes.
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public func pow(_ exponent: Tensor) throws -> Tensor {
    try Tensor.combined(self, exponent, operation: "pow") { LibM.pow($0, $1) }
  }

  /// The larger of each pair of scalars, broadcasting the shapes (NaN propagates).
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public func maximum(_ other: Tensor) throws -> Tensor {
    try Tensor.combined(self, other, operation: "maximum") { $0.isNaN ? $0 : Swift.max($1, $0) }
  }

  /// The smaller of each pair of scalars, broadcasting the shapes (NaN propagates).
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public func minimum(_ other: Tensor) throws -> Tensor {
    try Tensor.combined(self, other, operation: "minimum") { $0.isNaN ? $0 : Swift.min($1, $0) }
  }

  /// max(x, `value`) for every scalar (NaN stays NaN).
  public consuming func maximum(_ value: Float) -> Tensor { mapped { Swift.max($0, value) } }

  /// min(x, `value`) for every scalar (NaN stays NaN).
  public consuming func minimum(_ value: Float) -> Tensor { mapped { Swift.min($0, value) } }

  /// Every scalar limited to `lower...upper` (NaN stays NaN), e.g. `x.clamped(to: 0...1)` for pixels.
  ///
  /// A `ClosedRange` cannot be empty, so the bounds are ordered by construction; NaN
  /// bounds are the caller's to reject before building the range.
  public consuming func clamped(to range: ClosedRange<Float>) -> Tensor {
    let (lower, upper) = (range.lowerBound, range.upperBound)
    return mapped { Swift.min(Swift.max($0, lower), upper) }
  }

  /// Every scalar limited to `[lower, upper]`.
  /// - Throws: `TensorError.invalidArgument` when `lower > upper` or a bound is NaN.
  public func clamp(min lower: Float, max upper: Float) throws -> Tensor {
    guard lower <= upper else {
      throw TensorError.invalidArgument(
        operation: "clamp", message: "min \(lower) must not exceed max \(upper)")
    }
    return clamped(to: lower...upper)
  }

  /// Whether every scalar is finite (no NaN, no ±∞): the training loop's NaN check.
  public var isFinite: Bool {
    let p = storage.pointer
    // A scalar is NaN or ±∞ exactly when its exponent bits are all ones; an integer OR
    // over the whole buffer vectorises, where an early exit would not.
    var nonFinite: UInt32 = 0
    for i in 0..<count { nonFinite |= (p[i].bitPattern & 0x7f80_0000) == 0x7f80_0000 ? 1 : 0 }
    return nonFinite == 0
  }
}
