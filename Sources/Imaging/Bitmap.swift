// An uncompressed 8-bit image in memory: RGBA or grey pixels, row-major, no padding.

/// How the bytes of a `Bitmap` are laid out per pixel.
public enum PixelFormat: Sendable, Hashable {
  /// Four bytes per pixel: red, green, blue, alpha (straight, not premultiplied).
  case rgba8
  /// One byte per pixel: grey level, 0 black to 255 white.
  case grey8

  /// Bytes per pixel.
  public var channels: Int {
    switch self {
    case .rgba8: 4
    case .grey8: 1
    }
  }
}

/// An image as raw pixels: `height` rows of `width` pixels, top row first.
///
/// ```swift
/// let white = try Bitmap(width: 2, height: 1, format: .grey8, pixels: [255, 255])
/// let png = try PNG.encode(white)
/// ```
public struct Bitmap: Sendable, Hashable {
  /// Width in pixels.
  public let width: Int
  /// Height in pixels.
  public let height: Int
  /// The layout of each pixel.
  public let format: PixelFormat
  /// `width * height * format.channels` bytes, row-major, top row first.
  public var pixels: [UInt8]

  /// Wraps `pixels`, checking that the byte count matches the size and format.
  /// - Throws: `ImagingError.invalidSize` when a dimension is not positive or too large,
  ///   or the buffer has the wrong length.
  public init(width: Int, height: Int, format: PixelFormat, pixels: [UInt8]) throws {
    let expected = try Bitmap.byteCount(width: width, height: height, format: format)
    guard pixels.count == expected else {
      throw ImagingError.invalidSize(
        "\(width)×\(height) \(format) needs \(expected) bytes, got \(pixels.count)")
    }
    self.width = width
    self.height = height
    self.format = format
    self.pixels = pixels
  }

  /// A bitmap of one repeated pixel value (all channels set to `fill`).
  /// - Throws: `ImagingError.invalidSize` when a dimension is not positive or too large.
  public init(width: Int, height: Int, format: PixelFormat, fill: UInt8 = 0) throws {
    let count = try Bitmap.byteCount(width: width, height: height, format: format)
    self.width = width
    self.height = height
    self.format = format
    self.pixels = [UInt8](repeating: fill, count: count)
  }

  /// The largest side accepted, in pixels. libpng's own limit is 2³¹−1, but a picture
  /// this project makes or loads is far smaller; a bigger header is corrupt or hostile.
  public static let maxSide = 1 << 15

  /// The byte size of a bitmap, or an error for sizes that are empty or exceed `maxSide`.
  static func byteCount(width: Int, height: Int, format: PixelFormat) throws -> Int {
    guard width > 0, height > 0 else {
      throw ImagingError.invalidSize("image size must be positive, got \(width)×\(height)")
    }
    guard width <= maxSide, height <= maxSide else {
      throw ImagingError.invalidSize(
        "image size \(width)×\(height) exceeds the limit of \(maxSide) pixels per side")
    }
    return width * height * format.channels
  }

  /// The bytes of pixel (`x`, `y`), or nil outside the image.
  public func pixel(x: Int, y: Int) -> ArraySlice<UInt8>? {
    guard x >= 0, x < width, y >= 0, y < height else { return nil }
    let start = (y * width + x) * format.channels
    return pixels[start..<start + format.channels]
  }
}
