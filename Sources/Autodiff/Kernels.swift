// Tight elementwise loops over equally shaped tensors, for backward rules.
import Tensors

/// `f(a[i], b[i])` for tensors of one shape, in a loop the compiler vectorises.
@inline(__always)
func zipMap(_ a: Tensor, _ b: Tensor, _ f: (Float, Float) -> Float) throws -> Tensor {
  guard a.shape == b.shape else {
    throw AutodiffError.shapeMismatch(operation: "zip", expected: a.shape, got: b.shape)
  }
  return try Tensor(shape: a.shape) { out in
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        for i in 0..<out.count { out[i] = f(pa[i], pb[i]) }
      }
    }
  }
}

/// `f(a[i], b[i], c[i])` for tensors of one shape.
@inline(__always)
func zipMap(
  _ a: Tensor, _ b: Tensor, _ c: Tensor, _ f: (Float, Float, Float) -> Float
) throws -> Tensor {
  guard a.shape == b.shape, a.shape == c.shape else {
    throw AutodiffError.shapeMismatch(operation: "zip", expected: a.shape, got: b.shape)
  }
  return try Tensor(shape: a.shape) { out in
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        c.withUnsafeBufferPointer { pc in
          for i in 0..<out.count { out[i] = f(pa[i], pb[i], pc[i]) }
        }
      }
    }
  }
}
