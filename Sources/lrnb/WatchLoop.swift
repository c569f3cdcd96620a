// `lrnb run --watch`: run, then run again whenever a watched file is saved.
import Foundation

/// Polls the modification times of the notebooks (and the parameter file) and calls
/// `body` again after a change, until Ctrl-C. Polling every 300 ms costs nothing
/// measurable and works for editors that save by rename, where inotify watches on the
/// old file would go stale.
struct WatchLoop {
  /// How often files are checked.
  static let pollInterval: Duration = .milliseconds(300)
  /// After a change, how long writes must be quiet before the run starts: editors and
  /// `cp` can write a file in several steps.
  static let settleInterval: Duration = .milliseconds(150)

  /// The files whose changes start a run.
  var paths: [String]

  /// Runs `body` now and after every change; returns when Ctrl-C was pressed.
  func run(_ body: () -> Void) {
    body()
    var stamps = Self.stamps(paths)
    Terminal.err("watching \(paths.joined(separator: ", ")) (Ctrl-C to stop)\n")
    while !RunInterrupts.requested {
      Thread.sleep(forTimeInterval: Self.seconds(Self.pollInterval))
      let current = Self.stamps(paths)
      guard current != stamps else { continue }
      Thread.sleep(forTimeInterval: Self.seconds(Self.settleInterval))
      stamps = Self.stamps(paths)
      guard !RunInterrupts.requested else { break }
      Terminal.err("\nchange detected: running again\n")
      body()
      Terminal.err("watching (Ctrl-C to stop)\n")
    }
    Terminal.err("stopped watching\n")
  }

  /// Modification time and size per path (nil for a missing file, which a save by
  /// rename can briefly leave).
  static func stamps(_ paths: [String]) -> [String?] {
    paths.map { path in
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
        return nil
      }
      let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
      return "\(date):\(size)"
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
