// Matrix products on BLAS with transpose flags, and the fused dense layer x·Wᵀ + b.
import Tensors

extension Variable {
  /// The matrix product `op(self)·op(other)` of two matrices, where a flag transposes its
  /// operand without copying (BLAS flags). Backward: `∂op(A) = G·op(B)ᵀ`,
  /// `∂op(B) = op(A)ᵀ·G`, each again one GEMM with flags.
  ///
  /// - Throws: `AutodiffError` unless both are 2-D; `TensorError` when they do not align.
  public func matmul(
    _ other: Variable, transposeSelf tA: Bool = false, transposeOther tB: Bool = false
  ) throws -> Variable {
    guard value.rank == 2, other.value.rank == 2 else {
      throw AutodiffError.invalidArgument(
        operation: "matmul",
        message: "differentiable matmul needs two matrices, got shapes \(shape) and \(other.shape)")
    }
    let (a, b, x, y) = (ref, other.ref, value, other.value)
    let result = try x.matmul(y, transposeSelf: tA, transposeOther: tB)
    return try tape.record(result, inputs: [self, other]) {
      { g, grads in
        if a.needsGrad {
          let dx =
            tA
            ? try Tensor.matmul(y, g, transposeA: tB, transposeB: true)
            : try Tensor.matmul(g, y, transposeB: !tB)
          try grads.accumulate(dx, into: a)
        }
        if b.needsGrad {
          let dy =
            tB
            ? try Tensor.matmul(g, x, transposeA: true, transposeB: tA)
            : try Tensor.matmul(x, g, transposeA: !tA)
          try grads.accumulate(dy, into: b)
        }
      }
    }
  }

  /// The dense layer `self·Wᵀ + b` for `self` of shape `[n, in]`, `weight` `[out, in]`
  /// and an optional `bias` `[out]`, fused: the bias is written first and the GEMM adds
  /// onto it (`beta = 1`), so no separate broadcast pass runs.
  ///
  /// - Throws: `AutodiffError.shapeMismatch` naming the shapes that do not fit.
  public func linear(weight: Variable, bias: Variable?) throws -> Variable {
    guard value.rank == 2, weight.value.rank == 2, shape[1] == weight.shape[1] else {
      throw AutodiffError.invalidArgument(
        operation: "linear",
        message:
          "input \(shape) does not fit weight \(weight.shape) (expected [n, \(weight.shape.last ?? 0)])"
      )
    }
    let (n, outputs) = (shape[0], weight.shape[0])
    if let bias, bias.shape != [outputs] {
      throw AutodiffError.shapeMismatch(
        operation: "linear bias", expected: [outputs], got: bias.shape)
    }
    var result: Tensor
    if let bias {
      result = try Tensor(shape: [n, outputs]) { out in
        guard let target = out.baseAddress else { return }
        bias.value.withUnsafeBufferPointer { b in
          guard let row = b.baseAddress else { return }
          for i in 0..<n { (target + i * outputs).update(from: row, count: outputs) }
        }
      }
    } else {
      result = try Tensor.zeros([n, outputs])
    }
    try Tensor.gemm(
      transposeB: true, a: value, b: weight.value, beta: bias == nil ? 0 : 1, c: &result)
    let (x, w, rx, rw, rb) = (value, weight.value, ref, weight.ref, bias?.ref)
    let inputs = [self, weight] + (bias.map { [$0] } ?? [])
    return try tape.record(result, inputs: inputs) {
      { g, grads in
        if rx.needsGrad { try grads.accumulate(try g.matmul(w), into: rx) }
        if rw.needsGrad { try grads.accumulate(try g.matmul(x, transposeSelf: true), into: rw) }
        if let rb, rb.needsGrad { try grads.accumulate(try columnSums(g), into: rb) }
      }
    }
  }
}

/// The sums of the columns of a matrix, accumulated row by row in a fixed order (so the
/// result is reproducible and the inner loop vectorises).
func columnSums(_ g: Tensor) throws -> Tensor {
  let (rows, columns) = (g.shape[0], g.shape[1])
  return try Tensor(shape: [columns]) { out in
    out.update(repeating: 0)
    guard let sums = out.baseAddress else { return }
    g.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return }
      for i in 0..<rows {
        let row = base + i * columns
        for j in 0..<columns { sums[j] += row[j] }
      }
    }
  }
}
