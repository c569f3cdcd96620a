// The Q of a thin QR by Cholesky of the Gram matrix: level-3 BLAS, for well-conditioned matrices.
import COpenBLAS

extension Tensor {
  /// The `m × n` factor `Q = A·R⁻¹` of `A = Q·R` (m ≥ n), with `R` the Cholesky factor of
  /// `AᵀA` (LAPACK's spotrf, then strsm), or nil when `AᵀA` is not numerically positive
  /// definite.
  ///
  /// Two GEMM-sized steps instead of a Householder QR's column-by-column sweeps: much
  /// faster for tall thin matrices, but Q is only orthonormal to about ε·κ(A)², so use it
  /// on matrices that are nearly orthonormal already (e.g. to re-orthonormalise a basis
  /// after projecting a small component out of it) and check the result.
  ///
  /// ```swift
  /// if let q = try nearlyOrthonormal.choleskyQ() { basis = q }
  /// ```
  /// - Throws: `TensorError` when the tensor is not 2-D, has fewer rows than columns, or
  ///   holds NaN or ∞.
  public func choleskyQ() throws -> Tensor? {
    let (m, n) = try matrixShape(operation: "choleskyQ")
    guard m >= n else {
      throw TensorError.invalidShape(
        operation: "choleskyQ", shape: shape, reason: "has fewer rows than columns")
    }
    guard isFinite else { throw TensorError.notFinite(operation: "choleskyQ") }
    if n == 0 { return self }
    var r = try matmul(self, transposeSelf: true)
    BLAS.setUp()  // before LAPACK runs on OpenBLAS threads
    let info = r.withUnsafeMutableBufferPointer { r in
      LAPACKE_spotrf(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "U")), Int32(n), r.baseAddress, Int32(n))
    }
    guard info == 0 else { return nil }  // > 0: not positive definite; < 0 cannot happen here
    var q = self
    r.withUnsafeBufferPointer { r in
      q.withUnsafeMutableBufferPointer { q in
        cblas_strsm(
          CblasRowMajor, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit, Int32(m), Int32(n),
          1, r.baseAddress, Int32(n), q.baseAddress, Int32(n))
      }
    }
    return q
  }
}
