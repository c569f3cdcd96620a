// A data file's bytes, read sequentially and gunzipped on the fly when they are gzip.
import Foundation

/// Reads a data file front to back, decompressing it when it starts with the gzip magic
/// (whatever its name), and reports every problem with the file's path.
///
/// `maxLength` bounds what the file can yield, so a loader checks the sizes a header
/// promises before allocating: a plain file yields its length, a gzip file at most
/// `maxDeflateRatio` times its compressed length.
final class DataFile {
  /// deflate cannot expand data by more than about 1032:1 (RFC 1951's longest match per
  /// bit), so a gzip file yields at most this many bytes per compressed byte.
  static let maxDeflateRatio = 1032

  /// The path, for messages.
  let path: String
  /// Whether the file is gzip-compressed.
  let isCompressed: Bool
  /// The most bytes the file can yield.
  let maxLength: Int
  private let raw: Data
  private var offset = 0
  private let inflater: Inflater?

  /// Opens `url` and reads its (compressed) bytes into memory.
  /// - Throws: `DatasetError` naming the file when it is missing or unreadable.
  init(_ url: URL) throws {
    path = url.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DatasetError(file: path, "no such file")
    }
    guard !isDirectory.boolValue else {
      throw DatasetError(file: path, "is a directory, not a file")
    }
    do {
      raw = try Data(contentsOf: url)
    } catch {
      throw DatasetError(file: path, "cannot be read (\(error.localizedDescription))")
    }
    isCompressed = raw.count >= 2 && raw[raw.startIndex] == 0x1F && raw[raw.startIndex + 1] == 0x8B
    if isCompressed {
      do {
        inflater = try Inflater()
      } catch {
        throw DatasetError(file: path, error.message)
      }
      maxLength = raw.count.multipliedReportingOverflow(by: Self.maxDeflateRatio).partialValue
    } else {
      inflater = nil
      maxLength = raw.count
    }
  }

  /// An error about this file.
  func error(_ message: String) -> DatasetError { DatasetError(file: path, message) }

  /// Fills `buffer` with the next bytes; returns how many, fewer only at the end of the file.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    if let inflater {
      do {
        return try raw.withUnsafeBytes { try inflater.inflate(from: $0, into: buffer) }
      } catch let failure as InflateError {
        throw error(failure.message)
      }
    }
    let n = min(buffer.count, raw.count - offset)
    guard n > 0 else { return 0 }
    raw.withUnsafeBytes { source in
      buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + n)]))
    }
    offset += n
    return n
  }

  /// Exactly the next `count` bytes.
  /// - Throws: `DatasetError` ("truncated: …") when the file ends first.
  func read(exactly count: Int, what: String) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    let got = try bytes.withUnsafeMutableBytes { try read(into: $0) }
    guard got == count else {
      throw error("truncated: the file ends in \(what) (needed \(count) bytes, found \(got))")
    }
    return bytes
  }

  /// Everything left in the file.
  /// - Throws: `DatasetError` when it decompresses to more than `limit` bytes.
  func readToEnd(limit: Int) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let got = try chunk.withUnsafeMutableBytes { try read(into: $0) }
      guard bytes.count + got <= limit else {
        throw error("holds more than \(limit) bytes, the most lrnb reads from a text file")
      }
      bytes += chunk[0..<got]
      if got < chunk.count { return bytes }
    }
  }

  /// Whether the file has no bytes left (reads ahead by one byte, so call it last).
  func isAtEnd() throws -> Bool {
    var byte: UInt8 = 0
    return try withUnsafeMutableBytes(of: &byte) { try read(into: $0) } == 0
  }
}
