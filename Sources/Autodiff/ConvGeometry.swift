// The geometry of a 2-D convolution or pooling window, and the im2col / col2im kernels.
import Tensors

/// Sizes of a window sliding over `[n, c, h, w]` inputs with a stride and zero padding.
public struct ConvGeometry: Equatable, Sendable {
  /// Batch size, channels, height and width of the input.
  public let n: Int, c: Int, h: Int, w: Int
  /// Window height and width.
  public let kh: Int, kw: Int
  /// Step between windows and zero padding on every side.
  public let stride: Int, padding: Int
  /// Output height and width.
  public let oh: Int, ow: Int

  /// The geometry for `input` shape `[n, c, h, w]` and a `kh × kw` window.
  /// - Throws: `AutodiffError` for a non-4-D input, a non-positive window or stride, a
  ///   negative padding, or a window larger than the padded input.
  public init(input: [Int], kernel: (Int, Int), stride: Int, padding: Int, operation: String) throws
  {
    guard input.count == 4 else {
      throw AutodiffError.invalidArgument(
        operation: operation,
        message: "expects input [batch, channels, height, width], got \(input)")
    }
    guard kernel.0 > 0, kernel.1 > 0, stride > 0, padding >= 0 else {
      throw AutodiffError.invalidArgument(
        operation: operation,
        message: "needs a positive kernel size and stride and a non-negative padding"
          + " (got kernel \(kernel.0)×\(kernel.1), stride \(stride), padding \(padding))")
    }
    (n, c, h, w) = (input[0], input[1], input[2], input[3])
    (kh, kw, self.stride, self.padding) = (kernel.0, kernel.1, stride, padding)
    guard h + 2 * padding >= kh, w + 2 * padding >= kw else {
      throw AutodiffError.invalidArgument(
        operation: operation,
        message: "a \(kh)×\(kw) window does not fit a \(h)×\(w) input with padding \(padding)")
    }
    oh = (h + 2 * padding - kh) / stride + 1
    ow = (w + 2 * padding - kw) / stride + 1
  }

  /// Output positions per image.
  public var positions: Int { oh * ow }
  /// Rows of the im2col matrix: one per (channel, kernel row, kernel column).
  public var patchSize: Int { c * kh * kw }

  /// The output columns `lo..<hi` whose input column `ow·stride − padding + kj` lies
  /// inside the image, so the inner loops need no bounds test.
  @inline(__always)
  func validColumns(_ kj: Int) -> (Int, Int) {
    let offset = kj - padding
    let lo = offset >= 0 ? 0 : (-offset + stride - 1) / stride
    let hi = Swift.min(ow, Swift.max(0, (w - offset + stride - 1) / stride))
    return (lo, Swift.max(lo, hi))
  }

  /// Writes the im2col matrix `[c·kh·kw, images.count·oh·ow]` of the images `block` of
  /// NCHW `x` (all of them by default) into `cols`: row `(ci, ki, kj)`, column
  /// `(image, oy, ox)` holds `x[image, ci, oy·s − p + ki, ox·s − p + kj]` (0 in the padding).
  func im2col(
    _ x: UnsafePointer<Float>, into cols: UnsafeMutablePointer<Float>, block: Range<Int>? = nil
  ) {
    let block = block ?? 0..<n
    forEachImageRange(in: block) { images in im2col(x, into: cols, images: images, block: block) }
  }

  /// `im2col` for the columns of `images` (inside `block`, the images `cols` spans) only.
  private func im2col(
    _ x: UnsafePointer<Float>, into cols: UnsafeMutablePointer<Float>, images: Range<Int>,
    block: Range<Int>
  ) {
    let columns = block.count * positions
    if stride == 1, padding == 0 {
      return im2colUnpadded(x, into: cols, images: images, block: block)
    }
    for ci in 0..<c {
      for ki in 0..<kh {
        for kj in 0..<kw {
          let row = cols + ((ci * kh + ki) * kw + kj) * columns
          let (lo, hi) = validColumns(kj)
          let offset = kj - padding
          for image in images {
            let plane = x + (image * c + ci) * h * w
            for oy in 0..<oh {
              let target = row + ((image - block.lowerBound) * oh + oy) * ow
              let iy = oy * stride - padding + ki
              guard iy >= 0, iy < h else {
                target.update(repeating: 0, count: ow)
                continue
              }
              let source = plane + iy * w + offset
              for ox in 0..<lo { target[ox] = 0 }
              if stride == 1 {
                copyRun(from: source + lo, to: target + lo, count: hi - lo)
              } else {
                for ox in lo..<hi { target[ox] = source[ox * stride] }
              }
              for ox in hi..<ow { target[ox] = 0 }
            }
          }
        }
      }
    }
  }

  /// Adds the im2col-shaped gradient `cols` of the images `block` (all by default) back
  /// onto NCHW `dx` (the adjoint of `im2col`), in a fixed order so results are reproducible.
  func col2im(
    _ cols: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>, block: Range<Int>? = nil
  ) {
    let block = block ?? 0..<n
    forEachImageRange(in: block) { images in col2im(cols, into: dx, images: images, block: block) }
  }

  /// Splits the images of `block` into disjoint ranges over `Parallel`'s threads.
  private func forEachImageRange(in block: Range<Int>, _ body: (Range<Int>) -> Void) {
    Parallel.forEach(block.count, work: block.count * positions * patchSize) { part in
      body((block.lowerBound + part.lowerBound)..<(block.lowerBound + part.upperBound))
    }
  }

  /// `col2im` for the images `images` (inside `block`) only (their planes are disjoint).
  private func col2im(
    _ cols: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>, images: Range<Int>,
    block: Range<Int>
  ) {
    let columns = block.count * positions
    if stride == 1, padding == 0 {
      return col2imUnpadded(cols, into: dx, images: images, block: block)
    }
    for ci in 0..<c {
      for ki in 0..<kh {
        for kj in 0..<kw {
          let row = cols + ((ci * kh + ki) * kw + kj) * columns
          let (lo, hi) = validColumns(kj)
          let offset = kj - padding
          for image in images {
            let plane = dx + (image * c + ci) * h * w
            for oy in 0..<oh {
              let iy = oy * stride - padding + ki
              guard iy >= 0, iy < h else { continue }
              let source = row + ((image - block.lowerBound) * oh + oy) * ow
              let target = plane + iy * w + offset
              if stride == 1 {
                addRun(from: source + lo, to: target + lo, count: hi - lo)
              } else {
                for ox in lo..<hi { target[ox * stride] += source[ox] }
              }
            }
          }
        }
      }
    }
  }
}

/// Copies a short run of floats in 8-wide vectors: the runs are one output row (8–32
/// scalars), too short for memcpy's call or the auto-vectoriser's alias checks to pay.
@inline(__always)
func copyRun(from source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int)
{
  var i = 0
  let (from, to) = (UnsafeRawPointer(source), UnsafeMutableRawPointer(target))
  while i &+ 8 <= count {
    to.storeBytes(
      of: from.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self), toByteOffset: i &* 4,
      as: SIMD8<Float>.self)
    i &+= 8
  }
  while i < count {
    target[i] = source[i]
    i &+= 1
  }
}

/// Adds a short run of floats onto another in 8-wide vectors (see `copyRun`).
@inline(__always)
func addRun(from source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
  var i = 0
  let (from, to) = (UnsafeRawPointer(source), UnsafeMutableRawPointer(target))
  while i &+ 8 <= count {
    let sum =
      from.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
      + UnsafeRawPointer(to).loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
    to.storeBytes(of: sum, toByteOffset: i &* 4, as: SIMD8<Float>.self)
    i &+= 8
  }
  while i < count {
    target[i] += source[i]
    i &+= 1
  }
}

extension ConvGeometry {
  // The common case — stride 1, no padding (LeNet5, and every "valid" convolution) —
  // without the bounds logic: every output row is one run of `ow` input scalars. Wrapping
  // arithmetic (`&+`, `&*`): the offsets are bounded by the tensor sizes, and the overflow
  // checks and their register spills were most of the general loop's time on 8-wide rows.

  /// `im2col` of `images` (inside `block`) for stride 1 and no padding.
  private func im2colUnpadded(
    _ x: UnsafePointer<Float>, into cols: UnsafeMutablePointer<Float>, images: Range<Int>,
    block: Range<Int>
  ) {
    forEachUnpaddedRow(images: images, block: block) { image, columns in
      copyRun(from: x + image, to: cols + columns, count: ow)
    }
  }

  /// `col2im` of `images` (inside `block`) for stride 1 and no padding.
  private func col2imUnpadded(
    _ cols: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>, images: Range<Int>,
    block: Range<Int>
  ) {
    forEachUnpaddedRow(images: images, block: block) { image, columns in
      addRun(from: cols + columns, to: dx + image, count: ow)
    }
  }

  /// Calls `visit(imageOffset, columnsOffset)` for every output row of `images` (inside
  /// `block`): the row's `ow` scalars start at `imageOffset` in the NCHW batch and at
  /// `columnsOffset` in the block's im2col matrix, contiguous on both sides.
  @inline(__always)
  private func forEachUnpaddedRow(
    images: Range<Int>, block: Range<Int>, _ visit: (Int, Int) -> Void
  ) {
    let (columns, plane) = (block.count &* positions, h &* w)
    for ci in 0..<c {
      for ki in 0..<kh {
        for kj in 0..<kw {
          let row = ((ci &* kh &+ ki) &* kw &+ kj) &* columns
          for image in images {
            var source = (image &* c &+ ci) &* plane &+ ki &* w &+ kj
            var target = row &+ (image &- block.lowerBound) &* positions
            for _ in 0..<oh {
              visit(source, target)
              source &+= w
              target &+= ow
            }
          }
        }
      }
    }
  }
}
