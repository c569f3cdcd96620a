// PNG round trips, libpng error reporting and size limits.
import Testing

@testable import Imaging

@Test func rgbaRoundTripKeepsEveryByte() throws {
  var pixels: [UInt8] = []
  for y in 0..<5 {
    for x in 0..<7 {
      pixels += [UInt8(x * 30), UInt8(y * 50), UInt8((x + y) * 10), UInt8(100 + x)]
    }
  }
  let bitmap = try Bitmap(width: 7, height: 5, format: .rgba8, pixels: pixels)
  let png = try PNG.encode(bitmap)
  #expect(Array(png.prefix(8)) == PNG.signature)
  #expect(try PNG.decode(png) == bitmap)
  #expect(try PNG.decode(try PNG.encode(bitmap, fast: true)) == bitmap)
}

@Test func greyRoundTripAndConversionToRGBA() throws {
  let bitmap = try Bitmap(width: 3, height: 2, format: .grey8, pixels: [0, 60, 120, 180, 240, 255])
  let png = try PNG.encode(bitmap)
  #expect(try PNG.decode(png, as: .grey8) == bitmap)
  let rgba = try PNG.decode(png, as: .rgba8)
  #expect(rgba.pixel(x: 2, y: 1) == [255, 255, 255, 255])
  #expect(rgba.pixel(x: 0, y: 0) == [0, 0, 0, 255])
  #expect(rgba.pixel(x: 3, y: 0) == nil)
}

@Test func corruptDataThrowsLibpngMessage() throws {
  let bitmap = try Bitmap(width: 16, height: 16, format: .rgba8, fill: 200)
  var png = try PNG.encode(bitmap)
  // Garbage instead of a signature.
  #expect(throws: ImagingError.self) { try PNG.decode([1, 2, 3, 4, 5, 6, 7, 8, 9]) }
  #expect(throws: ImagingError.self) { try PNG.decode([]) }
  // Truncated in the middle of the image data.
  do {
    _ = try PNG.decode(Array(png.prefix(png.count / 2)))
    Issue.record("truncated PNG decoded without an error")
  } catch let ImagingError.libpng(message) {
    #expect(!message.isEmpty)
  }
  // A flipped byte in IDAT fails its CRC.
  png[png.count - 20] ^= 0xFF
  #expect(throws: ImagingError.self) { try PNG.decode(png) }
}

@Test func hugeDeclaredSizeIsRefused() throws {
  // A valid header claiming 100000×100000 pixels must not allocate 40 GB.
  var header: [UInt8] = bigEndian(100_000) + bigEndian(100_000) + [8, 6, 0, 0, 0]
  header = PNG.signature + PNGChunk(type: "IHDR", data: header).serialized
  let png = header + PNGChunk(type: "IEND", data: []).serialized
  #expect(throws: ImagingError.self) { try PNG.decode(png) }
}

@Test func invalidBitmapSizesThrow() {
  #expect(throws: ImagingError.self) { try Bitmap(width: 0, height: 3, format: .grey8) }
  #expect(throws: ImagingError.self) {
    try Bitmap(width: 2, height: 2, format: .rgba8, pixels: [1])
  }
  #expect(throws: ImagingError.self) { try Bitmap(width: 1 << 20, height: 1, format: .grey8) }
}
