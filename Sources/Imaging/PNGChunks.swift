// A small reader and writer of PNG chunks (length, type, data, CRC) for metadata work.

/// One chunk of a PNG stream, e.g. `IHDR`, `tEXt`, `IDAT`.
public struct PNGChunk: Sendable, Hashable {
  /// The four-letter chunk type, e.g. `"tEXt"`.
  public var type: String
  /// The chunk's payload (without length, type and CRC).
  public var data: [UInt8]

  /// A chunk with the given type and payload.
  public init(type: String, data: [UInt8]) {
    self.type = type
    self.data = data
  }

  /// The chunk as it appears in a file: big-endian length, type, data, CRC-32 of type+data.
  var serialized: [UInt8] {
    let typeBytes = Array(type.utf8)
    var out = bigEndian(UInt32(data.count))
    out += typeBytes
    out += data
    out += bigEndian(CRC32.checksum(typeBytes + data))
    return out
  }
}

extension PNG {
  /// The eight bytes every PNG file starts with.
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  /// Splits a PNG stream into its chunks, checking the signature, lengths and CRCs.
  /// Stops after `IEND`; bytes after it are ignored, as decoders do.
  /// - Throws: `ImagingError.malformed` naming what is wrong and where.
  public static func chunks(in bytes: [UInt8]) throws -> [PNGChunk] {
    guard bytes.count >= signature.count, Array(bytes.prefix(signature.count)) == signature else {
      throw ImagingError.malformed("missing PNG signature")
    }
    var chunks: [PNGChunk] = []
    var offset = signature.count
    while offset < bytes.count {
      guard bytes.count - offset >= 12 else {
        throw ImagingError.malformed("truncated chunk header at byte \(offset)")
      }
      let length = Int(readBigEndian(bytes, at: offset))
      let typeBytes = Array(bytes[offset + 4..<offset + 8])
      // The spec caps lengths at 2³¹−1; anything running past the end is truncation.
      guard length <= Int(Int32.max), length <= bytes.count - offset - 12 else {
        throw ImagingError.malformed("chunk at byte \(offset) runs past the end of the data")
      }
      let data = Array(bytes[offset + 8..<offset + 8 + length])
      let stored = readBigEndian(bytes, at: offset + 8 + length)
      guard stored == CRC32.checksum(typeBytes + data) else {
        throw ImagingError.malformed("CRC mismatch in chunk at byte \(offset)")
      }
      let type = String(decoding: typeBytes, as: UTF8.self)
      chunks.append(PNGChunk(type: type, data: data))
      offset += 12 + length
      if type == "IEND" { return chunks }
    }
    throw ImagingError.malformed("no IEND chunk (the data is truncated)")
  }

  /// Returns `png` with `chunks` inserted right after `IHDR` (ancillary chunks before the
  /// image data are read by every decoder, and the rest of the stream is copied unchanged).
  /// - Throws: `ImagingError.malformed` when `png` does not start with a valid `IHDR`.
  public static func inserting(_ chunks: [PNGChunk], into png: [UInt8]) throws -> [UInt8] {
    let parsed = try self.chunks(in: png)
    guard parsed.first?.type == "IHDR", let header = parsed.first else {
      throw ImagingError.malformed("first chunk is not IHDR")
    }
    let headerEnd = signature.count + 12 + header.data.count
    var out = Array(png[..<headerEnd])
    for chunk in chunks { out += chunk.serialized }
    out += png[headerEnd...]
    return out
  }
}

/// CRC-32 as PNG (and zlib) define it: polynomial 0xEDB88320, reflected, inverted.
enum CRC32 {
  static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = (c & 1 != 0) ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}

func bigEndian(_ value: UInt32) -> [UInt8] {
  [
    UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
    UInt8(value & 0xFF),
  ]
}

/// Reads four bytes at `offset`; the caller has checked that they exist.
func readBigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
  bytes[offset..<offset + 4].reduce(0) { ($0 << 8) | UInt32($1) }
}
