// PNG encoding and decoding through libpng's simplified API, plus text metadata.
import CPNG

/// PNG encoding and decoding.
///
/// Uses libpng's *simplified* API (`png_image_*`): the classic API reports errors by
/// `longjmp`, which Swift cannot catch, whereas the simplified one returns a status and a
/// message. So corrupt input is a thrown `ImagingError.libpng`, never an abort.
///
/// ```swift
/// let bitmap = try Bitmap(width: 640, height: 420, format: .rgba8, fill: 255)
/// let bytes = try PNG.encode(bitmap, text: [PNGText(keyword: "Description", text: "A plot")])
/// let back = try PNG.decode(bytes)          // 640×420 RGBA8
/// let alt = try PNG.text(in: bytes)         // [PNGText("Description", "A plot")]
/// ```
public enum PNG {
  /// Encodes `bitmap` as a PNG, with `text` stored as `tEXt`/`iTXt` chunks after the header.
  /// - Parameters:
  ///   - bitmap: the pixels (RGBA8 straight alpha, or grey8).
  ///   - text: metadata entries such as `Description` (alt text), `Title`, `Software`.
  ///   - fast: favour speed over size (libpng's `PNG_IMAGE_FLAG_FAST`: cheaper filtering).
  /// - Throws: `ImagingError.libpng` when libpng fails; `.invalidText` for a bad keyword.
  public static func encode(_ bitmap: Bitmap, text: [PNGText] = [], fast: Bool = false) throws
    -> [UInt8]
  {
    // Fully opaque RGBA is stored as RGB: a quarter less data to filter and compress, and
    // every decoder reads it back with alpha 255.
    if bitmap.format == .rgba8, let rgb = opaqueRGB(bitmap) {
      return try write(
        rgb, width: bitmap.width, height: bitmap.height, channels: 3,
        flags: UInt32(PNG_FORMAT_FLAG_COLOR), text: text, fast: fast)
    }
    return try write(
      bitmap.pixels, width: bitmap.width, height: bitmap.height,
      channels: bitmap.format.channels, flags: formatFlags(bitmap.format), text: text, fast: fast)
  }

  /// The RGB bytes of an RGBA bitmap whose alpha is 255 everywhere, else nil.
  private static func opaqueRGB(_ bitmap: Bitmap) -> [UInt8]? {
    let count = bitmap.width * bitmap.height
    var rgb = [UInt8](repeating: 0, count: count * 3)
    let opaque = bitmap.pixels.withUnsafeBufferPointer { src in
      rgb.withUnsafeMutableBufferPointer { dst in
        for i in 0..<count {
          guard src[4 * i + 3] == 255 else { return false }
          dst[3 * i] = src[4 * i]
          dst[3 * i + 1] = src[4 * i + 1]
          dst[3 * i + 2] = src[4 * i + 2]
        }
        return true
      }
    }
    return opaque ? rgb : nil
  }

  private static func write(
    _ pixels: [UInt8], width: Int, height: Int, channels: Int, flags: UInt32, text: [PNGText],
    fast: Bool
  ) throws -> [UInt8] {
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    image.width = UInt32(width)
    image.height = UInt32(height)
    image.format = flags
    if fast { image.flags = UInt32(PNG_IMAGE_FLAG_FAST) }
    defer { png_image_free(&image) }

    let stride = Int32(width * channels)
    // One pass into a buffer sized by png.h's worst-case bound (PNG_IMAGE_PNG_SIZE_MAX):
    // asking libpng for the size first would compress the whole image twice.
    var size = maxEncodedSize(width: width, height: height, channels: channels)
    var encoded = [UInt8](repeating: 0, count: size)
    var written = encoded.withUnsafeMutableBytes { out in
      pixels.withUnsafeBytes { raw in
        png_image_write_to_memory(&image, out.baseAddress, &size, 0, raw.baseAddress, stride, nil)
      }
    }
    if written == 0, size > encoded.count {
      // The bound was too small for this zlib after all: libpng reported the size it needs.
      encoded = [UInt8](repeating: 0, count: size)
      written = encoded.withUnsafeMutableBytes { out in
        pixels.withUnsafeBytes { raw in
          png_image_write_to_memory(
            &image, out.baseAddress, &size, 0, raw.baseAddress, stride, nil)
        }
      }
    }
    guard written != 0 else { throw ImagingError.libpng(message(of: &image)) }
    encoded.removeSubrange(size...)
    return text.isEmpty ? encoded : try inserting(text, into: encoded)
  }

  /// png.h's `PNG_IMAGE_PNG_SIZE_MAX` for an image without a colour map: the raw rows
  /// with their filter bytes, zlib's worst-case growth, IDAT chunk headers every 8 KiB
  /// (`PNG_ZBUF_SIZE`) and the fixed chunks libpng writes.
  static func maxEncodedSize(width: Int, height: Int, channels: Int) -> Int {
    let data = height * (1 + width * channels)
    let compressed = data + (data + 7) / 8 + (data + 63) / 64 + 11
    return 8 + 25 + 16 + 44 + 12 + 12 + 12 * (compressed / 8192 + 1) + compressed
  }

  /// Decodes PNG bytes into a bitmap of the requested format, converting as needed
  /// (palette, 16-bit, grey+alpha, … all become `format`; alpha is composited on nothing,
  /// i.e. kept for RGBA8 and dropped for grey8).
  /// - Throws: `ImagingError.libpng` with libpng's message for corrupt or truncated data,
  ///   `.invalidSize` when the header declares a size beyond `Bitmap.maxSide`.
  public static func decode(_ bytes: [UInt8], as format: PixelFormat = .rgba8) throws -> Bitmap {
    // libpng keeps reading from the caller's memory until `finish_read`, so both calls
    // happen inside one `withUnsafeBytes`.
    try bytes.withUnsafeBytes { raw in
      var image = png_image()
      image.version = UInt32(PNG_IMAGE_VERSION)
      defer { png_image_free(&image) }
      guard png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count) != 0 else {
        throw ImagingError.libpng(message(of: &image))
      }
      var bitmap = try Bitmap(
        width: Int(image.width), height: Int(image.height), format: format, fill: 0)
      image.format = formatFlags(format)
      let finished = bitmap.pixels.withUnsafeMutableBytes { out in
        png_image_finish_read(&image, nil, out.baseAddress, 0, nil)
      }
      guard finished != 0 else { throw ImagingError.libpng(message(of: &image)) }
      return bitmap
    }
  }

  private static func formatFlags(_ format: PixelFormat) -> UInt32 {
    switch format {
    // PNG_FORMAT_RGBA is a macro Swift does not import; it is exactly these two flags.
    case .rgba8: UInt32(PNG_FORMAT_FLAG_COLOR) | UInt32(PNG_FORMAT_FLAG_ALPHA)
    case .grey8: 0
    }
  }

  /// libpng's message from the fixed 64-byte `message` field.
  private static func message(of image: inout png_image) -> String {
    let text = withUnsafeBytes(of: &image.message) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    return text.isEmpty ? "unknown libpng failure" : text
  }
}
