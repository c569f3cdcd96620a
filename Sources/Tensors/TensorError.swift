// Errors thrown by tensor operations, with messages that name the operation and the shapes.

/// A tensor operation refused its input. Every message names the operation; shape errors
/// name both shapes.
///
/// ```swift
/// do { _ = try a.matmul(b) } catch { print(error) }
/// // matmul: shapes [3, 4] and [5, 2] are not aligned (4 ≠ 5)
/// ```
public enum TensorError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Two operands' shapes do not fit together; `reason` completes the sentence
  /// "`operation`: shapes `lhs` and `rhs` …".
  case shapeMismatch(operation: String, lhs: [Int], rhs: [Int], reason: String)
  /// A shape (or a tensor of that shape) is not valid for the operation.
  case invalidShape(operation: String, shape: [Int], reason: String)
  /// The result would have more elements than `Tensor.maxElements` (`elements` is nil when
  /// the count does not even fit in an `Int`).
  case tooLarge(operation: String, shape: [Int], elements: Int?, limit: Int)
  /// An axis outside `-rank..<rank`.
  case axisOutOfRange(operation: String, axis: Int, rank: Int)
  /// An index outside `-size..<size`.
  case indexOutOfRange(operation: String, index: Int, size: Int)
  /// Any other bad argument, described by `message`.
  case invalidArgument(operation: String, message: String)
  /// A LAPACK routine reported failure (`info` < 0: bad argument; > 0: no convergence).
  case lapackFailure(operation: String, routine: String, info: Int)
  /// The input holds NaN or infinity where the operation needs finite numbers.
  case notFinite(operation: String)

  /// A readable one-line message, e.g. `add: shapes [2, 3] and [4] cannot be broadcast
  /// together`.
  public var description: String {
    switch self {
    case .shapeMismatch(let operation, let lhs, let rhs, let reason):
      return "\(operation): shapes \(lhs) and \(rhs) \(reason)"
    case .invalidShape(let operation, let shape, let reason):
      return "\(operation): shape \(shape) \(reason)"
    case .tooLarge(let operation, let shape, let elements, let limit):
      let count = elements.map { "\($0) elements" } ?? "more elements than an Int can count"
      return "\(operation): shape \(shape) has \(count), more than the limit of \(limit)"
        + " (Tensor.maxElements)"
    case .axisOutOfRange(let operation, let axis, let rank):
      return "\(operation): axis \(axis) is out of range for a tensor of rank \(rank)"
    case .indexOutOfRange(let operation, let index, let size):
      return "\(operation): index \(index) is out of range for size \(size)"
    case .invalidArgument(let operation, let message):
      return "\(operation): \(message)"
    case .lapackFailure(let operation, let routine, let info):
      // LAPACKE's own codes: LAPACK_WORK_MEMORY_ERROR and LAPACK_TRANSPOSE_MEMORY_ERROR.
      if info == -1010 || info == -1011 {
        return "\(operation): LAPACK \(routine) ran out of memory for its workspace"
      }
      if info < 0 {
        return "\(operation): LAPACK \(routine) rejected argument \(-info) (info = \(info))"
      }
      return "\(operation): LAPACK \(routine) did not converge (info = \(info))"
    case .notFinite(let operation):
      return "\(operation): the input contains NaN or infinity"
    }
  }
}
