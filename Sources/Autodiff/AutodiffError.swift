// Errors from recording or differentiating a computation.

/// A differentiable op refused its input. Tensor-level failures (shapes that do not
/// broadcast, bad axes) surface as `TensorError` from the `Tensors` target instead.
public enum AutodiffError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Variables from two different tapes were combined.
  case foreignVariable
  /// A shape was not the one the operation needs.
  case shapeMismatch(operation: String, expected: [Int], got: [Int])
  /// An argument is out of its domain; `message` says which and why.
  case invalidArgument(operation: String, message: String)

  /// A one-line message naming the operation.
  public var description: String {
    switch self {
    case .foreignVariable:
      return "autodiff: variables from different tapes cannot be combined"
    case .shapeMismatch(let operation, let expected, let got):
      return "\(operation): expected shape \(expected), got \(got)"
    case .invalidArgument(let operation, let message):
      return "\(operation): \(message)"
    }
  }
}
