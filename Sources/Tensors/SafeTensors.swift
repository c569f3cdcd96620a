// The safetensors file format: named tensors behind a JSON header, readable by PyTorch/NumPy.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads and writes the [safetensors](https://github.com/huggingface/safetensors) format:
/// an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape
/// and byte range, then the raw little-endian data. Model files use it so that weights
/// move to PyTorch and NumPy unchanged (`safetensors.numpy.load_file`).
///
/// Writing stores `F32`; reading also accepts `F64 F16 BF16 I64 I32 I16 I8 U64 U32 U16 U8
/// BOOL` and converts to Float32. Hostile files (truncated, a header length past the end,
/// overlapping or out-of-range offsets, bad JSON, absurd shapes) throw
/// `SafeTensorsError` naming the file; nothing is allocated beyond what the file holds.
///
/// ```swift
/// try SafeTensors.write(["layers.0.U": u, "layers.0.S": s], metadata: ["rank": "8"], to: url)
/// let archive = try SafeTensors.read(contentsOf: url)
/// let u = archive.tensors["layers.0.U"]
/// ```
public enum SafeTensors {
  /// The largest JSON header accepted, in bytes: the reference implementation's own limit
  /// (100 MB). A real header is a few kilobytes; a larger length is a corrupt file.
  public static let maxHeaderBytes = 100_000_000

  /// The header key reserved for the string-to-string metadata map.
  public static let metadataKey = "__metadata__"

  /// Writes `tensors` (as F32) and `metadata` to `url` atomically: the bytes go to a
  /// temporary file in the same folder, which is then renamed over `url`, so a crash never
  /// leaves a half-written model.
  /// - Throws: `SafeTensorsError` naming the file for an invalid name or a failed write.
  public static func write(
    _ tensors: [String: Tensor], metadata: [String: String] = [:], to url: URL
  ) throws {
    let bytes = try encode(tensors, metadata: metadata, fileName: url.path)
    do {
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw SafeTensorsError(file: url.path, message: "cannot write the file (\(error))")
    }
  }

  /// Reads every tensor and the metadata of the safetensors file at `url`.
  /// - Throws: `SafeTensorsError` naming the file when it cannot be read or is malformed.
  public static func read(contentsOf url: URL) throws -> SafeTensorsArchive {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw SafeTensorsError(file: url.path, message: "cannot read the file (\(error))")
    }
    return try data.withUnsafeBytes { try decode($0, fileName: url.path) }
  }

  /// Decodes safetensors bytes held in memory.
  /// - Parameter fileName: how messages name the source, e.g. a path.
  /// - Throws: `SafeTensorsError` when the bytes are not a valid safetensors file.
  public static func decode(_ bytes: [UInt8], fileName: String = "<memory>") throws
    -> SafeTensorsArchive
  {
    try bytes.withUnsafeBytes { try decode($0, fileName: fileName) }
  }
}

/// The contents of a safetensors file.
public struct SafeTensorsArchive: Sendable {
  /// Every tensor by name, converted to Float32.
  public var tensors: [String: Tensor]
  /// The `__metadata__` map (empty when the file has none).
  public var metadata: [String: String]
  /// The tensor names in the order their data appears in the file.
  public var names: [String]
  /// The dtype each tensor was stored as (`"F32"`, `"F16"`, …), before conversion.
  public var dtypes: [String: String]
}

/// A safetensors file could not be read or written; `file` names it.
///
/// ```swift
/// // model.safetensors: header length 4096 runs past the end of the file (120 bytes)
/// ```
public struct SafeTensorsError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The path (or name) of the file.
  public var file: String
  /// What is wrong, lowercase, without the file name.
  public var message: String

  /// An error about `file`.
  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }

  /// `file: message`.
  public var description: String { "\(file): \(message)" }
}
