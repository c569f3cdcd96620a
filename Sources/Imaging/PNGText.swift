// PNG text metadata: keyword/value pairs stored as tEXt (Latin-1) or iTXt (UTF-8) chunks.

/// One text entry of a PNG, e.g. `Description` holding a figure's alt text.
///
/// Standard keywords include `Title`, `Author`, `Description`, `Software`, `Source`.
public struct PNGText: Sendable, Hashable {
  /// 1–79 printable Latin-1 characters, no leading, trailing or double spaces.
  public var keyword: String
  /// Any text; stored as `tEXt` when it is Latin-1 without NULs, else as UTF-8 `iTXt`.
  public var text: String

  /// An entry with the given keyword and text.
  public init(keyword: String, text: String) {
    self.keyword = keyword
    self.text = text
  }

  /// The longest keyword PNG allows.
  static let maxKeywordLength = 79

  /// The chunk that stores this entry.
  /// - Throws: `ImagingError.invalidText` for a keyword PNG does not allow.
  func chunk() throws -> PNGChunk {
    guard let key = PNGText.latin1(keyword), (1...PNGText.maxKeywordLength).contains(key.count),
      key.allSatisfy({ (32...126).contains($0) || (161...255).contains($0) }),
      key.first != 32, key.last != 32, !keyword.contains("  ")
    else {
      throw ImagingError.invalidText(
        "keyword '\(keyword)' must be 1–79 printable Latin-1 characters without extra spaces")
    }
    if let value = PNGText.latin1(text), !value.contains(0) {
      return PNGChunk(type: "tEXt", data: key + [0] + value)
    }
    // iTXt: keyword, NUL, compression flag 0, method 0, empty language tag, NUL,
    // empty translated keyword, NUL, UTF-8 text.
    return PNGChunk(type: "iTXt", data: key + [0, 0, 0, 0, 0] + Array(text.utf8))
  }

  /// Reads a `tEXt` or uncompressed `iTXt` chunk; nil for other chunks and for compressed
  /// text (`zTXt`, compressed `iTXt`), which would need zlib and which this project never writes.
  init?(chunk: PNGChunk) {
    let parts = chunk.data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return nil }
    let key = String(parts[0].map { Character(Unicode.Scalar($0)) })
    switch chunk.type {
    case "tEXt":
      self.init(keyword: key, text: String(parts[1].map { Character(Unicode.Scalar($0)) }))
    case "iTXt":
      let rest = Array(parts[1])
      guard rest.count >= 2, rest[0] == 0 else { return nil }
      // Skip method, then the language tag and translated keyword (each NUL-terminated).
      let fields = rest[2...].split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { return nil }
      self.init(keyword: key, text: String(decoding: fields[2], as: UTF8.self))
    default:
      return nil
    }
  }

  /// The Latin-1 bytes of `string`, or nil when it has characters outside Latin-1.
  static func latin1(_ string: String) -> [UInt8]? {
    var bytes: [UInt8] = []
    for scalar in string.unicodeScalars {
      guard scalar.value < 256 else { return nil }
      bytes.append(UInt8(scalar.value))
    }
    return bytes
  }
}

extension PNG {
  /// All text entries of a PNG stream, in file order.
  /// - Throws: `ImagingError.malformed` when the stream's chunks are broken.
  public static func text(in png: [UInt8]) throws -> [PNGText] {
    try chunks(in: png).compactMap(PNGText.init(chunk:))
  }

  /// Returns `png` with `entries` added as text chunks after the header.
  /// - Throws: `ImagingError.invalidText` for a bad keyword, `.malformed` for a broken stream.
  public static func inserting(_ entries: [PNGText], into png: [UInt8]) throws -> [UInt8] {
    try inserting(entries.map { try $0.chunk() }, into: png)
  }
}
