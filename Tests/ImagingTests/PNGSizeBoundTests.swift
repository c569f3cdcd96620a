// Encoding writes in one pass into a buffer sized by the worst-case bound, so the bound
// must hold even for data that does not compress at all.
import Testing

@testable import Imaging

@Test(arguments: [(1, 1), (7, 3), (300, 200), (1000, 9)])
func incompressibleImagesFitTheBound(width: Int, height: Int) throws {
  // A xorshift stream: no patterns for deflate to find.
  var state: UInt32 = 2_463_534_242
  let pixels = (0..<(width * height * 4)).map { _ -> UInt8 in
    state ^= state << 13
    state ^= state >> 17
    state ^= state << 5
    return UInt8(truncatingIfNeeded: state)
  }
  let bitmap = try Bitmap(width: width, height: height, format: .rgba8, pixels: pixels)
  for fast in [false, true] {
    let png = try PNG.encode(bitmap, fast: fast)
    #expect(png.count <= PNG.maxEncodedSize(width: width, height: height, channels: 4))
    #expect(try PNG.decode(png) == bitmap)
  }
}
