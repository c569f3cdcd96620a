// Approximate comparisons with explicit tolerances, for numeric tests.

/// True when `|a − b| ≤ atol + rtol·|b|` (NumPy's `isclose`).
public func isClose(_ a: Double, _ b: Double, rtol: Double = 1e-5, atol: Double = 1e-8) -> Bool {
  if a == b { return true }
  if a.isNaN || b.isNaN { return false }
  return abs(a - b) <= atol + rtol * abs(b)
}

/// True when both sequences have the same length and every pair `isClose`.
public func allClose<A: Sequence, B: Sequence>(
  _ a: A, _ b: B, rtol: Double = 1e-5, atol: Double = 1e-8
) -> Bool where A.Element: BinaryFloatingPoint, B.Element: BinaryFloatingPoint {
  let x = a.map { Double($0) }
  let y = b.map { Double($0) }
  guard x.count == y.count else { return false }
  return zip(x, y).allSatisfy { isClose($0, $1, rtol: rtol, atol: atol) }
}

/// The largest absolute elementwise difference (∞ when the lengths differ).
public func maxAbsDifference<A: Sequence, B: Sequence>(_ a: A, _ b: B) -> Double
where A.Element: BinaryFloatingPoint, B.Element: BinaryFloatingPoint {
  let x = a.map { Double($0) }
  let y = b.map { Double($0) }
  guard x.count == y.count else { return .infinity }
  return zip(x, y).map { abs($0 - $1) }.max() ?? 0
}
