// `lrnb repl` without a terminal: entries read from stdin are run as a session would
// run them, with values and output on stdout and errors on stderr.
import Foundation

extension ReplSession {
  /// Runs every entry on stdin (commands included) until its end or `:quit`.
  /// - Returns: 0, or the status of the first failed entry (65 syntax, 70 runtime).
  func runStandardInput() -> Int32 {
    var buffer = EntryBuffer()
    while let line = readLine(strippingNewline: true) {
      guard let entry = buffer.add(line) else { continue }
      if !handle(ReplEntry.parse(entry)) { return status }
    }
    // An entry still open at the end of the input runs as it is, to report its error.
    if !buffer.isEmpty { _ = handle(ReplEntry.parse(buffer.text)) }
    return status
  }
}
