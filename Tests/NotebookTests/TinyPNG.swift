// A minimal PNG encoder (stored deflate blocks) so tests have real, decodable figures.
import Foundation

enum TinyPNG {
  /// An RGBA image of a line chart: light grid, axes and a blue sine curve.
  static func chart(width: Int, height: Int) -> [UInt8] {
    var pixels = [UInt8](repeating: 255, count: width * height * 4)
    func set(_ x: Int, _ y: Int, _ rgb: (UInt8, UInt8, UInt8)) {
      guard x >= 0, x < width, y >= 0, y < height else { return }
      let i = (y * width + x) * 4
      (pixels[i], pixels[i + 1], pixels[i + 2]) = rgb
    }
    for y in stride(from: 0, to: height, by: max(height / 5, 1)) {
      for x in 0..<width { set(x, y, (230, 234, 238)) }
    }
    for x in 0..<width { set(x, height - 3, (90, 90, 90)) }
    for y in 0..<height { set(2, y, (90, 90, 90)) }
    for x in 3..<width {
      let t = Double(x) / Double(width) * 6.283
      let y = Int((0.5 - 0.38 * sin(t) * exp(-t / 8)) * Double(height))
      for dy in -1...1 { set(x, y + dy, (31, 111, 235)) }
    }
    return encode(width: width, height: height, rgba: pixels)
  }

  /// PNG bytes for 8-bit RGBA pixels, row-major.
  static func encode(width: Int, height: Int, rgba: [UInt8]) -> [UInt8] {
    var raw: [UInt8] = []
    for y in 0..<height {
      raw.append(0)  // filter: none
      raw += rgba[(y * width * 4)..<((y + 1) * width * 4)]
    }
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    png += chunk("IHDR", be32(width) + be32(height) + [8, 6, 0, 0, 0])
    png += chunk("IDAT", zlibStored(raw))
    png += chunk("IEND", [])
    return png
  }

  private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x78, 0x01]
    var offset = 0
    repeat {
      let count = min(65535, data.count - offset)
      let final: UInt8 = offset + count >= data.count ? 1 : 0
      out += [
        final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF),
        UInt8((~count >> 8) & 0xFF),
      ]
      out += data[offset..<(offset + count)]
      offset += count
    } while offset < data.count
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in data {
      a = (a + UInt32(byte)) % 65521
      b = (b + a) % 65521
    }
    return out + be32(Int(b << 16 | a))
  }

  private static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
    let typed = Array(type.utf8) + body
    return be32(body.count) + typed + be32(Int(crc32(typed)))
  }

  private static func be32(_ n: Int) -> [UInt8] {
    [UInt8((n >> 24) & 0xFF), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
  }

  private static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
