// The threads behind Parallel: workers that spin briefly between jobs, then sleep.
import Dispatch
import Foundation
import Synchronization

/// A fixed set of worker threads that run the parts of one job at a time alongside the
/// calling thread, each thread claiming the next unclaimed part. Parts write disjoint
/// outputs, so results do not depend on which thread ran which part.
///
/// Why not `DispatchQueue.concurrentPerform`: a step is dozens of sub-millisecond parallel
/// sections (GEMM halves, im2col blocks) separated by serial code, and GCD's sleeping
/// workers woke too late to help — a split 128×784·784×256 product ran slower on two
/// threads than on one. These workers spin for `spinTime` after each job before sleeping
/// on a condition variable, as OpenBLAS's own threads do (for ~0.1 s); unlike OpenBLAS's,
/// they are the only compute threads, so nothing competes with them for the cores.
final class WorkerPool: @unchecked Sendable {
  /// The pool behind `Parallel`.
  static let shared = WorkerPool()

  /// How long a worker spins on the job counter before it sleeps, in nanoseconds: longer
  /// than the serial stretches between a training step's parallel sections.
  private static let spinTime: UInt64 = 2_000_000

  /// Bumped (under `sleepers`' lock) to publish a new job.
  private let generation = Atomic<Int>(0)
  /// Workers that have not yet finished the current job.
  private let pending = Atomic<Int>(0)
  /// The next unclaimed part of the current job.
  private let next = Atomic<Int>(0)
  /// Wakes sleeping workers; its lock orders the `generation` bump with their checks.
  private let sleepers = NSCondition()
  /// One job at a time, whichever thread submits it.
  private let submission = NSLock()
  /// The current job's body, part count and thread count: written by the submitter before
  /// the `generation` bump, read by workers after they see it.
  private var body: ((Int) -> Void)?
  private var parts = 0
  private var threads = 1
  /// Started workers (threads besides the caller); only grows.
  private var workers = 0

  /// Runs `body(k)` for `k` in `0..<parts` on up to `threadCount` threads (the caller
  /// included) and returns when every part has finished.
  func run(parts: Int, threadCount: Int, _ body: (Int) -> Void) {
    submission.lock()
    defer { submission.unlock() }
    startWorkers(Swift.max(0, threadCount - 1))
    let threads = Swift.max(1, Swift.min(threadCount, parts, workers + 1))
    guard threads > 1 else {
      // Marked as parts all the same: what the body calls must not depend on threads.
      Parallel.markInside(true)
      defer { Parallel.markInside(false) }
      for k in 0..<parts { body(k) }
      return
    }
    withoutActuallyEscaping(body) { body in
      (self.body, self.parts, self.threads) = (body, parts, threads)
      pending.store(workers, ordering: .sequentiallyConsistent)
      next.store(0, ordering: .sequentiallyConsistent)
      sleepers.lock()
      generation.add(1, ordering: .sequentiallyConsistent)
      sleepers.broadcast()
      sleepers.unlock()
      Parallel.markInside(true)
      claimParts(body)
      Parallel.markInside(false)
      var spins = 0
      while pending.load(ordering: .sequentiallyConsistent) > 0 {
        spins += 1
        if spins > 1_000 { sched_yield() }
      }
      self.body = nil  // the last reference: `withoutActuallyEscaping` checks it is gone
    }
  }

  /// Starts workers until there are `count`.
  private func startWorkers(_ count: Int) {
    // The job about to be published must be new to the worker, however late it starts.
    let current = generation.load(ordering: .sequentiallyConsistent)
    while workers < count {
      workers += 1
      let index = workers
      let thread = Thread { self.work(as: index, after: current) }
      thread.name = "lrnb compute \(index)"
      thread.start()
    }
  }

  /// A worker's life: wait for a job, run its parts, report, repeat.
  private func work(as index: Int, after start: Int) {
    // Signals meant for the process (Ctrl-C, a window resize, a timeout's alarm) go to
    // the threads that handle them, never to a compute thread.
    var signals = sigset_t()
    sigemptyset(&signals)
    for signal in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGALRM, SIGWINCH, SIGTSTP, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2] {
      sigaddset(&signals, signal)
    }
    pthread_sigmask(SIG_BLOCK, &signals, nil)
    Parallel.markInside(true)
    var seen = start
    while true {
      var spins = 0
      var since: UInt64 = 0
      while generation.load(ordering: .sequentiallyConsistent) == seen {
        spins += 1
        if spins & 1023 != 0 { continue }
        let now = DispatchTime.now().uptimeNanoseconds
        if since == 0 { since = now }
        if now - since < Self.spinTime { continue }
        sleepers.lock()
        while generation.load(ordering: .sequentiallyConsistent) == seen { sleepers.wait() }
        sleepers.unlock()
      }
      seen = generation.load(ordering: .sequentiallyConsistent)
      runParts(as: index)
      pending.subtract(1, ordering: .sequentiallyConsistent)
    }
  }

  /// This worker's parts of the current job; its reference to the body ends on return,
  /// before the worker reports the job done.
  @inline(never)
  private func runParts(as index: Int) {
    guard index < threads, let body else { return }
    claimParts(body)
  }

  /// Runs parts of the current job until none is left unclaimed.
  private func claimParts(_ body: (Int) -> Void) {
    while true {
      let k = next.add(1, ordering: .sequentiallyConsistent).oldValue
      guard k < parts else { return }
      body(k)
    }
  }
}
