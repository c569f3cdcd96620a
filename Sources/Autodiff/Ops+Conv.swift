// im2col as a differentiable op, and conv2d built on it: im2col, one GEMM, bias, layout.
import Tensors

extension Variable {
  /// The im2col matrix `[c·kh·kw, n·oh·ow]` of an NCHW input (see `ConvGeometry`);
  /// backward is col2im. A convolution is then one GEMM with the flattened kernel, and a
  /// low-rank convolution two thin ones.
  /// - Throws: `AutodiffError` for a bad geometry.
  public func im2col(kernel: (Int, Int), stride: Int = 1, padding: Int = 0) throws -> Variable {
    let geometry = try ConvGeometry(
      input: shape, kernel: kernel, stride: stride, padding: padding, operation: "im2col")
    let cols = try Tensor(shape: [geometry.patchSize, geometry.n * geometry.positions]) { out in
      guard let target = out.baseAddress else { return }
      value.withUnsafeBufferPointer { x in
        if let source = x.baseAddress { geometry.im2col(source, into: target) }
      }
    }
    let (a, shape) = (ref, self.shape)
    return try tape.record(cols, inputs: [self]) {
      { g, grads in
        let dx = try Tensor(shape: shape) { out in
          out.update(repeating: 0)
          guard let target = out.baseAddress else { return }
          g.withUnsafeBufferPointer { p in
            if let source = p.baseAddress { geometry.col2im(source, into: target) }
          }
        }
        try grads.accumulate(dx, into: a)
      }
    }
  }

  /// Turns a `[channels, n·oh·ow]` GEMM result into NCHW `[n, channels, oh, ow]`, adding an
  /// optional per-channel `bias` `[channels]` in the same pass (plane-sized block copies;
  /// a generic permute walks it element by element). Backward is the reverse copy, and
  /// the bias gradient sums each channel's planes.
  /// - Throws: `AutodiffError` when the sizes do not match.
  public func channelsToBatch(n: Int, oh: Int, ow: Int, bias: Variable? = nil) throws -> Variable {
    let plane = oh * ow
    guard value.rank == 2, shape[1] == n * plane else {
      throw AutodiffError.shapeMismatch(
        operation: "channelsToBatch", expected: [shape.first ?? 0, n * plane], got: shape)
    }
    let channels = shape[0]
    if let bias, bias.shape != [channels] {
      throw AutodiffError.shapeMismatch(
        operation: "channelsToBatch bias", expected: [channels], got: bias.shape)
    }
    let y = try swapBlocks(
      value, outer: channels, inner: n, block: plane, shape: [n, channels, oh, ow],
      adding: bias?.value)
    let (a, b, inputShape) = (ref, bias?.ref, shape)
    return try tape.record(y, inputs: [self] + (bias.map { [$0] } ?? [])) {
      { g, grads in
        let biasNeedsGrad = b?.needsGrad ?? false
        if a.needsGrad {
          // The bias gradient's per-block sums are taken while each block is copied.
          let (dy, sums) = try swapBlocks(
            g, outer: n, inner: channels, block: plane, shape: inputShape,
            summingBlocks: biasNeedsGrad)
          try grads.accumulate(dy, into: a)
          if let b, let sums {
            try grads.accumulate(
              try channelSums(blockSums: sums, n: n, channels: channels), into: b)
          }
        } else if let b, biasNeedsGrad {
          try grads.accumulate(try channelSums(g, n: n, channels: channels, plane: plane), into: b)
        }
      }
    }
  }

  /// The 2-D cross-correlation of NCHW `self` with `weight` `[out, in, kh, kw]` plus an
  /// optional `bias` `[out]` (PyTorch's `conv2d`): im2col, then the kernel flattened
  /// filter-wise to `[out, in·kh·kw]` times the columns, then the bias, then NCHW layout.
  ///
  /// ```swift
  /// let y = try x.conv2d(weight: w, bias: b, stride: 1, padding: 2)
  /// ```
  /// - Throws: `AutodiffError` when the channels or shapes do not fit, naming both.
  public func conv2d(
    weight: Variable, bias: Variable?, stride: Int = 1, padding: Int = 0
  ) throws -> Variable {
    guard weight.value.rank == 4, value.rank == 4, weight.shape[1] == shape[1] else {
      throw AutodiffError.invalidArgument(
        operation: "conv2d",
        message:
          "input \(shape) does not fit weight \(weight.shape) (expected [n, \(weight.shape.count > 1 ? weight.shape[1] : 0), h, w])"
      )
    }
    let outputs = weight.shape[0]
    if let bias, bias.shape != [outputs] {
      throw AutodiffError.shapeMismatch(
        operation: "conv2d bias", expected: [outputs], got: bias.shape)
    }
    let geometry = try ConvGeometry(
      input: shape, kernel: (weight.shape[2], weight.shape[3]), stride: stride,
      padding: padding, operation: "conv2d")
    let y = try patchProduct(
      weight.reshaped([outputs, geometry.patchSize]), transposed: false,
      kernel: (geometry.kh, geometry.kw), stride: stride, padding: padding)
    return try y.channelsToBatch(n: geometry.n, oh: geometry.oh, ow: geometry.ow, bias: bias)
  }

  /// `F·X` (or `Fᵀ·X` when `transposed`) for the im2col matrix `X` of NCHW `self` and a
  /// matrix `filters` `[m, c·kh·kw]` (`[c·kh·kw, m]` when transposed): `[m, n·oh·ow]`, the
  /// same as `filters.matmul(im2col(…))` but without forming `X` whole — every product,
  /// forward and backward, runs on cache-sized blocks of it (`PatchMatrix`).
  /// - Throws: `AutodiffError` for a bad geometry; `TensorError` when `filters` do not fit.
  public func patchProduct(
    _ filters: Variable, transposed: Bool, kernel: (Int, Int), stride: Int = 1, padding: Int = 0
  ) throws -> Variable {
    let patches = try PatchMatrix(input: value, kernel: kernel, stride: stride, padding: padding)
    let f = filters.value
    let y = try patches.leftProduct(f, transposed: transposed)
    let (rx, rf) = (ref, filters.ref)
    return try tape.record(y, inputs: [self, filters]) {
      { g, grads in
        if rf.needsGrad {
          let df =
            transposed
            ? try patches.timesTranspose(right: g) : try patches.timesTranspose(left: g)
          try grads.accumulate(df, into: rf)
        }
        if rx.needsGrad {
          try grads.accumulate(
            try patches.inputGradient(f, transposed: transposed, outputGradient: g), into: rx)
        }
      }
    }
  }
}

/// Reorders `[outer, inner, block]` into `[inner, outer, block]` with contiguous block
/// copies, adding `bias[o]` to every element of outer index `o` when given.
func swapBlocks(
  _ x: Tensor, outer: Int, inner: Int, block: Int, shape: [Int], adding bias: Tensor? = nil
) throws -> Tensor {
  try swapBlocks(
    x, outer: outer, inner: inner, block: block, shape: shape, adding: bias,
    summingBlocks: false
  ).0
}

/// `swapBlocks`, also returning with `summingBlocks` the sum of every block of `x`
/// (`[outer, inner]`, each as `blockSum` takes it) from the same pass over `x`.
func swapBlocks(
  _ x: Tensor, outer: Int, inner: Int, block: Int, shape: [Int], adding bias: Tensor? = nil,
  summingBlocks: Bool
) throws -> (Tensor, [Float]?) {
  var sums = [Float](repeating: 0, count: summingBlocks ? outer * inner : 0)
  let y = try Tensor(shape: shape) { out in
    guard let target = out.baseAddress else { return }
    x.withUnsafeBufferPointer { p in
      sums.withUnsafeMutableBufferPointer { blockSums in
        guard let source = p.baseAddress else { return }
        let offsets = bias?.scalars
        Parallel.forEach(outer, work: outer * inner * block) { chunk in
          for o in chunk {
            let shift = offsets?[o] ?? 0
            for i in 0..<inner {
              let (from, to) = (source + (o * inner + i) * block, target + (i * outer + o) * block)
              if offsets == nil {
                to.update(from: from, count: block)
              } else {
                for k in 0..<block { to[k] = from[k] + shift }
              }
              if summingBlocks { blockSums[o * inner + i] = blockSum(from, count: block) }
            }
          }
        }
      }
    }
  }
  return (y, summingBlocks ? sums : nil)
}

/// The sum of `count` floats in eight running sums (a single Float accumulator would
/// serialise every addition: LLVM may not reorder them), then the tail.
private func blockSum(_ row: UnsafePointer<Float>, count: Int) -> Float {
  var lanes = SIMD8<Float>()
  var k = 0
  let raw = UnsafeRawPointer(row)
  while k + 8 <= count {
    lanes += raw.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
    k += 8
  }
  var partial = lanes.sum()
  while k < count {
    partial += row[k]
    k += 1
  }
  return partial
}

/// Per-channel sums of an NCHW gradient `[n, channels, plane]`, in a fixed order.
func channelSums(_ g: Tensor, n: Int, channels: Int, plane: Int) throws -> Tensor {
  var sums = [Float](repeating: 0, count: n * channels)
  g.withUnsafeBufferPointer { p in
    guard let base = p.baseAddress else { return }
    for i in 0..<(n * channels) { sums[i] = blockSum(base + i * plane, count: plane) }
  }
  return try channelSums(blockSums: sums, n: n, channels: channels)
}

/// Per-channel sums from the sums of each image's plane (`[n, channels]`): added image by
/// image in Double, so the result does not depend on how the planes were summed in parallel.
func channelSums(blockSums sums: [Float], n: Int, channels: Int) throws -> Tensor {
  try Tensor(shape: [channels]) { out in
    for c in 0..<channels {
      var total: Double = 0
      for i in 0..<n { total += Double(sums[i * channels + c]) }
      out[c] = Float(total)
    }
  }
}
