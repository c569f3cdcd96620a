// Softmax, log-softmax over the last axis, and the fused, stable softmax cross-entropy.
import Tensors

#if canImport(Glibc)
  import Glibc
#endif

/// Stable log-softmax of each row of length `c`: x − max − log Σ e^(x − max).
@inline(__always)
private func logSoftmaxRows(_ x: Tensor, columns c: Int) throws -> Tensor {
  try Tensor(shape: x.shape) { out in
    x.withUnsafeBufferPointer { p in
      let rows = c == 0 ? 0 : p.count / c
      for i in 0..<rows {
        let row = i * c
        var largest = -Float.infinity
        for j in 0..<c { largest = Swift.max(largest, p[row + j]) }
        var total: Float = 0
        for j in 0..<c { total += expf(p[row + j] - largest) }
        let shift = largest + logf(total)
        for j in 0..<c { out[row + j] = p[row + j] - shift }
      }
    }
  }
}

extension Variable {
  private var lastAxis: Int { shape.last ?? 1 }

  /// The softmax over the last axis; backward y ⊙ (g − Σ g ⊙ y) per row.
  /// - Throws: `AutodiffError` for a rank-0 value.
  public func softmax() throws -> Variable {
    guard value.rank > 0 else {
      throw AutodiffError.invalidArgument(operation: "softmax", message: "needs at least one axis")
    }
    let c = lastAxis
    let y = try logSoftmaxRows(value, columns: c).exp()
    let a = ref
    return try tape.record(y, inputs: [self]) {
      { g, grads in
        let dx = try Tensor(shape: y.shape) { out in
          g.withUnsafeBufferPointer { pg in
            y.withUnsafeBufferPointer { py in
              for row in stride(from: 0, to: out.count, by: Swift.max(c, 1)) {
                var dot: Float = 0
                for j in 0..<c { dot += pg[row + j] * py[row + j] }
                for j in 0..<c { out[row + j] = py[row + j] * (pg[row + j] - dot) }
              }
            }
          }
        }
        try grads.accumulate(dx, into: a)
      }
    }
  }

  /// The log-softmax over the last axis, computed stably; backward g − softmax · Σ g.
  /// - Throws: `AutodiffError` for a rank-0 value.
  public func logSoftmax() throws -> Variable {
    guard value.rank > 0 else {
      throw AutodiffError.invalidArgument(
        operation: "logSoftmax", message: "needs at least one axis")
    }
    let c = lastAxis
    let y = try logSoftmaxRows(value, columns: c)
    let a = ref
    return try tape.record(y, inputs: [self]) {
      { g, grads in
        let dx = try Tensor(shape: y.shape) { out in
          g.withUnsafeBufferPointer { pg in
            y.withUnsafeBufferPointer { py in
              for row in stride(from: 0, to: out.count, by: Swift.max(c, 1)) {
                var total: Float = 0
                for j in 0..<c { total += pg[row + j] }
                for j in 0..<c { out[row + j] = pg[row + j] - expf(py[row + j]) * total }
              }
            }
          }
        }
        try grads.accumulate(dx, into: a)
      }
    }
  }

  /// The mean cross-entropy of logits `[n, classes]` against `labels`: class indices
  /// `[n]` (whole numbers stored as Float) or target distributions `[n, classes]`.
  /// Fused and stable: log-softmax once, and backward `(softmax − target) / n`.
  ///
  /// ```swift
  /// let loss = try logits.softmaxCrossEntropy(labels: y)   // y = [3, 0, 7, …]
  /// ```
  /// - Throws: `AutodiffError` for shapes that do not fit or a label that is not a class.
  public func softmaxCrossEntropy(labels: Tensor) throws -> Variable {
    guard value.rank == 2 else {
      throw AutodiffError.invalidArgument(
        operation: "softmaxCrossEntropy", message: "logits must be [n, classes], got \(shape)")
    }
    let (n, c) = (shape[0], shape[1])
    let target = try targetDistribution(labels, rows: n, classes: c)
    let logp = try logSoftmaxRows(value, columns: c)
    var total = 0.0
    logp.withUnsafeBufferPointer { lp in
      target.withUnsafeBufferPointer { t in
        for i in 0..<lp.count where t[i] != 0 { total -= Double(t[i]) * Double(lp[i]) }
      }
    }
    let loss = Tensor(scalar: Float(total / Double(Swift.max(n, 1))))
    let a = ref
    return try tape.record(loss, inputs: [self]) {
      { g, grads in
        let scale = try g.item() / Float(Swift.max(n, 1))
        try grads.accumulate(try zipMap(logp, target, CrossEntropyGradient(scale: scale)), into: a)
      }
    }
  }
}

/// One-hot rows for class-index labels, or the labels themselves when they already are
/// distributions of the logits' shape.
func targetDistribution(_ labels: Tensor, rows n: Int, classes c: Int) throws -> Tensor {
  if labels.shape == [n, c] { return labels }
  guard labels.shape == [n] else {
    throw AutodiffError.invalidArgument(
      operation: "softmaxCrossEntropy",
      message:
        "labels must be [\(n)] class indices or [\(n), \(c)] distributions, got \(labels.shape)")
  }
  var bad: Float? = nil
  let oneHot = try Tensor(shape: [n, c]) { out in
    out.update(repeating: 0)
    labels.withUnsafeBufferPointer { l in
      for i in 0..<n {
        let label = l[i]
        guard label >= 0, label < Float(c), label == label.rounded() else {
          bad = label
          return
        }
        out[i * c + Int(label)] = 1
      }
    }
  }
  if let bad {
    throw AutodiffError.invalidArgument(
      operation: "softmaxCrossEntropy", message: "label \(bad) is not a class index in 0..<\(c)")
  }
  return oneHot
}

/// `(e^logp − target) · scale`: the fused cross-entropy gradient.
struct CrossEntropyGradient: BinaryKernel {
  var scale: Float
  @inline(__always) func callAsFunction(_ logp: Float, _ target: Float) -> Float {
    (expf(logp) - target) * scale
  }
}
