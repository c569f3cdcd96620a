// Errors of attacks, phrased for users.

/// What can go wrong when configuring or running an attack.
public enum AttackError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A setting is out of range.
  case invalidArgument(String)
  /// The inputs are not pixel values in [0, 1] (after undoing the data's normalisation).
  case notPixels(low: Float, high: Float)

  /// The message shown to users.
  public var description: String {
    switch self {
    case .invalidArgument(let message): return message
    case .notPixels(let low, let high):
      return "attacks work on pixel values in [0, 1], but the inputs range over "
        + "[\(short(low)), \(short(high))]; attack the unnormalised inputs, or a dataset "
        + "that records its normalisation"
    }
  }
}
