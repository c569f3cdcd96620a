// Writing files atomically: a temporary file in the same directory, then rename(2).
import Foundation

enum AtomicFile {
  /// Writes `data` to `url` so readers see the old file or the new one, never half of it.
  static func write(_ data: Data, to url: URL) throws {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try data.write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }

  /// Writes `text` as UTF-8.
  static func write(_ text: String, to url: URL) throws {
    try write(Data(text.utf8), to: url)
  }
}
