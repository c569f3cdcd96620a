// Errors from encoding, decoding and inspecting images.

/// Why an image could not be encoded, decoded or parsed. Every case carries a readable message.
public enum ImagingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A size or buffer length is impossible (empty, too large, mismatched).
  case invalidSize(String)
  /// libpng refused the data; the text is libpng's own message.
  case libpng(String)
  /// The byte stream is not a well-formed PNG (bad signature, truncated chunk, bad CRC).
  case malformed(String)
  /// A text-metadata keyword or value cannot be stored in a PNG.
  case invalidText(String)

  /// The message, prefixed with what failed.
  public var description: String {
    switch self {
    case .invalidSize(let message): "invalid image size: \(message)"
    case .libpng(let message): "PNG error: \(message)"
    case .malformed(let message): "malformed PNG: \(message)"
    case .invalidText(let message): "invalid PNG text: \(message)"
    }
  }
}
