// Matrix products on cblas_sgemm: 2-D, vector, and batched (stacks of matrices).

extension Tensor {
  /// The matrix product `op(self)·op(other)` (NumPy's `@`), where the flags transpose an
  /// operand's last two axes without copying it.
  ///
  /// Shapes follow `numpy.matmul`: 2-D × 2-D is a matrix product; a 1-D left operand is a
  /// row vector and a 1-D right operand a column vector (the added axis is dropped from
  /// the result; the flags do not apply to vectors); operands of rank ≥ 3 are stacks of
  /// matrices, which must have equal batch shapes unless one side is a single matrix.
  ///
  /// ```swift
  /// let logits = try x.matmul(w, transposeOther: true)   // x·Wᵀ, W stored [out, in]
  /// ```
  /// - Throws: `TensorError.shapeMismatch` when the inner dimensions differ, e.g.
  ///   `matmul: shapes [3, 4] and [5, 2] are not aligned (4 ≠ 5)`.
  public func matmul(
    _ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false
  ) throws -> Tensor {
    guard rank > 0, other.rank > 0 else {
      throw TensorError.shapeMismatch(
        operation: "matmul", lhs: shape, rhs: other.shape, reason: "include a scalar (rank 0)")
    }
    let transposeA = transposeSelf && rank > 1
    let transposeB = transposeOther && other.rank > 1
    // Matrix views: a vector becomes [1, k] on the left, [k, 1] on the right.
    let a = rank == 1 ? [1, shape[0]] : Array(shape.suffix(2))
    let b = other.rank == 1 ? [other.shape[0], 1] : Array(other.shape.suffix(2))
    let (m, k) = transposeA ? (a[1], a[0]) : (a[0], a[1])
    let (kb, n) = transposeB ? (b[1], b[0]) : (b[0], b[1])
    guard k == kb else {
      throw Tensor.alignmentError(
        shape, other.shape, k, kb, transposeA: transposeA, transposeB: transposeB)
    }
    let batchA = Array(shape.dropLast(2))
    let batchB = Array(other.shape.dropLast(2))
    guard batchA.isEmpty || batchB.isEmpty || batchA == batchB else {
      throw TensorError.shapeMismatch(
        operation: "matmul", lhs: shape, rhs: other.shape, reason: "have different batch shapes")
    }
    let batch = batchA.isEmpty ? batchB : batchA
    var resultShape = batch
    if rank > 1 { resultShape.append(m) }
    if other.rank > 1 { resultShape.append(n) }
    _ = try checkedElementCount(batch + [m, n], operation: "matmul")
    let result = Tensor(uninitializedShape: resultShape)
    let (strideA, strideB) = (batchA.isEmpty ? 0 : m * k, batchB.isEmpty ? 0 : k * n)
    for i in 0..<batch.product {
      try Tensor.unsafeGEMM(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 1,
        a: storage.pointer + i * strideA, lda: a[1],
        b: other.storage.pointer + i * strideB, ldb: b[1], beta: 0,
        c: result.storage.pointer + i * m * n, ldc: n)
    }
    return result
  }

  /// The matrix product `op(a)·op(b)`; see `matmul(_:transposeSelf:transposeOther:)`.
  /// - Throws: `TensorError.shapeMismatch` when the inner dimensions differ.
  public static func matmul(
    _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false
  ) throws -> Tensor {
    try a.matmul(b, transposeSelf: transposeA, transposeOther: transposeB)
  }
}
