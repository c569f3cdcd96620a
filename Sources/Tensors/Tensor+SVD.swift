// Singular value decomposition on LAPACK's divide-and-conquer sgesdd.
import COpenBLAS

extension Tensor {
  /// The thin SVD `A = U·diag(S)·Vᵀ` of a matrix (NumPy's `svd(full_matrices=False)`).
  ///
  /// For an `m × n` matrix with `k = min(m, n)`: `u` is `m × k` with orthonormal columns,
  /// `s` holds the `k` singular values in descending order, `vt` is `k × n` with orthonormal
  /// rows. Signs of singular vector pairs are whatever LAPACK returns.
  ///
  /// ```swift
  /// let (u, s, vt) = try w.svd()
  /// let condition = try s.max() / s.min()
  /// ```
  /// - Throws: `TensorError` when the tensor is not 2-D, holds NaN or ∞, or LAPACK fails.
  public func svd() throws -> (u: Tensor, s: Tensor, vt: Tensor) {
    let (m, n) = try matrixShape(operation: "svd")
    let k = Swift.min(m, n)
    var s = Tensor(uninitializedShape: [k])
    var u = Tensor(uninitializedShape: [m, k])
    var vt = Tensor(uninitializedShape: [k, n])
    if k == 0 { return (u, s, vt) }
    // Row-major A is column-major Aᵀ (n × m). LAPACK factors Aᵀ = U′ΣV′ᵀ; then A = V′ΣU′ᵀ,
    // and LAPACK's column-major U′ (n × k) read row-major is exactly Vᵀ (k × n), its V′ᵀ
    // (k × m) read row-major is exactly U (m × k). No transposes needed.
    var work = self
    BLAS.setUp()  // before LAPACK runs on OpenBLAS threads
    let info = work.withUnsafeMutableBufferPointer { a in
      s.withUnsafeMutableBufferPointer { sv in
        vt.withUnsafeMutableBufferPointer { left in
          u.withUnsafeMutableBufferPointer { right in
            LAPACKE_sgesdd(
              LAPACK_COL_MAJOR, CChar(UInt8(ascii: "S")), Int32(n), Int32(m), a.baseAddress,
              Int32(n), sv.baseAddress, left.baseAddress, Int32(n), right.baseAddress, Int32(k))
          }
        }
      }
    }
    try checkLAPACK(info, routine: "sgesdd", operation: "svd")
    return (u, s, vt)
  }

  /// The singular values of a matrix in descending order (cheaper than a full `svd()`).
  /// - Throws: `TensorError` when the tensor is not 2-D, holds NaN or ∞, or LAPACK fails.
  public func singularValues() throws -> Tensor {
    let (m, n) = try matrixShape(operation: "singularValues")
    let k = Swift.min(m, n)
    var s = Tensor(uninitializedShape: [k])
    if k == 0 { return s }
    var work = self
    var unusedU: Float = 0
    var unusedVT: Float = 0
    BLAS.setUp()  // before LAPACK runs on OpenBLAS threads
    let info = work.withUnsafeMutableBufferPointer { a in
      s.withUnsafeMutableBufferPointer { sv in
        LAPACKE_sgesdd(
          LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), Int32(n), Int32(m), a.baseAddress,
          Int32(n), sv.baseAddress, &unusedU, 1, &unusedVT, 1)
      }
    }
    try checkLAPACK(info, routine: "sgesdd", operation: "singularValues")
    return s
  }

  /// The `(rows, columns)` of a finite matrix whose sizes fit LAPACK's 32-bit integers.
  func matrixShape(operation: String) throws -> (Int, Int) {
    guard rank == 2 else {
      throw TensorError.invalidShape(
        operation: operation, shape: shape, reason: "is not a matrix (2-D)")
    }
    _ = try blasInt(shape[0], operation: operation)
    _ = try blasInt(shape[1], operation: operation)
    guard isFinite else { throw TensorError.notFinite(operation: operation) }
    return (shape[0], shape[1])
  }
}

/// Turns a LAPACKE status into an error (0 is success).
func checkLAPACK(_ info: Int32, routine: String, operation: String) throws {
  guard info == 0 else {
    throw TensorError.lapackFailure(operation: operation, routine: routine, info: Int(info))
  }
}
