// QR decomposition on LAPACK's sgeqrf + sorgqr, normalised to a non-negative diagonal of R.
import COpenBLAS

extension Tensor {
  /// The reduced QR decomposition `A = Q·R` of an `m × n` matrix, `k = min(m, n)`:
  /// `q` is `m × k` with orthonormal columns and `r` is `k × n` upper triangular.
  ///
  /// Sign convention: the diagonal of `R` is non-negative (columns of `Q` and rows of `R`
  /// are flipped together where LAPACK returned a negative entry). This makes the
  /// factorisation unique for full-rank `A`, so a QR retraction of an orthonormal basis
  /// returns the same basis rather than a sign-flipped one.
  ///
  /// ```swift
  /// let (basis, _) = try Tensor.concat([u0, k1], axis: 1).qr()
  /// ```
  /// - Throws: `TensorError` when the tensor is not 2-D, holds NaN or ∞, or LAPACK fails.
  public func qr() throws -> (q: Tensor, r: Tensor) {
    let (m, n) = try matrixShape(operation: "qr")
    let k = Swift.min(m, n)
    var q = Tensor(uninitializedShape: [m, k])
    var r = try Tensor.zeros([k, n])
    if k == 0 { return (q, r) }
    // LAPACK is column-major: the row-major transpose of A is A in column-major order.
    var a = transposed()
    var tau = [Float](repeating: 0, count: k)
    BLAS.setUp()  // before LAPACK runs on OpenBLAS threads
    let info = a.withUnsafeMutableBufferPointer { a in
      LAPACKE_sgeqrf(LAPACK_COL_MAJOR, Int32(m), Int32(n), a.baseAddress, Int32(m), &tau)
    }
    try checkLAPACK(info, routine: "sgeqrf", operation: "qr")
    a.withUnsafeBufferPointer { a in
      r.withUnsafeMutableBufferPointer { r in
        for i in 0..<k {
          for j in i..<n { r[i * n + j] = a[j * m + i] }
        }
      }
    }
    let infoQ = a.withUnsafeMutableBufferPointer { a in
      LAPACKE_sorgqr(LAPACK_COL_MAJOR, Int32(m), Int32(k), Int32(k), a.baseAddress, Int32(m), &tau)
    }
    try checkLAPACK(infoQ, routine: "sorgqr", operation: "qr")
    a.withUnsafeBufferPointer { a in
      q.withUnsafeMutableBufferPointer { q in
        for i in 0..<m {
          for j in 0..<k { q[i * k + j] = a[j * m + i] }
        }
      }
    }
    q.withUnsafeMutableBufferPointer { q in
      r.withUnsafeMutableBufferPointer { r in
        for i in 0..<k where r[i * n + i] < 0 {
          for j in i..<n { r[i * n + j] = -r[i * n + j] }
          for row in 0..<m { q[row * k + i] = -q[row * k + i] }
        }
      }
    }
    return (q, r)
  }
}
