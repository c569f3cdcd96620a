// A trainable tensor with its gradient and the constraint its optimiser must respect.
import Tensors

/// A trainable tensor owned by a layer.
///
/// A class, because optimisers, the training loop and the integrators of later issues all
/// update the same parameter in place. Its full name (`layers.0.U`) is given by the model
/// (`Sequential.namedParameters`) and keys per-parameter optimiser state.
public final class Parameter {
  /// How an optimiser must treat the parameter.
  public enum Constraint: Sendable, Equatable {
    /// Any matrix: plain gradient steps.
    case none
    /// Orthonormal columns (a low-rank basis U or V): gradients are projected onto the
    /// tangent space, `(I − UUᵀ)·G`, and the result retracted by QR after each step.
    case orthonormalColumns
  }

  /// The name inside its layer (`weight`, `bias`, `U`, `S`, `V`).
  public let name: String
  /// The current value.
  public var value: Tensor
  /// The gradient of the last backward pass, or nil before one.
  public var grad: Tensor?
  /// What the optimiser must preserve.
  public let constraint: Constraint

  /// A parameter named `name` holding `value`.
  public init(_ name: String, _ value: Tensor, constraint: Constraint = .none) {
    self.name = name
    self.value = value
    self.constraint = constraint
  }

  /// The number of scalars.
  public var count: Int { value.count }
}
