// A fresh temporary directory per test, removed by the caller when done.
import Foundation

/// Creates a new empty directory under the system's temporary directory.
public func makeTemporaryDirectory(_ prefix: String = "lrnb-test") throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The repository's root directory, found from this file's location.
public func repositoryRoot() -> URL {
  // Sources/TestSupport/TemporaryDirectory.swift → three levels up.
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
}
