// Creating tensors: zeros, ones, full, eye, arange, linspace.

extension Tensor {
  /// A tensor of `shape` filled with 0.
  /// - Throws: `TensorError` for a negative dimension or a shape over `Tensor.maxElements`.
  public static func zeros(_ shape: [Int]) throws -> Tensor {
    try Tensor(shape: shape, repeating: 0)
  }

  /// A tensor of `shape` filled with 1.
  /// - Throws: `TensorError` for a negative dimension or a shape over `Tensor.maxElements`.
  public static func ones(_ shape: [Int]) throws -> Tensor {
    try Tensor(shape: shape, repeating: 1)
  }

  /// A tensor of `shape` filled with `value`.
  /// - Throws: `TensorError` for a negative dimension or a shape over `Tensor.maxElements`.
  public static func full(_ shape: [Int], _ value: Float) throws -> Tensor {
    try Tensor(shape: shape, repeating: value)
  }

  /// Zeros of the same shape as `other` (cannot fail: that shape is already valid).
  public static func zeros(like other: Tensor) -> Tensor {
    Tensor(uncheckedShape: other.shape, storage: TensorStorage(count: other.count, repeating: 0))
  }

  /// Ones of the same shape as `other`.
  public static func ones(like other: Tensor) -> Tensor {
    Tensor(uncheckedShape: other.shape, storage: TensorStorage(count: other.count, repeating: 1))
  }

  /// The `rows × columns` matrix with ones on the main diagonal (square when `columns` is
  /// nil).
  ///
  /// ```swift
  /// let identity = try Tensor.eye(3)
  /// ```
  /// - Throws: `TensorError` for negative sizes or a matrix over `Tensor.maxElements`.
  public static func eye(_ rows: Int, _ columns: Int? = nil) throws -> Tensor {
    let columns = columns ?? rows
    let result = try zeros([rows, columns])
    let p = result.storage.pointer
    for i in 0..<Swift.min(rows, columns) { p[i * columns + i] = 1 }
    return result
  }

  /// `start, start + step, …` up to but excluding `end`, like NumPy's `arange`.
  ///
  /// ```swift
  /// try Tensor.arange(0, 5)            // [0, 1, 2, 3, 4]
  /// try Tensor.arange(1, 0, step: -0.25)  // [1, 0.75, 0.5, 0.25]
  /// ```
  /// - Throws: `TensorError.invalidArgument` for a zero or non-finite step or bounds;
  ///   `TensorError.tooLarge` when the range has too many elements.
  public static func arange(_ start: Float, _ end: Float, step: Float = 1) throws -> Tensor {
    guard start.isFinite, end.isFinite, step.isFinite, step != 0 else {
      throw TensorError.invalidArgument(
        operation: "arange",
        message: "start, end and step must be finite and step non-zero"
          + " (got \(start), \(end), \(step))")
    }
    let span = (Double(end) - Double(start)) / Double(step)
    let limit = Double(Tensor.maxElements)
    let count = span <= 0 ? 0 : span.rounded(.up)
    guard count <= limit else {
      throw TensorError.tooLarge(
        operation: "arange", shape: [], elements: nil, limit: Tensor.maxElements)
    }
    let n = Int(count)
    return try Tensor(shape: [n]) { buffer in
      for i in 0..<n { buffer[i] = Float(Double(start) + Double(i) * Double(step)) }
    }
  }

  /// `count` evenly spaced values from `start` through `end` inclusive, like NumPy's
  /// `linspace`.
  ///
  /// - Throws: `TensorError.invalidArgument` for a negative count or non-finite bounds.
  public static func linspace(_ start: Float, _ end: Float, count: Int) throws -> Tensor {
    guard count >= 0, start.isFinite, end.isFinite else {
      throw TensorError.invalidArgument(
        operation: "linspace",
        message: "needs finite bounds and a non-negative count (got \(start), \(end), \(count))")
    }
    let step = count > 1 ? (Double(end) - Double(start)) / Double(count - 1) : 0
    return try Tensor(shape: [count]) { buffer in
      for i in 0..<count { buffer[i] = Float(Double(start) + Double(i) * step) }
      if count > 1 { buffer[count - 1] = end }
    }
  }
}
