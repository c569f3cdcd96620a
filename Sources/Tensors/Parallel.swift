// lrnb's own compute threads: big kernels and GEMMs split into disjoint parts across them.
import Foundation

/// Splits big, independent loops — GEMMs by rows or columns of their output, im2col and
/// col2im by images, pooling and layout copies by planes — across `threadCount` threads.
///
/// Results are bitwise the same for every thread count, because nothing that changes
/// rounding follows it:
/// - every part writes a disjoint piece of one output, and computes it alone;
/// - sums over parts (a convolution's filter gradient over blocks of images, a thin GEMM
///   over chunks of its inner dimension) use parts fixed by the sizes, added in order;
/// - a big GEMM is split into two parts whatever the thread count (`unsafeGEMM`): OpenBLAS
///   rounds an element of C differently depending on where it falls in the sub-matrix a
///   call is given (its Haswell kernel keeps one running sum over `k` for some tile shapes, two
///   for others), so one part per thread gave other results on one thread than on two;
/// - whether code runs inside a parallel part, where a GEMM stays whole, depends on the
///   sizes only (`forEach`), not on whether a second thread was there to take a part;
/// - LAPACK calls (the rank-adaptive step's two QRs run side by side) are single-threaded
///   OpenBLAS calls, the same on any thread.
/// The same OpenBLAS kernel is assumed: another `OPENBLAS_CORETYPE` rounds differently.
///
/// OpenBLAS itself is kept single-threaded (`BLAS.setUp`): its worker threads spin on
/// `sched_yield` between calls, and on two cores they took the second core away from the
/// loops that run between GEMMs, so a two-thread LeNet5 step was no faster than a
/// one-thread one. One pool of threads for everything (`WorkerPool`) avoids that fight.
package enum Parallel {
  /// Below this many scalars of work a loop stays on the calling thread: waking a second
  /// thread costs a few microseconds.
  package static let minimumWork = 1 << 17

  /// Threads used for compute: `OPENBLAS_NUM_THREADS` if set (the variable users already
  /// know for this), else the number of active cores. Change it with `BLAS.threadCount`.
  nonisolated(unsafe) package static var threadCount: Int = {
    BLAS.setUp()
    let environment = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"]
    return Swift.max(1, environment.flatMap { Int($0) } ?? ProcessInfo.processInfo.activeProcessorCount)
  }()

  /// Whether the current thread is running a part of a `forEach` (nested calls run serially).
  package static var isInsideParallelPart: Bool { pthread_getspecific(insideKey.key) != nil }

  /// Calls `body` on disjoint ranges covering `0..<count`, concurrently when `work` (the
  /// scalars touched) is large enough and this is not already a parallel part.
  ///
  /// Whether the call is a parallel section depends on `count`, `work` and nesting only,
  /// never on the thread count: on one thread a section still runs marked as a part, so
  /// what it calls (a GEMM in a block of a convolution) takes the same path — and rounds
  /// the same way — on one thread as on several. The ranges themselves follow the thread
  /// count; bodies must not let them change a result (write disjoint outputs).
  package static func forEach(_ count: Int, work: Int, _ body: (Range<Int>) -> Void) {
    guard count > 1, work >= minimumWork, !isInsideParallelPart else {
      body(0..<count)
      return
    }
    let threads = Swift.min(threadCount, count)
    guard threads > 1 else {
      markInside(true)
      defer { markInside(false) }
      body(0..<count)
      return
    }
    // The parts write disjoint pieces of one output: safe to share across threads.
    WorkerPool.shared.run(parts: threads, threadCount: threads) { k in
      body((count * k / threads)..<(count * (k + 1) / threads))
    }
  }

  /// Marks the current thread as running a part (or not), so nested calls run serially.
  static func markInside(_ inside: Bool) {
    pthread_setspecific(insideKey.key, inside ? marker : nil)
  }

  /// `forEach` for bodies that throw: the first error (in part order) is rethrown after
  /// every part has finished.
  package static func tryForEach(
    _ count: Int, work: Int, _ body: (Range<Int>) throws -> Void
  ) throws {
    let errors = FirstError()
    forEach(count, work: work) { range in
      do { try body(range) } catch { errors.record(error, at: range.lowerBound) }
    }
    if let error = errors.error { throw error }
  }

  /// A thread-specific flag: non-nil while a thread runs a part.
  private static let insideKey = ThreadKey()
  nonisolated(unsafe) private static let marker = UnsafeMutableRawPointer.allocate(
    byteCount: 1, alignment: 1)
}

/// A pthread key, created once.
private final class ThreadKey: @unchecked Sendable {
  var key = pthread_key_t()
  init() { pthread_key_create(&key, nil) }
}

/// The error of the earliest part that failed, whichever thread finished first.
private final class FirstError: @unchecked Sendable {
  private(set) var error: (any Error)?
  private var position = Int.max
  private let lock = NSLock()
  func record(_ error: any Error, at start: Int) {
    lock.lock()
    defer { lock.unlock() }
    if start < position { (self.error, position) = (error, start) }
  }
}
