// Arithmetic operators with NumPy broadcasting: tensor ⊕ tensor, tensor ⊕ scalar, scalar ⊕ tensor.

extension Tensor {
  /// Elementwise sum, broadcasting the shapes NumPy-style.
  ///
  /// ```swift
  /// let y = try x + bias   // [128, 10] + [10] → [128, 10]
  /// ```
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try combined(lhs, rhs, operation: "add") { $0 + $1 }
  }

  /// Elementwise difference, broadcasting the shapes NumPy-style.
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try combined(lhs, rhs, operation: "subtract") { $0 - $1 }
  }

  /// Elementwise product, broadcasting the shapes NumPy-style.
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try combined(lhs, rhs, operation: "multiply") { $0 * $1 }
  }

  /// Elementwise quotient, broadcasting the shapes NumPy-style (IEEE: x/0 is ±∞ or NaN).
  /// - Throws: `TensorError.shapeMismatch` when the shapes cannot be broadcast together.
  public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try combined(lhs, rhs, operation: "divide") { $0 / $1 }
  }

  /// Adds `rhs` to every scalar.
  public static func + (lhs: consuming Tensor, rhs: Float) -> Tensor { lhs.mapped { $0 + rhs } }
  /// Subtracts `rhs` from every scalar.
  public static func - (lhs: consuming Tensor, rhs: Float) -> Tensor { lhs.mapped { $0 - rhs } }
  /// Multiplies every scalar by `rhs`.
  public static func * (lhs: consuming Tensor, rhs: Float) -> Tensor { lhs.mapped { $0 * rhs } }
  /// Divides every scalar by `rhs`.
  public static func / (lhs: consuming Tensor, rhs: Float) -> Tensor { lhs.mapped { $0 / rhs } }
  /// Adds every scalar to `lhs`.
  public static func + (lhs: Float, rhs: consuming Tensor) -> Tensor { rhs.mapped { lhs + $0 } }
  /// Subtracts every scalar from `lhs`.
  public static func - (lhs: Float, rhs: consuming Tensor) -> Tensor { rhs.mapped { lhs - $0 } }
  /// Multiplies `lhs` by every scalar.
  public static func * (lhs: Float, rhs: consuming Tensor) -> Tensor { rhs.mapped { lhs * $0 } }
  /// Divides `lhs` by every scalar.
  public static func / (lhs: Float, rhs: consuming Tensor) -> Tensor { rhs.mapped { lhs / $0 } }

  /// Negates every scalar.
  public static prefix func - (operand: consuming Tensor) -> Tensor { operand.mapped { -$0 } }

  /// Adds `rhs` in place; `rhs` must broadcast to `lhs`'s shape.
  /// - Throws: `TensorError.shapeMismatch` otherwise.
  public static func += (lhs: inout Tensor, rhs: Tensor) throws {
    try lhs.combineInPlace(rhs, operation: "add") { $0 + $1 }
  }

  /// Subtracts `rhs` in place; `rhs` must broadcast to `lhs`'s shape.
  /// - Throws: `TensorError.shapeMismatch` otherwise.
  public static func -= (lhs: inout Tensor, rhs: Tensor) throws {
    try lhs.combineInPlace(rhs, operation: "subtract") { $0 - $1 }
  }

  /// Multiplies by `rhs` in place; `rhs` must broadcast to `lhs`'s shape.
  /// - Throws: `TensorError.shapeMismatch` otherwise.
  public static func *= (lhs: inout Tensor, rhs: Tensor) throws {
    try lhs.combineInPlace(rhs, operation: "multiply") { $0 * $1 }
  }

  /// Divides by `rhs` in place; `rhs` must broadcast to `lhs`'s shape.
  /// - Throws: `TensorError.shapeMismatch` otherwise.
  public static func /= (lhs: inout Tensor, rhs: Tensor) throws {
    try lhs.combineInPlace(rhs, operation: "divide") { $0 / $1 }
  }

  /// Adds `rhs` to every scalar in place.
  public static func += (lhs: inout Tensor, rhs: Float) { lhs.update { $0 + rhs } }
  /// Subtracts `rhs` from every scalar in place.
  public static func -= (lhs: inout Tensor, rhs: Float) { lhs.update { $0 - rhs } }
  /// Multiplies every scalar by `rhs` in place.
  public static func *= (lhs: inout Tensor, rhs: Float) { lhs.update { $0 * rhs } }
  /// Divides every scalar by `rhs` in place.
  public static func /= (lhs: inout Tensor, rhs: Float) { lhs.update { $0 / rhs } }

  /// Replaces every scalar `x` by `f(x)` in place (copying first if the storage is shared).
  @inline(__always)
  mutating func update(_ f: (Float) -> Float) {
    makeUnique()
    let p = storage.pointer
    for i in 0..<count { p[i] = f(p[i]) }
  }

  /// `self += alpha * other` in place, the SGD update; shapes must be equal.
  ///
  /// - Throws: `TensorError.shapeMismatch` when the shapes differ.
  public mutating func addScaled(_ other: Tensor, by alpha: Float) throws {
    guard shape == other.shape else {
      throw TensorError.shapeMismatch(
        operation: "addScaled", lhs: shape, rhs: other.shape, reason: "must be equal")
    }
    makeUnique()
    let (p, q) = (storage.pointer, other.storage.pointer)
    for i in 0..<count { p[i] += alpha * q[i] }
  }

  /// Sets every scalar to `value`.
  public mutating func fill(with value: Float) {
    makeUnique()
    storage.pointer.update(repeating: value, count: count)
  }
}
