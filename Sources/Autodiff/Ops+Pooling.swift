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

/// The common 2×2, stride-2 max pool, four windows at a time in SIMD lanes: which corner
/// wins is data-dependent and unpredictable, so it is chosen with lane selects rather
/// than branches. Ties and NaNs resolve as in the general loop (first largest; the first
/// NaN wins), NaN windows through the scalar path.
private func maxPool2x2(
  _ x: UnsafeBufferPointer<Float>, _ g: ConvGeometry, planes: Int,
  into out: UnsafeMutableBufferPointer<Float>, index: UnsafeMutableBufferPointer<Int32>
) {
  guard let source = x.baseAddress, let target = out.baseAddress, let slots = index.baseAddress
  else { return }
  let (w, oh, ow) = (g.w, g.oh, g.ow)
  let rowStep = SIMD4<Int32>(repeating: Int32(truncatingIfNeeded: w))
  let lanes = SIMD4<Int32>(0, 2, 4, 6)
  for plane in 0..<planes {
    let base = plane &* g.h &* w
    for oy in 0..<oh {
      let top = base &+ 2 &* oy &* w
      let row = (plane &* oh &+ oy) &* ow
      let (upper, lower) = (UnsafeRawPointer(source + top), UnsafeRawPointer(source + (top &+ w)))
      var ox = 0
      // 2·ox + 8 ≤ 2·ow ≤ w: the 8-wide loads stay inside the two rows.
      while ox &+ 4 <= ow {
        let j = 2 &* ox
        let above = upper.loadUnaligned(fromByteOffset: j &* 4, as: SIMD8<Float>.self)
        let below = lower.loadUnaligned(fromByteOffset: j &* 4, as: SIMD8<Float>.self)
        let (a, b, c, d) = (above.evenHalf, above.oddHalf, below.evenHalf, below.oddHalf)
        let total = a + b + c + d
        if any(total .!= total) {
          for k in ox..<(ox &+ 4) {
            maxPoolWindow(
              source, top: top, w: w, ox: k, into: target + (row &+ k), slots + (row &+ k))
          }
        } else {
          let best = pointwiseMax(pointwiseMax(a, b), pointwiseMax(c, d))
          var corner = SIMD4<Int32>(repeating: 3)
          corner.replace(with: 2, where: c .== best)
          corner.replace(with: 1, where: b .== best)
          corner.replace(with: 0, where: a .== best)
          let at =
            SIMD4<Int32>(repeating: Int32(truncatingIfNeeded: top &+ j)) &+ lanes &+ (corner & 1)
            &+ (corner &>> 1) &* rowStep
          UnsafeMutableRawPointer(target + (row &+ ox)).storeBytes(of: best, as: SIMD4<Float>.self)
          UnsafeMutableRawPointer(slots + (row &+ ox)).storeBytes(of: at, as: SIMD4<Int32>.self)
        }
        ox &+= 4
      }
      while ox < ow {
        maxPoolWindow(
          source, top: top, w: w, ox: ox, into: target + (row &+ ox), slots + (row &+ ox))
        ox &+= 1
      }
    }
  }
}

/// One 2×2 window of `maxPool2x2`, in scalar code.
@inline(__always)
private func maxPoolWindow(
  _ x: UnsafePointer<Float>, top: Int, w: Int, ox: Int, into value: UnsafeMutablePointer<Float>,
  _ slot: UnsafeMutablePointer<Int32>
) {
  let i0 = top &+ 2 &* ox
  var (best, at) = (x[i0], i0)
  for i in [i0 &+ 1, i0 &+ w, i0 &+ w &+ 1] where best == best {
    if x[i] > best || x[i] != x[i] { (best, at) = (x[i], i) }
  }
  value.pointee = best
  slot.pointee = Int32(truncatingIfNeeded: at)
}
