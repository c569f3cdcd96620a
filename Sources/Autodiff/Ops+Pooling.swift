// Max and average pooling over NCHW inputs (no padding), with their backward rules.
import Tensors

extension Variable {
  /// The maximum of each `size × size` window, moving by `stride` (default `size`).
  /// Backward routes each output gradient to the (first) largest input of its window.
  /// - Throws: `AutodiffError` for a bad geometry.
  public func maxPool2d(size: Int, stride: Int? = nil) throws -> Variable {
    let geometry = try ConvGeometry(
      input: shape, kernel: (size, size), stride: stride ?? size, padding: 0,
      operation: "maxPool2d")
    let g0 = geometry
    let planes = g0.n * g0.c
    var argmax = [Int32](repeating: 0, count: planes * g0.positions)
    let y = try Tensor(shape: [g0.n, g0.c, g0.oh, g0.ow]) { out in
      value.withUnsafeBufferPointer { x in
        argmax.withUnsafeMutableBufferPointer { index in
          if size == 2, g0.stride == 2 {
            maxPool2x2(x, g0, planes: planes, into: out, index: index)
            return
          }
          for plane in 0..<planes {
            let base = plane * g0.h * g0.w
            for oy in 0..<g0.oh {
              for ox in 0..<g0.ow {
                var best = -Float.infinity
                var where_ = base + oy * g0.stride * g0.w + ox * g0.stride
                for ki in 0..<size {
                  let rowStart = base + (oy * g0.stride + ki) * g0.w + ox * g0.stride
                  for kj in 0..<size where x[rowStart + kj] > best || x[rowStart + kj].isNaN {
                    best = x[rowStart + kj]
                    where_ = rowStart + kj
                    if best.isNaN { break }
                  }
                }
                let o = (plane * g0.oh + oy) * g0.ow + ox
                out[o] = best
                index[o] = Int32(truncatingIfNeeded: where_)
              }
            }
          }
        }
      }
    }
    let (a, shape) = (ref, self.shape)
    return try tape.record(y, inputs: [self]) {
      { g, grads in
        let dx = try Tensor(shape: shape) { out in
          out.update(repeating: 0)
          g.withUnsafeBufferPointer { pg in
            argmax.withUnsafeBufferPointer { index in
              for o in 0..<pg.count { out[Int(index[o])] += pg[o] }
            }
          }
        }
        try grads.accumulate(dx, into: a)
      }
    }
  }

  /// The mean of each `size × size` window, moving by `stride` (default `size`).
  /// Backward spreads each output gradient evenly over its window.
  /// - Throws: `AutodiffError` for a bad geometry.
  public func avgPool2d(size: Int, stride: Int? = nil) throws -> Variable {
    let g0 = try ConvGeometry(
      input: shape, kernel: (size, size), stride: stride ?? size, padding: 0,
      operation: "avgPool2d")
    let planes = g0.n * g0.c
    let scale = 1 / Float(size * size)
    let y = try Tensor(shape: [g0.n, g0.c, g0.oh, g0.ow]) { out in
      value.withUnsafeBufferPointer { x in
        for plane in 0..<planes {
          let base = plane * g0.h * g0.w
          for oy in 0..<g0.oh {
            for ox in 0..<g0.ow {
              var total: Float = 0
              for ki in 0..<size {
                let rowStart = base + (oy * g0.stride + ki) * g0.w + ox * g0.stride
                for kj in 0..<size { total += x[rowStart + kj] }
              }
              out[(plane * g0.oh + oy) * g0.ow + ox] = total * scale
            }
          }
        }
      }
    }
    let (a, shape) = (ref, self.shape)
    return try tape.record(y, inputs: [self]) {
      { g, grads in
        let dx = try Tensor(shape: shape) { out in
          out.update(repeating: 0)
          g.withUnsafeBufferPointer { pg in
            for plane in 0..<planes {
              let base = plane * g0.h * g0.w
              for oy in 0..<g0.oh {
                for ox in 0..<g0.ow {
                  let share = pg[(plane * g0.oh + oy) * g0.ow + ox] * scale
                  for ki in 0..<size {
                    let rowStart = base + (oy * g0.stride + ki) * g0.w + ox * g0.stride
                    for kj in 0..<size { out[rowStart + kj] += share }
                  }
                }
              }
            }
          }
        }
        try grads.accumulate(dx, into: a)
      }
    }
  }
}

/// The common 2×2, stride-2 max pool: straight-line comparisons, no inner loops.
/// Ties and NaNs resolve as in the general loop (first largest; the first NaN wins).
private func maxPool2x2(
  _ x: UnsafeBufferPointer<Float>, _ g: ConvGeometry, planes: Int,
  into out: UnsafeMutableBufferPointer<Float>, index: UnsafeMutableBufferPointer<Int32>
) {
  for plane in 0..<planes {
    let base = plane * g.h * g.w
    for oy in 0..<g.oh {
      let top = base + 2 * oy * g.w
      let bottom = top + g.w
      let row = (plane * g.oh + oy) * g.ow
      for ox in 0..<g.ow {
        let (i0, i2) = (top + 2 * ox, bottom + 2 * ox)
        let (a, b, c, d) = (x[i0], x[i0 + 1], x[i2], x[i2 + 1])
        var best = Swift.max(Swift.max(a, b), Swift.max(c, d))
        // Selects, not branches: which corner wins is data-dependent and unpredictable.
        var at = a == best ? i0 : b == best ? i0 + 1 : c == best ? i2 : i2 + 1
        if (a + b + c + d).isNaN {
          // Rare: NaN (or ∞ − ∞) in the window; the first NaN wins.
          (best, at) = a.isNaN ? (a, i0) : b.isNaN ? (b, i0 + 1) : c.isNaN ? (c, i2) : d.isNaN ? (d, i2 + 1) : (best, at)
        }
        out[row + ox] = best
        index[row + ox] = Int32(truncatingIfNeeded: at)
      }
    }
  }
}
