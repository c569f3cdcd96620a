// Symmetric eigendecomposition on LAPACK's divide-and-conquer ssyevd.
import COpenBLAS

extension Tensor {
  /// Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix, like
  /// NumPy's `eigh`: `A·V = V·diag(values)`, eigenvector `i` is column `i` of `vectors`.
  ///
  /// Only the lower triangle (including the diagonal) is read; the upper one is assumed
  /// to mirror it, as in NumPy's default `UPLO='L'`.
  ///
  /// ```swift
  /// let (values, vectors) = try (a.matmul(a, transposeSelf: true)).eigh()
  /// ```
  /// - Throws: `TensorError` when the matrix is not square, holds NaN or ∞, or LAPACK fails.
  public func eigh() throws -> (values: Tensor, vectors: Tensor) {
    let (n, columns) = try matrixShape(operation: "eigh")
    guard n == columns else {
      throw TensorError.invalidShape(operation: "eigh", shape: shape, reason: "is not square")
    }
    var values = Tensor(uninitializedShape: [n])
    if n == 0 { return (values, self) }
    // Row-major lower triangle = column-major upper triangle ('U').
    var work = self
    BLAS.setUp()  // before LAPACK runs on OpenBLAS threads
    let info = work.withUnsafeMutableBufferPointer { a in
      values.withUnsafeMutableBufferPointer { w in
        LAPACKE_ssyevd(
          LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")), Int32(n),
          a.baseAddress, Int32(n), w.baseAddress)
      }
    }
    try checkLAPACK(info, routine: "ssyevd", operation: "eigh")
    // LAPACK leaves eigenvector i in column-major column i, i.e. row-major row i.
    return (values, work.transposed())
  }
}
