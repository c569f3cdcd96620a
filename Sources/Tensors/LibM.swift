// The C math library under names that cannot collide with Tensor's methods (exp, log, pow).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Scalar libm functions. Inside `extension Tensor`, a bare `exp(x)` finds the method
/// `Tensor.exp()` first; `LibM.exp(x)` is unambiguous everywhere.
enum LibM {
  @inline(__always) static func exp(_ x: Float) -> Float { expf(x) }
  @inline(__always) static func exp(_ x: Double) -> Double { doubleExp(x) }
  @inline(__always) static func log(_ x: Float) -> Float { logf(x) }
  @inline(__always) static func log(_ x: Double) -> Double { doubleLog(x) }
  @inline(__always) static func log10(_ x: Double) -> Double { doubleLog10(x) }
  @inline(__always) static func pow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
  @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { doublePow(x, y) }
  @inline(__always) static func cos(_ x: Double) -> Double { doubleCos(x) }
  @inline(__always) static func sin(_ x: Double) -> Double { doubleSin(x) }
}

// At file scope the bare names resolve to the C library, not to a member.
@inline(__always) private func doubleExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func doubleLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func doubleLog10(_ x: Double) -> Double { log10(x) }
@inline(__always) private func doublePow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func doubleCos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func doubleSin(_ x: Double) -> Double { sin(x) }
