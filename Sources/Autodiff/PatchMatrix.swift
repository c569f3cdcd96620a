// The im2col matrix of a batch as an operand of products, formed a cache-sized block at a time.
import Tensors

/// The im2col matrix `X` `[c·kh·kw, n·oh·ow]` of an NCHW batch (see `ConvGeometry`), never
/// formed whole: every product with it walks the batch a few images at a time, forming
/// each block of `X` in cache just before BLAS reads it (`ConvGeometry.forEachBlock`).
/// Convolutions, their gradients and the DLRT integrators' `G·M`, `Gᵀ·M` of a
/// convolution's kernel gradient `G = Δ·Xᵀ` are all such products.
///
/// ```swift
/// let x = try PatchMatrix(input: images, kernel: (5, 5), stride: 1, padding: 0)
/// let z = try x.leftProduct(v, transposed: true)  // Vᵀ·X, [r, n·oh·ow]
/// ```
public struct PatchMatrix {
  /// The window geometry over the input.
  public let geometry: ConvGeometry
  /// The NCHW input batch.
  public let input: Tensor

  /// The patches of `input` `[n, c, h, w]` under a `kernel` window.
  /// - Throws: `AutodiffError` for a bad geometry.
  public init(input: Tensor, kernel: (Int, Int), stride: Int, padding: Int) throws {
    geometry = try ConvGeometry(
      input: input.shape, kernel: kernel, stride: stride, padding: padding, operation: "im2col")
    self.input = input
  }

  /// Rows of `X`: `c·kh·kw`.
  public var rows: Int { geometry.patchSize }
  /// Columns of `X`: `n·oh·ow`.
  public var columns: Int { geometry.n * geometry.positions }

  /// `F·X` for `f` `[m, rows]`, or `Fᵀ·X` for `f` `[rows, m]` when `transposed`:
  /// `[m, columns]`. With `F` a flattened kernel this is a convolution before its layout.
  /// - Throws: `TensorError` when `f` does not fit.
  public func leftProduct(_ f: Tensor, transposed: Bool) throws -> Tensor {
    let m = try outerSize(of: f, transposed: transposed, operation: "patch product")
    let (width, positions) = (columns, geometry.positions)
    return try Tensor(shape: [m, width]) { out in
      guard let target = out.baseAddress else { return }
      try forEachBlock { _, images, cols in
        try f.withUnsafeBufferPointer { fp in
          guard let weights = fp.baseAddress else { return }
          try Tensor.unsafeGEMM(
            transposeA: transposed, transposeB: false, m: m, n: images.count * positions,
            k: rows, alpha: 1, a: weights, lda: transposed ? m : rows, b: cols,
            ldb: images.count * positions, beta: 0, c: target + images.lowerBound * positions,
            ldc: width)
        }
      }
    }
  }

  /// `X·Bᵀ` for `b` `[k, columns]`: `[rows, k]`, summed over the blocks in a fixed order
  /// (reproducible). With `B` a convolution's output gradient `[m, columns]` this is the
  /// gradient of the factor `F` in `Fᵀ·X`.
  /// - Throws: `TensorError` when `b` does not fit.
  public func timesTranspose(right b: Tensor) throws -> Tensor {
    guard b.rank == 2, b.shape[1] == columns else {
      throw TensorError.shapeMismatch(
        operation: "X·Bᵀ", lhs: [rows, columns], rhs: b.shape, reason: "are not aligned")
    }
    let (k, width, positions) = (b.shape[0], columns, geometry.positions)
    return try sumOverBlocks(rows: rows, columns: k) { images, cols, partial in
      try b.withUnsafeBufferPointer { bp in
        guard let base = bp.baseAddress else { return }
        try Tensor.unsafeGEMM(
          transposeA: false, transposeB: true, m: rows, n: k, k: images.count * positions,
          alpha: 1, a: cols, lda: images.count * positions,
          b: base + images.lowerBound * positions, ldb: width, beta: 0, c: partial, ldc: k)
      }
    }
  }

  /// `G·Xᵀ` for `g` `[m, columns]`: `[m, rows]`, the gradient of `F` in `F·X`.
  /// - Throws: `TensorError` when `g` does not fit.
  public func timesTranspose(left g: Tensor) throws -> Tensor {
    guard g.rank == 2, g.shape[1] == columns else {
      throw TensorError.shapeMismatch(
        operation: "G·Xᵀ", lhs: g.shape, rhs: [rows, columns], reason: "are not aligned")
    }
    let (m, width, positions) = (g.shape[0], columns, geometry.positions)
    return try sumOverBlocks(rows: m, columns: rows) { images, cols, partial in
      try g.withUnsafeBufferPointer { gp in
        guard let base = gp.baseAddress else { return }
        try Tensor.unsafeGEMM(
          transposeA: false, transposeB: true, m: m, n: rows, k: images.count * positions,
          alpha: 1, a: base + images.lowerBound * positions, lda: width, b: cols,
          ldb: images.count * positions, beta: 0, c: partial, ldc: rows)
      }
    }
  }

  /// `G·M` for the kernel gradient `G = Δ·Xᵀ` `[m, rows]` of a convolution with output
  /// gradient `delta` `[m, columns]`, and `mat` `[rows, k]`: `Δ·(Xᵀ·M)` `[m, k]`, formed
  /// block by block (each block's `Xᵀ·M` stays in cache) and summed in block order.
  /// - Throws: `TensorError` when `delta` or `mat` does not fit.
  public func kernelGradientTimes(outputGradient delta: Tensor, _ mat: Tensor) throws -> Tensor {
    let k = try outerSize(of: mat, transposed: true, operation: "Δ·Xᵀ·M")
    let m = try checkedOutputGradient(delta, operation: "Δ·Xᵀ·M")
    let (width, positions) = (columns, geometry.positions)
    let projected = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, columns * k))
    defer { projected.deallocate() }
    return try sumOverBlocks(rows: m, columns: k) { images, cols, partial in
      try mat.withUnsafeBufferPointer { mp in
        try delta.withUnsafeBufferPointer { dp in
          guard let factor = mp.baseAddress, let gradient = dp.baseAddress else { return }
          let cc = images.count * positions
          // Each block its own scratch (blocks may run on different threads).
          let z = projected + images.lowerBound * positions * k
          try Tensor.unsafeGEMM(  // Z = Xᵀ·M for this block, [cc, k]
            transposeA: true, transposeB: false, m: cc, n: k, k: rows, alpha: 1, a: cols,
            lda: cc, b: factor, ldb: k, beta: 0, c: z, ldc: k)
          try Tensor.unsafeGEMM(  // Δ_block·Z, [m, k]
            transposeA: false, transposeB: false, m: m, n: k, k: cc, alpha: 1,
            a: gradient + images.lowerBound * positions, lda: width, b: z, ldb: k, beta: 0,
            c: partial, ldc: k)
        }
      }
    }
  }

  /// `Gᵀ·M` for the kernel gradient `G = Δ·Xᵀ` of a convolution with output gradient
  /// `delta` `[m, columns]`, and `mat` `[m, k]`: `X·(Δᵀ·M)` `[rows, k]`, block by block.
  /// - Throws: `TensorError` when `delta` or `mat` does not fit.
  public func kernelGradientTransposeTimes(outputGradient delta: Tensor, _ mat: Tensor) throws
    -> Tensor
  {
    let m = try checkedOutputGradient(delta, operation: "X·Δᵀ·M")
    guard mat.rank == 2, mat.shape[0] == m else {
      throw TensorError.shapeMismatch(
        operation: "X·Δᵀ·M", lhs: delta.shape, rhs: mat.shape, reason: "are not aligned")
    }
    let (k, width, positions) = (mat.shape[1], columns, geometry.positions)
    let projected = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, columns * k))
    defer { projected.deallocate() }
    return try sumOverBlocks(rows: rows, columns: k) { images, cols, partial in
      try mat.withUnsafeBufferPointer { mp in
        try delta.withUnsafeBufferPointer { dp in
          guard let factor = mp.baseAddress, let gradient = dp.baseAddress else { return }
          let cc = images.count * positions
          let t = projected + images.lowerBound * positions * k
          try Tensor.unsafeGEMM(  // T = Δ_blockᵀ·M, [cc, k]
            transposeA: true, transposeB: false, m: cc, n: k, k: m, alpha: 1,
            a: gradient + images.lowerBound * positions, lda: width, b: factor, ldb: k, beta: 0,
            c: t, ldc: k)
          try Tensor.unsafeGEMM(  // X_block·T, [rows, k]
            transposeA: false, transposeB: false, m: rows, n: k, k: cc, alpha: 1, a: cols,
            lda: cc, b: t, ldb: k, beta: 0, c: partial, ldc: k)
        }
      }
    }
  }

  /// `m` of an output gradient `[m, columns]`, or an error.
  private func checkedOutputGradient(_ delta: Tensor, operation: String) throws -> Int {
    guard delta.rank == 2, delta.shape[1] == columns else {
      throw TensorError.shapeMismatch(
        operation: operation, lhs: delta.shape, rhs: [rows, columns],
        reason: "do not fit (Δ needs \(columns) columns)")
    }
    return delta.shape[0]
  }

  /// The gradient of the input batch through `op(F)·X` given its output gradient `g`
  /// `[m, columns]`: col2im of `op(F)ᵀ·g`, formed block by block. `[n, c, h, w]`.
  /// - Throws: `TensorError` when `f` or `g` does not fit.
  public func inputGradient(_ f: Tensor, transposed: Bool, outputGradient g: Tensor) throws
    -> Tensor
  {
    let m = try outerSize(of: f, transposed: transposed, operation: "patch product gradient")
    guard g.shape == [m, columns] else {
      throw TensorError.shapeMismatch(
        operation: "patch product gradient", lhs: [m, columns], rhs: g.shape,
        reason: "differ (output and its gradient)")
    }
    let (width, positions) = (columns, geometry.positions)
    return try Tensor(shape: input.shape) { out in
      guard let target = out.baseAddress else { return }
      out.update(repeating: 0)
      try f.withUnsafeBufferPointer { fp in
        try g.withUnsafeBufferPointer { gp in
          guard let weights = fp.baseAddress, let gradient = gp.baseAddress else { return }
          try geometry.forEachGradientBlock(into: target) { images, cols in
            // op(F)ᵀ is [rows, m]: F itself when F is [rows, m], else F transposed.
            try Tensor.unsafeGEMM(
              transposeA: !transposed, transposeB: false, m: rows, n: images.count * positions,
              k: m, alpha: 1, a: weights, lda: transposed ? m : rows,
              b: gradient + images.lowerBound * positions, ldb: width, beta: 0, c: cols,
              ldc: images.count * positions)
          }
        }
      }
    }
  }

  /// Runs `body` over the blocks of `X` (see `ConvGeometry.forEachBlock`).
  private func forEachBlock(
    _ body: (Int, Range<Int>, UnsafePointer<Float>) throws -> Void
  ) throws {
    try input.withUnsafeBufferPointer { xp in
      guard let x = xp.baseAddress else { return }
      try geometry.forEachBlock(of: x, body)
    }
  }

  /// A `[rows, columns]` sum of one product per block: `body(images, cols, partial)`
  /// writes block `images`' term into `partial` (uninitialised); the terms are then added
  /// in block order, so the sum does not depend on how blocks were spread over threads.
  private func sumOverBlocks(
    rows: Int, columns: Int,
    _ body: (Range<Int>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) throws -> Void
  ) throws -> Tensor {
    let size = rows * columns
    let blockCount = geometry.blocks.count
    guard blockCount > 0 else { return try Tensor.zeros([rows, columns]) }
    let partials = UnsafeMutablePointer<Float>.allocate(capacity: size * blockCount)
    defer { partials.deallocate() }
    try forEachBlock { index, images, cols in try body(images, cols, partials + index * size) }
    return try Tensor(shape: [rows, columns]) { out in
      guard let target = out.baseAddress else { return }
      target.update(from: partials, count: size)
      for index in 1..<blockCount {
        addRun(from: partials + index * size, to: target, count: size)
      }
    }
  }

  /// `m` of `F` `[m, rows]` (or `[rows, m]` when `transposed`), or an error.
  private func outerSize(of f: Tensor, transposed: Bool, operation: String) throws -> Int {
    guard f.rank == 2, f.shape[transposed ? 0 : 1] == rows else {
      throw TensorError.shapeMismatch(
        operation: operation, lhs: f.shape, rhs: [rows, columns],
        reason: "do not fit (\(transposed ? "Fᵀ·X needs F [\(rows), m]" : "F·X needs F [m, \(rows)]"))")
    }
    return f.shape[transposed ? 1 : 0]
  }
}
