// Figures in the notebook cache: stored as the picture they show, restored as that picture.
import Foundation
import Lang
import Plotting

extension FigureObject: CacheableNative {
  static var cacheTag: String { CachedFigureObject.cacheTag }
  /// Changes whenever the figure model does (figure methods may change it in place).
  var cacheFingerprint: Int { figure.hashValue }

  /// The rendered picture, which is what a restored figure shows: the figure model has
  /// no serialised form yet (it would need `Codable` in `Plotting`).
  func cachePayload() throws -> [UInt8] {
    guard case .image(let image) = display() else {
      throw RuntimeError("the figure cannot be rendered")
    }
    return try CachedFigureObject.payload(
      image: image, description: description, title: figure.title)
  }
}

/// A figure restored from the notebook cache: it shows exactly the picture the original
/// showed, and can be stored again, but it cannot be changed or redrawn.
final class CachedFigureObject: CacheableNative {
  static var cacheTag: String { "figure" }

  let image: Display.Image
  let text: String
  let title: String?

  private struct Header: Codable {
    var mimeType: String
    var width: Int
    var height: Int
    var alt: String
    var description: String
    var title: String?
  }

  /// `[UInt32 LE header length][JSON header][image bytes]`.
  static func payload(image: Display.Image, description: String, title: String?) throws
    -> [UInt8]
  {
    let header = Header(
      mimeType: image.mimeType, width: image.width, height: image.height, alt: image.alt,
      description: description, title: title)
    let json = [UInt8](try JSONEncoder().encode(header))
    return withUnsafeBytes(of: UInt32(json.count).littleEndian, Array.init) + json + image.data
  }

  init(payload bytes: [UInt8]) throws {
    guard bytes.count >= 4 else { throw RuntimeError("the cached figure is truncated") }
    let length = Int(bytes[0..<4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    guard length <= bytes.count - 4 else { throw RuntimeError("the cached figure is truncated") }
    let header = try JSONDecoder().decode(Header.self, from: Data(bytes[4..<(4 + length)]))
    image = Display.Image(
      data: Array(bytes[(4 + length)...]), mimeType: header.mimeType, width: header.width,
      height: header.height, alt: header.alt)
    text = header.description
    title = header.title
  }

  var typeName: String { "figure" }
  var description: String { text }
  var cacheFingerprint: Int { 0 }
  func display() -> Display { .image(image) }

  func cachePayload() throws -> [UInt8] {
    try Self.payload(image: image, description: text, title: title)
  }

  func member(_ name: String) throws -> Value? {
    switch name {
    case "alt": return .string(image.alt)
    case "title": return title.map(Value.string) ?? .nil
    default:
      throw RuntimeError(
        "this figure was restored from the notebook cache as a picture and cannot be changed; "
          + "make it in a cell without cache: true, or run with --refresh")
    }
  }
}
