// The REPL's history file: one entry per line (newlines escaped, so multi-line
// entries come back whole), appended under a lock so concurrent sessions lose nothing.
import Foundation

/// `$XDG_STATE_HOME/lrnb/history` (default `~/.local/state/lrnb/history`).
///
/// Each session loads the file when it starts and appends each entry as it is made,
/// with one `write(2)` of the whole encoded line while holding `history.lock`, so the
/// entries of two REPLs interleave in time order and none is lost. Once the file grows
/// past `maxBytes` it is trimmed to its newest entries (under the same lock).
struct HistoryFile {
  let url: URL

  /// Entries a session loads, and how many survive a trim.
  static let keptEntries = 1_000
  /// Size beyond which an append trims the file (a few thousand typical entries).
  static let maxBytes = 512 * 1024

  /// The history file from the XDG variables; nil without a home directory.
  static func standard(_ environment: [String: String]) -> HistoryFile? {
    var base: URL
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      base = URL(fileURLWithPath: state)
    } else if let home = environment["HOME"], !home.isEmpty {
      base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
    } else {
      return nil
    }
    base.appendPathComponent("lrnb")
    return HistoryFile(url: base.appendingPathComponent("history"))
  }

  private var lockURL: URL {
    url.deletingLastPathComponent().appendingPathComponent("history.lock")
  }

  /// The newest `keptEntries` entries, oldest first; empty when there is no file yet.
  func load() -> [String] {
    guard let text = try? withLock({ try String(contentsOf: url, encoding: .utf8) }) else {
      return []
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    return lines.suffix(Self.keptEntries).map(Self.decode)
  }

  /// Appends `entry` as one line.
  func append(_ entry: String) throws {
    try withLock {
      let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
      guard fd >= 0 else {
        throw CLIError("cannot open \(url.path): \(String(cString: strerror(errno)))")
      }
      defer { close(fd) }
      let bytes = Array((Self.encode(entry) + "\n").utf8)
      var written = 0
      while written < bytes.count {
        let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
          throw CLIError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        written += n
      }
      var status = stat()
      if fstat(fd, &status) == 0, status.st_size > Self.maxBytes { try trim() }
    }
  }

  /// Rewrites the file with its newest entries, at most `keptEntries` and half of
  /// `maxBytes`, so the next trim is many appends away (the caller holds the lock).
  private func trim() throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    var kept: [Substring] = []
    var bytes = 0
    for line in text.split(separator: "\n").reversed() {
      bytes += line.utf8.count + 1
      guard kept.count < Self.keptEntries, kept.isEmpty || bytes <= Self.maxBytes / 2 else { break }
      kept.append(line)
    }
    try writeAtomically(kept.reversed().joined(separator: "\n") + "\n", to: url)
  }

  /// Runs `body` holding an exclusive lock on `history.lock` (created with the folder).
  private func withLock<T>(_ body: () throws -> T) throws -> T {
    let directory = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let fd = open(lockURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw CLIError("cannot open \(lockURL.path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else { throw CLIError("cannot lock \(lockURL.path)") }
    }
    defer { flock(fd, LOCK_UN) }
    return try body()
  }

  /// One line per entry: `\` becomes `\\`, a newline `\n`, a carriage return `\r`.
  static func encode(_ entry: String) -> String {
    var out = ""
    for c in entry.unicodeScalars {
      switch c {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// The inverse of `encode`; an unknown escape keeps its backslash.
  static func decode(_ line: Substring) -> String {
    var out = ""
    var escaped = false
    for c in line.unicodeScalars {
      if escaped {
        switch c {
        case "n": out += "\n"
        case "r": out += "\r"
        case "\\": out += "\\"
        default: out += "\\"; out.unicodeScalars.append(c)
        }
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else {
        out.unicodeScalars.append(c)
      }
    }
    if escaped { out += "\\" }
    return out
  }
}
