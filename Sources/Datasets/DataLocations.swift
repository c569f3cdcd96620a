// Where data lives: $LRNB_DATA, the resource bundle beside the executable, the repository.
import Foundation

/// Finds data folders the same way `Library.standardLibraryDirectory()` finds the stdlib:
/// an environment variable first, then the resource bundle SwiftPM copies beside the
/// executable, then the repository's own folder (development builds).
enum DataLocations {
  /// `$LRNB_DATA`, when set and non-empty.
  static var environmentDirectory: URL? {
    guard let value = ProcessInfo.processInfo.environment["LRNB_DATA"], !value.isEmpty else {
      return nil
    }
    return URL(fileURLWithPath: value)
  }

  /// The first existing file among `$LRNB_DATA/<relative>`, the bundled copy and the
  /// repository's `data/<relative>`. SwiftPM's generated `Bundle.module` traps when the
  /// bundle is missing, so it is not used.
  static func bundledFile(_ relative: String) -> URL? {
    var candidates: [URL] = []
    if let env = environmentDirectory { candidates.append(env.appendingPathComponent(relative)) }
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
      .resolvingSymlinksInPath()
    for base in [executable.deletingLastPathComponent(), Bundle.main.bundleURL] {
      candidates.append(base.appendingPathComponent("lrnb_Datasets.resources/\(relative)"))
    }
    // Sources/Datasets/DataLocations.swift → the repository root's data/.
    candidates.append(
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/\(relative)"))
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// Whether `url` is an existing directory.
  static func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
