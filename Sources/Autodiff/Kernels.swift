// Tight elementwise loops over equally shaped tensors, for backward rules.
import Tensors

/// An elementwise function of two scalars, as a type: generic code specialises on it, so
/// the loop calls it directly (a closure captured inside `Tensor(shape:initializingWith:)`
/// would be called indirectly for every element and never vectorise).
protocol BinaryKernel {
  func callAsFunction(_ x: Float, _ y: Float) -> Float
}

/// `g` where `x > 0`, else `slope · g` (ReLU: slope 0).
struct LeakyReluGradient: BinaryKernel {
  var slope: Float = 0
  @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float { x > 0 ? g : slope * g }
}

/// `g / (2y)` where `y = √x`.
struct SqrtGradient: BinaryKernel {
  @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { g * 0.5 / y }
}

/// `g · (1 − y²)` where `y = tanh x`.
struct TanhGradient: BinaryKernel {
  @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { g * (1 - y * y) }
}

/// `g · y(1 − y)` where `y = σ(x)`.
struct SigmoidGradient: BinaryKernel {
  @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { g * y * (1 - y) }
}

/// `f(a[i], b[i])` for tensors of one shape, in a loop the compiler vectorises.
@inline(__always)
func zipMap<K: BinaryKernel>(_ a: Tensor, _ b: Tensor, _ f: K) throws -> Tensor {
  guard a.shape == b.shape else {
    throw AutodiffError.shapeMismatch(operation: "zip", expected: a.shape, got: b.shape)
  }
  return try Tensor(shape: a.shape) { out in
    // Plain pointers in locals: through the `inout` buffer the loop would reload its base
    // on every iteration and not vectorise.
    guard let po = out.baseAddress else { return }
    let n = out.count
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        guard let x = pa.baseAddress, let y = pb.baseAddress else { return }
        for i in 0..<n { po[i] = f(x[i], y[i]) }
      }
    }
  }
}
