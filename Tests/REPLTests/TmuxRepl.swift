// Drives `lrnb repl` in a real pseudo-terminal: a detached tmux session on a private
// server, keys sent with `send-keys`, the screen read with `capture-pane`.
import Foundation
import Testing
import _TestSupport

/// One REPL in its own tmux server, with its own HOME and XDG state directory.
///
/// Waits poll the screen until the expected text appears (or a timeout passes), so the
/// tests do not depend on how fast a loaded machine runs the REPL.
final class TmuxRepl {
  static let tmux = URL(fileURLWithPath: "/usr/bin/tmux")
  /// Long enough for a debug build on a busy 2-core machine; waits usually end in ms.
  static let timeout: Duration = .seconds(20)

  let root: URL
  /// The server's socket, inside `root` so nothing is left behind in /tmp/tmux-UID.
  let socket: String
  var home: URL { root.appendingPathComponent("home") }
  var state: URL { root.appendingPathComponent("state") }

  /// Starts `lrnb repl` (plus `arguments`) in a `width`×`height` terminal under `root`;
  /// REPLs running at once under one root need different `name`s.
  init(
    root: URL, name: String = "tmux", arguments: [String] = [], width: Int = 100,
    height: Int = 40
  ) throws {
    self.root = root
    socket = root.appendingPathComponent("\(name).sock").path
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.tmux.path),
      "tmux is needed for the terminal tests (scripts/install-deps installs it)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let config = root.appendingPathComponent("tmux.conf")
    // Keep the pane after lrnb exits, so its last screen and exit status can be read.
    try "set -g remain-on-exit on\nset -g history-limit 5000\n".write(
      to: config, atomically: true, encoding: .utf8)
    let command =
      ([
        "env", "HOME=\(home.path)", "XDG_STATE_HOME=\(state.path)", "LC_ALL=C.UTF-8",
        lrnbExecutable().path, "repl", "--figures", root.appendingPathComponent("figures").path,
      ]
      + arguments).map(shellQuoted).joined(separator: " ") + "; echo \"\(Self.exitMarker)$?]\""
    try tmux([
      "-f", config.path, "new-session", "-d", "-s", "repl", "-x", "\(width)", "-y", "\(height)",
      command,
    ])
  }

  /// Stops the tmux server (and the REPL in it). Call it before removing `root`, which
  /// holds the server's socket.
  func close() {
    _ = try? tmux(["kill-server"])
  }

  deinit { close() }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    let (status, output) = try spawn(Self.tmux.path, ["-S", socket] + arguments)
    guard status == 0 else {
      throw TmuxError(message: "tmux \(arguments.joined(separator: " ")): \(output)")
    }
    return output
  }

  /// Runs `path` with an empty signal mask and its output in a file. Test threads block
  /// most signals and `Process` passes that mask on, so a tmux server (and the REPL in
  /// it) started through `Process` would never see Ctrl-C; and the server, which
  /// outlives the client, would hold a pipe open forever.
  private func spawn(_ path: String, _ arguments: [String]) throws -> (Int32, String) {
    let outputFile = root.appendingPathComponent("tmux-\(UUID().uuidString).out")
    defer { try? FileManager.default.removeItem(at: outputFile) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for arg in argv { free(arg) } }
    var pid: pid_t = 0
    let error = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard error == 0 else { throw TmuxError(message: "cannot run \(path): error \(error)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    // WIFEXITED/WEXITSTATUS are macros Swift cannot import.
    let exited = status & 0x7f == 0
    return (exited ? (status >> 8) & 0xff : -1, output)
  }

  /// Types `text` literally (a `\r` in it is Enter, as a paste sends it).
  func send(_ text: String) throws { try tmux(["send-keys", "-t", "repl", "-l", text]) }

  /// Presses keys by tmux name: `Enter`, `Tab`, `C-c`, `C-d`, `C-r`, `Up`, `Escape`.
  func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "repl"] + keys) }

  /// Types `line` and presses Enter.
  func enter(_ line: String) throws {
    try send(line)
    try press("Enter")
  }

  /// The visible screen, one string with a newline per row (trailing spaces trimmed).
  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", "repl", "-S", "-200"])
  }

  /// Polls the screen until `predicate` holds; fails the test with the screen if not.
  @discardableResult
  func wait(
    _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
    until predicate: (String) -> Bool
  ) throws -> String {
    let clock = ContinuousClock()
    let deadline = clock.now + Self.timeout
    var last = ""
    while clock.now < deadline {
      last = try screen()
      if predicate(last) { return last }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record(
      "timed out waiting for \(what); the screen:\n\(last)", sourceLocation: sourceLocation)
    throw TmuxError(message: "timed out waiting for \(what)")
  }

  /// Waits until `text` is on the screen (`count` times, for repeated prompts). Like
  /// the captured screen, `text` is compared without spaces at the ends of its lines.
  @discardableResult
  func wait(
    for text: String, count: Int = 1, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let trimmed = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    return try wait("'\(text)'", sourceLocation: sourceLocation) {
      $0.components(separatedBy: trimmed).count - 1 >= count
    }
  }

  /// Printed by the shell after lrnb exits, followed by the status and `]`. (tmux's own
  /// `pane_dead_status` is sometimes never filled in when the terminal closes first.)
  static let exitMarker = "[lrnb exited: "

  /// The exit status once lrnb has exited, waiting for it.
  func exitStatus(sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    let screen = try wait("lrnb to exit", sourceLocation: sourceLocation) {
      $0.contains(Self.exitMarker)
    }
    let after = screen.components(separatedBy: Self.exitMarker).last ?? ""
    return Int(after.prefix { $0 != "]" }) ?? -1
  }
}

struct TmuxError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// `text` quoted for the shell tmux runs the command with.
func shellQuoted(_ text: String) -> String {
  "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
