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
