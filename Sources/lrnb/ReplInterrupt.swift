// Ctrl-C while code runs: SIGINT fires the interpreter's interrupt switch, so the
// code stops at its next loop step or call and the session keeps its state.
import Foundation
import Lang

/// The SIGINT handler of an interactive session.
///
/// The handler only stores into an atomic flag (the switch), which is safe in a signal
/// handler. If the code does not stop (a native busy in a long C call), the third
/// Ctrl-C of the same entry ends the process rather than leaving the user stuck.
enum InterruptHandler {
  /// Ctrl-C presses within one entry after which lrnb quits.
  static let pressesToQuit = 3

  /// Routes SIGINT to `target` from now on (replacing the previous target).
  static func install(_ target: InterruptSwitch) {
    let previous = current
    current = Unmanaged.passRetained(target)
    previous?.release()
    presses = 0
    signal(SIGINT, handleSignal)
    // A parent may have started us with signals blocked (threads of a test runner
    // do): Ctrl-C, resizes and job control must reach the REPL.
    var signals = sigset_t()
    sigemptyset(&signals)
    for signal in [SIGINT, SIGWINCH, SIGCONT, SIGTSTP, SIGTERM, SIGHUP, SIGQUIT] {
      sigaddset(&signals, signal)
    }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
  }

  /// Forgets the presses counted during the previous entry.
  static func startEntry() { presses = 0 }
}

nonisolated(unsafe) private var current: Unmanaged<InterruptSwitch>?
nonisolated(unsafe) private var presses = 0

private let secondPressMessage: StaticString =
  "\n(still running; press Ctrl-C again to quit lrnb)\n"
private let quitMessage: StaticString = "\nlrnb: quitting after repeated Ctrl-C\n"

private func handleSignal(_: Int32) {
  presses += 1
  current?.takeUnretainedValue().fire()
  if presses == InterruptHandler.pressesToQuit - 1 {
    _ = write(STDERR_FILENO, secondPressMessage.utf8Start, secondPressMessage.utf8CodeUnitCount)
  } else if presses >= InterruptHandler.pressesToQuit {
    _ = write(STDERR_FILENO, quitMessage.utf8Start, quitMessage.utf8CodeUnitCount)
    _exit(130)
  }
}
