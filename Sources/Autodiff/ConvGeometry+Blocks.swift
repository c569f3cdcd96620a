// The im2col matrix of a batch, visited a few images at a time so each block stays in cache.
import Tensors

extension ConvGeometry {
  /// Scalars in one block of im2col columns: 1 MB, half of one core's L2 cache on these
  /// machines, so a block im2col writes is still in cache when the GEMM reads it. A whole
  /// batch's matrix is not (16 MB for LeNet5's second convolution at batch 128), and
  /// streaming it through memory three or four times per step — im2col, the forward
  /// product, the weight gradient, the input gradient and col2im — cost more than the
  /// products themselves.
  static let blockScalars = 1 << 18

  /// Images per block: as many as fit `blockScalars`, at least one.
  var imagesPerBlock: Int {
    Swift.max(1, Swift.min(n, Self.blockScalars / Swift.max(1, patchSize * positions)))
  }

  /// The image ranges of the blocks, in order.
  var blocks: [Range<Int>] {
    let perBlock = imagesPerBlock
    return Swift.stride(from: 0, to: n, by: perBlock).map { $0..<Swift.min($0 + perBlock, n) }
  }

  /// Calls `body(index, images, cols)` for every block of images — `index` into `blocks`,
  /// `cols` the im2col matrix `[patchSize, images.count·positions]` of those images alone —
  /// on `Parallel`'s threads, each with its own block buffer. The columns of block `images`
  /// are columns `images.lowerBound·positions ..<` of the whole batch's matrix, so products
  /// with it land at that column offset. Bodies must write disjoint outputs per block.
  func forEachBlock(
    of x: UnsafePointer<Float>,
    _ body: (Int, Range<Int>, UnsafePointer<Float>) throws -> Void
  ) throws {
    try forEachBlockBuffer { index, images, cols in
      im2col(x, into: cols, block: images)
      try body(index, images, cols)
    }
  }

  /// The adjoint of `forEachBlock`: for every block of images, `body(images, cols)` writes
  /// the gradient of their im2col matrix `[patchSize, images.count·positions]` into `cols`
  /// (uninitialised), which is then added onto those images' planes of NCHW `dx` (disjoint
  /// per block, so blocks run on `Parallel`'s threads).
  func forEachGradientBlock(
    into dx: UnsafeMutablePointer<Float>,
    _ body: (Range<Int>, UnsafeMutablePointer<Float>) throws -> Void
  ) throws {
    try forEachBlockBuffer { _, images, cols in
      try body(images, cols)
      col2im(cols, into: dx, block: images)
    }
  }

  /// Runs `body(index, images, buffer)` for every block on `Parallel`'s threads, each
  /// thread with one block-sized buffer of its own.
  private func forEachBlockBuffer(
    _ body: (Int, Range<Int>, UnsafeMutablePointer<Float>) throws -> Void
  ) throws {
    let blocks = self.blocks
    let size = patchSize * imagesPerBlock * positions
    try Parallel.tryForEach(blocks.count, work: n * positions * patchSize) { part in
      let buffer = UnsafeMutablePointer<Float>.allocate(capacity: size)
      defer { buffer.deallocate() }
      for index in part { try body(index, blocks[index], buffer) }
    }
  }
}
