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
    // Window positions are kept as Int32 (half the memory of Int).
    guard value.count <= Int(Int32.max) else {
      throw AutodiffError.invalidArgument(
        operation: "maxPool2d", message: "input has more than 2³¹ − 1 elements")
    }
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
        // Windows that tile the input exactly (2×2, stride 2, even sides) cover every
        // element once, so each window's four slots are written directly, without a
        // separate zero-fill pass.
        let tiles = size == 2 && g0.stride == 2 && g0.h == 2 * g0.oh && g0.w == 2 * g0.ow
        let dx = try Tensor(shape: shape) { out in
          if !tiles { out.update(repeating: 0) }
          g.withUnsafeBufferPointer { pg in
            argmax.withUnsafeBufferPointer { index in
              if tiles {
                // Planes are disjoint in both tensors: split them over the threads.
                Parallel.forEach(planes, work: planes &* g0.h &* g0.w) { chunk in
                  for plane in chunk {
                    for oy in 0..<g0.oh {
                      let top = (plane * g0.h + 2 * oy) * g0.w
                      for ox in 0..<g0.ow {
                        let (i0, i2) = (top + 2 * ox, top + 2 * ox + g0.w)
                        (out[i0], out[i0 + 1], out[i2], out[i2 + 1]) = (0, 0, 0, 0)
                        let o = (plane * g0.oh + oy) * g0.ow + ox
                        out[Int(index[o])] = pg[o]
                      }
                    }
                  }
                }
              } else {
                for o in 0..<pg.count { out[Int(index[o])] += pg[o] }
              }
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

/// The common 2×2, stride-2 max pool without branches in the loop: which corner wins is
/// data-dependent and unpredictable, so the corner is computed arithmetically from 0/1
/// comparison results, and the loop uses wrapping arithmetic (indices are in range by
/// construction). Ties resolve to the first largest, as in the general loop; windows with
/// a NaN (rare) are redone afterwards so that the first NaN wins.
private func maxPool2x2(
  _ x: UnsafeBufferPointer<Float>, _ g: ConvGeometry, planes: Int,
  into out: UnsafeMutableBufferPointer<Float>, index: UnsafeMutableBufferPointer<Int32>
) {
  guard let source = x.baseAddress, let target = out.baseAddress, let slots = index.baseAddress
  else { return }
  let (w, oh, ow) = (g.w, g.oh, g.ow)
  let w32 = Int32(truncatingIfNeeded: w)
  // One flag per plane, so that concurrent chunks never write the same memory.
  var nanPlanes = [UInt8](repeating: 0, count: planes)
  nanPlanes.withUnsafeMutableBufferPointer { flags in
    guard let flag = flags.baseAddress else { return }
    Parallel.forEach(planes, work: planes &* g.h &* w) { chunk in
      for plane in chunk {
        flag[plane] = maxPool2x2(
          plane: plane, source, g, w32: w32, into: target, slots)
      }
    }
  }
  guard nanPlanes.contains(where: { $0 != 0 }) else { return }
  for o in 0..<(planes &* oh &* ow) {
    let (plane, rest) = o.quotientAndRemainder(dividingBy: oh &* ow)
    let (oy, ox) = rest.quotientAndRemainder(dividingBy: ow)
    let i0 = plane &* g.h &* w &+ 2 &* oy &* w &+ 2 &* ox
    let corners = (i0, i0 &+ 1, i0 &+ w, i0 &+ w &+ 1)
    for i in [corners.0, corners.1, corners.2, corners.3] where source[i].isNaN {
      target[o] = source[i]
      slots[o] = Int32(truncatingIfNeeded: i)
      break
    }
  }
}

/// One plane of `maxPool2x2`; returns 1 when a window sum was NaN or infinite (the
/// caller then redoes NaN windows), else 0.
@inline(__always)
private func maxPool2x2(
  plane: Int, _ source: UnsafePointer<Float>, _ g: ConvGeometry, w32: Int32,
  into target: UnsafeMutablePointer<Float>, _ slots: UnsafeMutablePointer<Int32>
) -> UInt8 {
  let (w, oh, ow) = (g.w, g.oh, g.ow)
  var sawNaN = false
  let base = plane &* g.h &* w
  for oy in 0..<oh {
    let top = base &+ 2 &* oy &* w
    let row = (plane &* oh &+ oy) &* ow
    let (upper, lower) = (source + top, source + (top &+ w))
    let (values, positions) = (target + row, slots + row)
    let start = Int32(truncatingIfNeeded: top)
    // Integer flags and arithmetic only (no `||`, no `?:` on the result), so LLVM
    // vectorises the loop instead of branching per window.
    var nanBits: UInt32 = 0
    for ox in 0..<ow {
      let j = 2 &* ox
      let (a, b, c, d) = (upper[j], upper[j &+ 1], lower[j], lower[j &+ 1])
      let best = Swift.max(Swift.max(a, b), Swift.max(c, d))
      let notA: Int32 = a == best ? 0 : 1
      let notAB: Int32 = notA & (b == best ? 0 : 1)
      let notABC: Int32 = notAB & (c == best ? 0 : 1)
      let corner = notA &+ notAB &+ notABC
      values[ox] = best
      positions[ox] =
        start &+ Int32(truncatingIfNeeded: j) &+ (corner & 1) &+ (corner &>> 1) &* w32
      let sum = (a + b + c + d).bitPattern
      nanBits |= (sum & 0x7f80_0000) == 0x7f80_0000 ? 1 : 0
    }
    sawNaN = sawNaN || nanBits != 0
  }
  return sawNaN ? 1 : 0
}
