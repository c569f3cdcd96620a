// The BLAS entry points: OpenBLAS thread control and GEMM into an existing tensor.
import COpenBLAS

/// Settings of the OpenBLAS library that does the heavy linear algebra.
public enum BLAS {
  /// The number of threads lrnb computes on: big GEMMs split in two by rows or columns of
  /// their output, and the kernels between them (im2col, pooling, …) split over all the
  /// threads. Defaults to `OPENBLAS_NUM_THREADS` or the number of cores; set it, e.g., so
  /// benchmarks compare equal thread counts. Values below 1 are treated as 1. OpenBLAS
  /// itself runs one thread per call (see `Parallel`). Results are bitwise the same for
  /// every thread count.
  public static var threadCount: Int {
    get { Parallel.threadCount }
    set { Parallel.threadCount = Swift.max(newValue, 1) }
  }

  /// Makes OpenBLAS single-threaded, once, before the first BLAS or LAPACK call: lrnb
  /// splits the work itself.
  static func setUp() { _ = configured }

  private static let configured: Void = { openblas_set_num_threads(1) }()
}

/// Multiply–adds below which a GEMM stays whole (about 20 µs of work).
private let gemmMinimumWork = 1 << 20
/// The inner-dimension chunk of a thin product split by depth (`depthSplitGEMM`).
private let gemmDepthChunk = 8192
/// Split points of a split GEMM fall on multiples of this, so a part seldom ends in one of
/// the narrow edge tiles OpenBLAS's kernel runs more slowly (speed only: results depend on
/// the split, not on this).
private let gemmSplitUnit = 16
/// The parts a big GEMM is split into, whatever the thread count: the two cores lrnb is
/// tuned and benchmarked on. The count must not follow the thread count: OpenBLAS's
/// Haswell kernel sums an element's `k` loop in one or two running sums depending on the
/// tile it falls in, and tiles (and OpenBLAS's cache blocks) are laid out from the start
/// of the sub-matrix each call is given — so another split rounds some elements of C
/// differently (by an ulp or so). More parts would pack the shared operand once more per
/// part; on more cores, one product still runs on two threads (the kernels around it use
/// them all).
private let gemmParts = 2

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
    let (k32, lda32, ldb32, ldc32) = (
      try blasInt(k, operation: "matmul"), try blasInt(lda, operation: "matmul"),
      try blasInt(ldb, operation: "matmul"), try blasInt(ldc, operation: "matmul")
    )
    let (m32, n32) = (try blasInt(m, operation: "matmul"), try blasInt(n, operation: "matmul"))
    let (opA, opB) = (transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans)
    BLAS.setUp()
    if k >= 2 * gemmDepthChunk, Swift.max(m, n) < 2 * gemmSplitUnit {
      // A thin product over a long inner dimension (e.g. Δ·zᵀ, [20, 73728]·[73728, 10]):
      // C is too small to split, so the inner dimension is, in chunks of a fixed length —
      // the partial products and their sum in order do not depend on the thread count.
      return try depthSplitGEMM(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a,
        lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }
    // Whether and how to split depends on the sizes only (a GEMM inside a parallel part —
    // decided by sizes too, see `Parallel.forEach` — stays whole): one thread runs the same
    // parts one after the other, so the result does not depend on the thread count.
    guard !Parallel.isInsideParallelPart, m * n * k >= gemmMinimumWork,
      Swift.max(m, n) >= 2 * gemmSplitUnit
    else {
      cblas_sgemm(
        CblasRowMajor, opA, opB, m32, n32, k32, alpha, a, lda32, b, ldb32, beta, c, ldc32)
      return
    }
    // Split the longer side of C into `gemmParts` parts at multiples of the kernels' tile
    // size; each part is an independent single-threaded GEMM on a slice of the same
    // buffers (rows of C come from rows of op(A), columns from columns of op(B)).
    let byRows = m >= n
    let length = byRows ? m : n
    let units = (length + gemmSplitUnit - 1) / gemmSplitUnit
    let parts = Swift.min(gemmParts, units)
    Parallel.forEach(parts, work: Int.max) { range in
      for part in range {
        let start = Swift.min(length, units * part / parts * gemmSplitUnit)
        let end = Swift.min(length, units * (part + 1) / parts * gemmSplitUnit)
        guard end > start else { continue }
        let size = Int32(truncatingIfNeeded: end - start)
        if byRows {
          let rowsOfA = transposeA ? a + start : a + start * lda
          cblas_sgemm(
            CblasRowMajor, opA, opB, size, n32, k32, alpha, rowsOfA, lda32, b, ldb32, beta,
            c + start * ldc, ldc32)
        } else {
          let columnsOfB = transposeB ? b + start * ldb : b + start
          cblas_sgemm(
            CblasRowMajor, opA, opB, m32, size, k32, alpha, a, lda32, columnsOfB, ldb32, beta,
            c + start, ldc32)
        }
      }
    }
  }

  /// `C = alpha·op(A)·op(B) + beta·C` as a sum over chunks of `gemmDepthChunk` of the
  /// inner dimension, each chunk's product computed into its own buffer on `Parallel`'s
  /// threads, then added in chunk order.
  private static func depthSplitGEMM(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) throws {
    let chunks = (k + gemmDepthChunk - 1) / gemmDepthChunk
    let partials = UnsafeMutablePointer<Float>.allocate(capacity: chunks * m * n)
    defer { partials.deallocate() }
    try Parallel.tryForEach(chunks, work: m * n * k) { range in
      for chunk in range {
        let start = chunk * gemmDepthChunk
        let depth = Swift.min(gemmDepthChunk, k - start)
        // Columns start… of op(A) and rows start… of op(B).
        let sliceA = transposeA ? a + start * lda : a + start
        let sliceB = transposeB ? b + start : b + start * ldb
        try unsafeGEMM(
          transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: depth, alpha: alpha,
          a: sliceA, lda: lda, b: sliceB, ldb: ldb, beta: 0, c: partials + chunk * m * n, ldc: n)
      }
    }
    for i in 0..<m {
      let row = c + i * ldc
      for j in 0..<n {
        var total: Float = beta == 0 ? 0 : beta * row[j]
        for chunk in 0..<chunks { total += partials[(chunk * m + i) * n + j] }
        row[j] = total
      }
    }
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
