// Splitting large, independent kernel loops across the BLAS thread count.
import Dispatch
import Tensors

/// Runs big memory-bound kernels (im2col, col2im, pooling, layout copies) on as many
/// threads as BLAS uses, so the non-GEMM part of a step uses both cores too. Chunks are
/// disjoint in their output, so results do not depend on the thread count.
enum Parallel {
  /// Below this many scalars of work a loop stays on the calling thread: waking a second
  /// thread costs a few microseconds.
  static let minimumWork = 1 << 17

  /// Calls `body` on disjoint ranges covering `0..<count`, concurrently when `work` (the
  /// scalars touched) is large enough.
  static func forEach(_ count: Int, work: Int, _ body: (Range<Int>) -> Void) {
    let threads = Swift.min(BLAS.threadCount, count)
    guard threads > 1, work >= minimumWork else {
      body(0..<count)
      return
    }
    // The chunks write disjoint parts of one output buffer: safe to share across threads.
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let run = body
      DispatchQueue.concurrentPerform(iterations: threads) { k in
        run((count * k / threads)..<(count * (k + 1) / threads))
      }
    }
  }
}
