// Elementwise comparisons producing 0/1 masks, with broadcasting.

extension Tensor {
  /// 1 where `lhs == rhs`, else 0, broadcasting the shapes.
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public static func .== (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try combined(lhs, rhs, operation: "equal") { $0 == $1 ? 1 : 0 }
  }

  /// 1 where `lhs != rhs`, else 0, broadcasting the shapes.
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public static func .!= (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try combined(lhs, rhs, operation: "not_equal") { $0 != $1 ? 1 : 0 }
  }

  /// 1 where `lhs < rhs`, else 0, broadcasting the shapes.
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public static func .< (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try combined(lhs, rhs, operation: "less") { $0 < $1 ? 1 : 0 }
  }

  /// 1 where `lhs <= rhs`, else 0, broadcasting the shapes.
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public static func .<= (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try combined(lhs, rhs, operation: "less_equal") { $0 <= $1 ? 1 : 0 }
  }

  /// 1 where `lhs > rhs`, else 0, broadcasting the shapes.
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public static func .> (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try combined(lhs, rhs, operation: "greater") { $0 > $1 ? 1 : 0 }
  }

  /// 1 where `lhs >= rhs`, else 0, broadcasting the shapes.
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public static func .>= (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try combined(lhs, rhs, operation: "greater_equal") { $0 >= $1 ? 1 : 0 }
  }

  /// 1 where a scalar equals `rhs`, else 0.
  public static func .== (lhs: consuming Tensor, rhs: Float) -> Tensor {
    lhs.mapped { $0 == rhs ? 1 : 0 }
  }

  /// 1 where a scalar differs from `rhs`, else 0.
  public static func .!= (lhs: consuming Tensor, rhs: Float) -> Tensor {
    lhs.mapped { $0 != rhs ? 1 : 0 }
  }

  /// 1 where a scalar is below `rhs`, else 0.
  public static func .< (lhs: consuming Tensor, rhs: Float) -> Tensor {
    lhs.mapped { $0 < rhs ? 1 : 0 }
  }

  /// 1 where a scalar is at most `rhs`, else 0.
  public static func .<= (lhs: consuming Tensor, rhs: Float) -> Tensor {
    lhs.mapped { $0 <= rhs ? 1 : 0 }
  }

  /// 1 where a scalar is above `rhs`, else 0.
  public static func .> (lhs: consuming Tensor, rhs: Float) -> Tensor {
    lhs.mapped { $0 > rhs ? 1 : 0 }
  }

  /// 1 where a scalar is at least `rhs`, else 0.
  public static func .>= (lhs: consuming Tensor, rhs: Float) -> Tensor {
    lhs.mapped { $0 >= rhs ? 1 : 0 }
  }
}
