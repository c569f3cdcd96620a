// Singular value decomposition on LAPACK's divide-and-conquer sgesdd (sgesvd as fallback).
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
    try svd(routines: ["sgesdd", "sgesvd"])
  }

  /// `svd()` trying LAPACK `routines` in order ("sgesdd", "sgesvd") until one converges.
  func svd(routines: [String]) throws -> (u: Tensor, s: Tensor, vt: Tensor) {
    let (m, n) = try matrixShape(operation: "svd")
    let k = Swift.min(m, n)
    var s = Tensor(uninitializedShape: [k])
    var u = Tensor(uninitializedShape: [m, k])
    var vt = Tensor(uninitializedShape: [k, n])
    if k == 0 { return (u, s, vt) }
    // Row-major A is column-major Aᵀ (n × m). LAPACK factors Aᵀ = U′ΣV′ᵀ; then A = V′ΣU′ᵀ,
    // and LAPACK's column-major U′ (n × k) read row-major is exactly Vᵀ (k × n), its V′ᵀ
    // (k × m) read row-major is exactly U (m × k). No transposes needed.
    BLAS.setUp()  // before LAPACK runs on OpenBLAS threads
    for (attempt, routine) in routines.enumerated() {
      var work = self
      let info = work.withUnsafeMutableBufferPointer { a in
        s.withUnsafeMutableBufferPointer { sv in
          vt.withUnsafeMutableBufferPointer { left in
            u.withUnsafeMutableBufferPointer { right in
              routine == "sgesdd"
                ? LAPACKE_sgesdd(
                  LAPACK_COL_MAJOR, CChar(UInt8(ascii: "S")), Int32(n), Int32(m), a.baseAddress,
                  Int32(n), sv.baseAddress, left.baseAddress, Int32(n), right.baseAddress,
                  Int32(k))
                : gesvd(a.baseAddress, rows: n, columns: m, s: sv.baseAddress, vectors: true,
                  left: left.baseAddress, right: right.baseAddress)
            }
          }
        }
      }
      // sgesdd's divide and conquer fails to converge on rare finite matrices (seen once in
      // a 20-epoch DLRT run); the QR-iteration sgesvd is slower but more robust.
      if info > 0, attempt < routines.count - 1 { continue }
      try checkLAPACK(info, routine: routine, operation: "svd")
      break
    }
    return (u, s, vt)
  }

  /// The singular values of a matrix in descending order (cheaper than a full `svd()`).
  /// - Throws: `TensorError` when the tensor is not 2-D, holds NaN or ∞, or LAPACK fails.
  public func singularValues() throws -> Tensor {
    try singularValues(routines: ["sgesdd", "sgesvd"])
  }

  /// `singularValues()` trying LAPACK `routines` in order until one converges.
  func singularValues(routines: [String]) throws -> Tensor {
    let (m, n) = try matrixShape(operation: "singularValues")
    let k = Swift.min(m, n)
    var s = Tensor(uninitializedShape: [k])
    if k == 0 { return s }
    var unusedU: Float = 0
    var unusedVT: Float = 0
    BLAS.setUp()  // before LAPACK runs on OpenBLAS threads
    for (attempt, routine) in routines.enumerated() {
      var work = self
      let info = work.withUnsafeMutableBufferPointer { a in
        s.withUnsafeMutableBufferPointer { sv in
          routine == "sgesdd"
            ? LAPACKE_sgesdd(
              LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), Int32(n), Int32(m), a.baseAddress,
              Int32(n), sv.baseAddress, &unusedU, 1, &unusedVT, 1)
            : gesvd(a.baseAddress, rows: n, columns: m, s: sv.baseAddress, vectors: false,
              left: &unusedU, right: &unusedVT)
        }
      }
      if info > 0, attempt < routines.count - 1 { continue }  // as in `svd(routines:)`
      try checkLAPACK(info, routine: routine, operation: "singularValues")
      break
    }
    return s
  }

  /// LAPACK's sgesvd on a column-major `rows × columns` matrix: the thin factors when
  /// `vectors` (left `rows × k`, right `k × columns`, k = min), else the values only.
  private func gesvd(
    _ a: UnsafeMutablePointer<Float>?, rows: Int, columns: Int, s: UnsafeMutablePointer<Float>?,
    vectors: Bool, left: UnsafeMutablePointer<Float>?, right: UnsafeMutablePointer<Float>?
  ) -> Int32 {
    let k = Swift.min(rows, columns)
    var superb = [Float](repeating: 0, count: Swift.max(1, k - 1))
    let job = CChar(UInt8(ascii: vectors ? "S" : "N"))
    return LAPACKE_sgesvd(
      LAPACK_COL_MAJOR, job, job, Int32(rows), Int32(columns), a, Int32(rows), s, left,
      vectors ? Int32(rows) : 1, right, vectors ? Int32(k) : 1, &superb)
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
