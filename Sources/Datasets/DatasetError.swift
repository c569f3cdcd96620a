// Errors from loading, building and slicing datasets; file errors name the file.

/// A dataset could not be loaded or an operation on it was refused.
///
/// When a file is at fault, `file` names it and the description starts with it:
///
/// ```swift
/// // /data/train-images-idx3-ubyte.gz: truncated: the header promises 47040000 bytes of
/// // data, the file holds 1200
/// ```
public struct DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The path of the file at fault, or nil for errors not about a file.
  public var file: String?
  /// What is wrong, lowercase, without the file name.
  public var message: String

  /// An error about `file` (nil when no file is involved).
  public init(file: String? = nil, _ message: String) {
    self.file = file
    self.message = message
  }

  /// `file: message`, or just the message.
  public var description: String {
    guard let file else { return message }
    return "\(file): \(message)"
  }
}
