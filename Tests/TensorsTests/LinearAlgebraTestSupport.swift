// Reference helpers for the linear-algebra tests: a naive product and orthonormality.
import Tensors

/// The product of two row-major matrices by the textbook triple loop, in Double.
func naiveMatmul(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
  let (m, k, n) = (a.count, b.count, b.first?.count ?? 0)
  return (0..<m).map { i in
    (0..<n).map { j in Float((0..<k).reduce(0.0) { $0 + Double(a[i][$1]) * Double(b[$1][j]) }) }
  }
}

/// The rows of a 2-D tensor as nested arrays.
func rowsOf(_ t: Tensor) -> [[Float]] {
  let columns = t.shape[1]
  return (0..<t.shape[0]).map { i in Array(t.scalars[(i * columns)..<((i + 1) * columns)]) }
}

/// ‖QᵀQ − I‖ max-abs for a matrix whose columns should be orthonormal.
func orthonormalityError(columnsOf q: Tensor) throws -> Float {
  let gram = try q.matmul(q, transposeSelf: true)
  return try (gram - Tensor.eye(q.shape[1])).abs().max()
}

/// A diagonal matrix with `values` on its diagonal.
func diagonal(_ values: Tensor) throws -> Tensor {
  let n = values.count
  return try Tensor(shape: [n, n]) { buffer in
    for i in buffer.indices { buffer[i] = 0 }
    values.withUnsafeBufferPointer { v in
      for i in 0..<n { buffer[i * n + i] = v[i] }
    }
  }
}
