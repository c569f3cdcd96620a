// Errors for data a figure cannot show, with messages meant for notebook users.

/// Why a series or figure could not be built. The message names the problem and the values.
public struct PlotError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, e.g. `x and y have different lengths (3 and 2)`.
  public var message: String

  /// An error with `message`.
  public init(_ message: String) { self.message = message }

  /// The message.
  public var description: String { message }
}
