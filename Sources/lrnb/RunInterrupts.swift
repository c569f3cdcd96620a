// Ctrl-C during `lrnb run`: stop the running cell, write the report, then stop.
import Foundation
import Lang
import Synchronization

/// SIGINT handling for `lrnb run` and `--watch`.
///
/// The first Ctrl-C while a notebook cell runs fires the interpreter's interrupt switch
/// (an atomic store, safe in a signal handler): the cell stops at its next loop step or
/// call with "interrupted", later cells are not run, the report is still written, and the
/// command stops instead of going on to the next notebook or watching. With no cell
/// running, Ctrl-C ends a watch loop, or else the process. A second Ctrl-C ends the
/// process at once, for a native stuck in a long C call.
enum RunInterrupts {
  /// Exit status after Ctrl-C, as shells report death by SIGINT (128 + 2).
  static let exitStatus: Int32 = 130

  /// Routes SIGINT here from now on. SIGINT is also unblocked: a blocked mask is
  /// inherited across exec, and some launchers (test runners, CI agents) block it.
  /// - Parameter watching: Ctrl-C with no cell running ends the watch loop (which polls
  ///   `requested`); otherwise (a script running) it exits at once, as by default.
  static func install(watching: Bool) {
    idleStopsWatching = watching
    signal(SIGINT, handleInterrupt)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  /// The interpreter Ctrl-C should stop (nil while none runs).
  static func target(_ target: InterruptSwitch?) {
    let previous = currentTarget
    currentTarget = target.map { Unmanaged.passRetained($0) }
    previous?.release()
  }

  /// True once Ctrl-C was pressed.
  static var requested: Bool { interruptPresses.load(ordering: .relaxed) > 0 }
}

nonisolated(unsafe) private var currentTarget: Unmanaged<InterruptSwitch>?
nonisolated(unsafe) private var idleStopsWatching = false
private let interruptPresses = Atomic<Int>(0)
private let quitMessage: StaticString = "\nlrnb: stopped by a second Ctrl-C\n"

private func handleInterrupt(_: Int32) {
  let (presses, _) = interruptPresses.add(1, ordering: .relaxed)
  if let target = currentTarget {
    target.takeUnretainedValue().fire()
  } else if !idleStopsWatching {
    _exit(RunInterrupts.exitStatus)
  }
  if presses >= 2 {
    _ = write(STDERR_FILENO, quitMessage.utf8Start, quitMessage.utf8CodeUnitCount)
    _exit(RunInterrupts.exitStatus)
  }
}
