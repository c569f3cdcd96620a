// Data-to-pixel mapping for one axis, linear or logarithmic.
import Foundation

/// How an axis maps data values to positions.
public enum ScaleKind: String, Sendable, Hashable {
  /// Equal data steps are equal distances.
  case linear
  /// Equal ratios are equal distances (base 10); non-positive values are not shown.
  case log
}

/// Maps an interval of data values onto an interval of pixels.
public struct Scale: Sendable, Hashable {
  /// Linear or log.
  public var kind: ScaleKind
  /// The data interval shown: `lower` maps to `start`, `upper` to `end`.
  public var lower: Double
  /// Upper data limit.
  public var upper: Double
  /// Pixel position of `lower` (for a y axis, the bottom, so `start > end`).
  public var start: Double
  /// Pixel position of `upper`.
  public var end: Double

  /// A scale from data `lower...upper` to pixels `start...end`.
  public init(kind: ScaleKind, lower: Double, upper: Double, start: Double, end: Double) {
    self.kind = kind
    self.lower = lower
    self.upper = upper
    self.start = start
    self.end = end
  }

  /// The value in the scale's working space (log10 for log scales); nil for values a log
  /// scale cannot show, and for NaN/∞.
  public func transform(_ v: Double) -> Double? {
    guard v.isFinite else { return nil }
    switch kind {
    case .linear: return v
    case .log: return v > 0 ? log10(v) : nil
    }
  }

  /// Inverse of `transform`.
  func untransform(_ t: Double) -> Double {
    kind == .log ? pow(10, t) : t
  }

  /// The pixel position of `v`, or nil when the value cannot be shown on this scale.
  public func pixel(_ v: Double) -> Double? {
    guard let t = transform(v), let lo = transform(lower), let hi = transform(upper) else {
      return nil
    }
    let span = hi - lo
    guard span != 0 else { return (start + end) / 2 }
    // Limits near ±Double.greatestFiniteMagnitude overflow the span: show nothing then.
    let p = start + (t - lo) / span * (end - start)
    return p.isFinite ? p : nil
  }

  /// Pixel position with values off a log scale sent to the lower edge (for bars, bands).
  func pixelClamped(_ v: Double) -> Double {
    pixel(v) ?? start
  }

  /// True when `v` lies within the shown interval (inclusive, with a little slack).
  func contains(_ v: Double) -> Bool {
    guard let t = transform(v), let lo = transform(lower), let hi = transform(upper) else {
      return false
    }
    let slack = abs(hi - lo) * 1e-9
    return t >= min(lo, hi) - slack && t <= max(lo, hi) + slack
  }
}
