// PNG text metadata: written as chunks, read back, CRCs checked.
import Testing

@testable import Imaging

@Test func crcMatchesKnownValue() {
  // The CRC of an empty IEND chunk is the well-known AE 42 60 82.
  #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
  #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
}

@Test func textRoundTripsLatin1AndUnicode() throws {
  let bitmap = try Bitmap(width: 4, height: 4, format: .grey8, fill: 128)
  let entries = [
    PNGText(keyword: "Description", text: "Line plot of loss — café"),
    PNGText(keyword: "Title", text: "accuracy vs ε, κ(S) and σ₁"),
    PNGText(keyword: "Software", text: "lrnb"),
  ]
  let png = try PNG.encode(bitmap, text: entries)
  #expect(try PNG.text(in: png) == entries)
  let types = try PNG.chunks(in: png).map(\.type)
  #expect(types.first == "IHDR")
  #expect(types.filter { $0 == "iTXt" }.count == 2)
  #expect(types.filter { $0 == "tEXt" }.count == 1)
  #expect(try PNG.decode(png, as: .grey8) == bitmap)
}

@Test func badKeywordsAreRejected() throws {
  let bitmap = try Bitmap(width: 1, height: 1, format: .grey8)
  for keyword in ["", " lead", "trail ", "two  spaces", String(repeating: "k", count: 80), "σ"] {
    #expect(throws: ImagingError.self) {
      try PNG.encode(bitmap, text: [PNGText(keyword: keyword, text: "x")])
    }
  }
}

@Test func chunkParserRejectsBrokenStreams() throws {
  let png = try PNG.encode(
    try Bitmap(width: 2, height: 2, format: .grey8),
    text: [PNGText(keyword: "Title", text: "t")])
  #expect(throws: ImagingError.self) { try PNG.chunks(in: Array(png.dropFirst())) }
  #expect(throws: ImagingError.self) { try PNG.chunks(in: Array(png.dropLast(3))) }
  #expect(throws: ImagingError.self) { try PNG.text(in: Array(png.prefix(30))) }
  var flipped = png
  flipped[40] ^= 0x01
  #expect(throws: ImagingError.self) { try PNG.text(in: flipped) }
}
