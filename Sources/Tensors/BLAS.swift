// The BLAS entry points: OpenBLAS thread control and GEMM into an existing tensor.
import COpenBLAS

/// Settings of the OpenBLAS library that does the heavy linear algebra.
public enum BLAS {
  /// The number of threads OpenBLAS uses (it reads `OPENBLAS_NUM_THREADS` when it loads;
  /// setting this changes it at run time, e.g. so benchmarks compare equal thread counts).
  /// Values below 1 are treated as 1.
  public static var threadCount: Int {
    get { Int(openblas_get_num_threads()) }
    set { openblas_set_num_threads(Int32(clamping: Swift.max(newValue, 1))) }
  }
}

/// `value` as a BLAS/LAPACK 32-bit integer, or an error naming the operation.
func blasInt(_ value: Int, operation: String) throws -> Int32 {
  guard let result = Int32(exactly: value) else {
    throw TensorError.invalidArgument(
      operation: operation, message: "dimension \(value) exceeds the 32-bit BLAS/LAPACK limit")
  }
  return result
}

extension Tensor {
  /// General matrix multiply into an existing tensor: `c = alpha·op(a)·op(b) + beta·c`,
  /// where `op(x)` is `xᵀ` when the matching flag is set. Nothing is transposed or copied
  /// (apart from `c` itself if it shares storage), so `AᵀB` costs the same as `AB`.
  ///
  /// With `beta == 0`, `c`'s old contents are ignored (NaNs included), as in BLAS.
  ///
  /// ```swift
  /// var grad = try Tensor.zeros([256, 784])
  /// try Tensor.gemm(transposeA: true, a: delta, b: input, beta: 1, c: &grad)  // += ΔᵀX
  /// ```
  /// - Throws: `TensorError` when an operand is not 2-D or the shapes do not align.
  public static func gemm(
    transposeA: Bool = false, transposeB: Bool = false, alpha: Float = 1,
    a: Tensor, b: Tensor, beta: Float = 0, c: inout Tensor
  ) throws {
    for operand in [a, b, c] where operand.rank != 2 {
      throw TensorError.invalidShape(
        operation: "gemm", shape: operand.shape, reason: "is not a matrix (2-D)")
    }
    let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
    let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
    guard k == kb else {
      throw alignmentError(a.shape, b.shape, k, kb, transposeA: transposeA, transposeB: transposeB)
    }
    guard c.shape == [m, n] else {
      throw TensorError.shapeMismatch(
        operation: "gemm", lhs: [m, n], rhs: c.shape, reason: "differ (product and output)")
    }
    c.makeUnique()
    try unsafeGEMM(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
      a: a.storage.pointer, lda: a.shape[1], b: b.storage.pointer, ldb: b.shape[1], beta: beta,
      c: c.storage.pointer, ldc: n)
  }

  /// `cblas_sgemm` on raw row-major buffers: `C = alpha·op(A)·op(B) + beta·C` with `C`
  /// `m × n` (row stride `ldc`), for kernels in this package that multiply sub-blocks of
  /// tensors (e.g. im2col tiles) without copying them out.
  ///
  /// Unchecked: the caller guarantees every buffer holds the elements its dimensions and
  /// leading dimensions imply. Only sizes beyond BLAS's 32-bit integers throw.
  package static func unsafeGEMM(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) throws {
    guard m > 0, n > 0 else { return }
    if k == 0 {
      // BLAS would reject the zero leading dimensions; the product is empty, so c = beta·c.
      for i in 0..<m {
        for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] }
      }
      return
    }
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
      transposeB ? CblasTrans : CblasNoTrans,
      try blasInt(m, operation: "matmul"), try blasInt(n, operation: "matmul"),
      try blasInt(k, operation: "matmul"), alpha, a, try blasInt(lda, operation: "matmul"),
      b, try blasInt(ldb, operation: "matmul"), beta, c, try blasInt(ldc, operation: "matmul"))
  }

  static func alignmentError(
    _ lhs: [Int], _ rhs: [Int], _ k: Int, _ kb: Int, transposeA: Bool, transposeB: Bool
  ) -> TensorError {
    let form = "\(transposeA ? "Aᵀ" : "A")·\(transposeB ? "Bᵀ" : "B")"
    let product = transposeA || transposeB ? " for \(form)" : ""
    return .shapeMismatch(
      operation: "matmul", lhs: lhs, rhs: rhs, reason: "are not aligned\(product) (\(k) ≠ \(kb))")
  }
}
