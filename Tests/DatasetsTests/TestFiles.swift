// Helpers that write small data files (IDX, gzip) into a temporary folder for the tests.
import Foundation
import Testing
import _TestSupport

/// A temporary folder that the test writes files into; removed by `cleanUp()`.
struct Scratch {
  let url: URL

  init() throws { url = try makeTemporaryDirectory("lrnb-datasets") }

  func cleanUp() { try? FileManager.default.removeItem(at: url) }

  /// Writes `bytes` to `name` inside the folder and returns the file's URL.
  @discardableResult
  func write(_ bytes: [UInt8], to name: String) throws -> URL {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file
  }

  /// Writes `text` (UTF-8) to `name`.
  @discardableResult
  func write(_ text: String, to name: String) throws -> URL {
    try write(Array(text.utf8), to: name)
  }
}

/// An IDX file: magic (type code, rank), big-endian dimensions, then `data` as given.
func idx(type: UInt8 = 0x08, dims: [Int], data: [UInt8]) -> [UInt8] {
  var bytes: [UInt8] = [0, 0, type, UInt8(dims.count)]
  for d in dims { bytes += withUnsafeBytes(of: UInt32(d).bigEndian) { Array($0) } }
  return bytes + data
}

/// `bytes` compressed by the system's gzip tool.
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
  let scratch = try Scratch()
  defer { scratch.cleanUp() }
  let file = try scratch.write(bytes, to: "data")
  let result = try runProcess(URL(fileURLWithPath: "/bin/gzip"), ["-n", "-9", file.path])
  #expect(result.status == 0, "\(result.stderr)")
  return Array(try Data(contentsOf: file.appendingPathExtension("gz")))
}

/// The message of the error `body` throws, or nil.
func failure<T>(_ body: () throws -> T) -> String? { thrownMessage(body) }
