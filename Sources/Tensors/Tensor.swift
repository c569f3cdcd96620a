// The Tensor value type: Float32 scalars in row-major order over copy-on-write storage.

/// An n-dimensional array of `Float` in row-major (C) order, with value semantics.
///
/// Copies share one buffer until one of them is mutated (copy-on-write, like `Array`), so
/// passing tensors around is cheap. The layout is always contiguous: shape ops that NumPy
/// answers with a view (transpose, slicing) return a compact copy here, which keeps every
/// kernel on the fast path. Operations that can fail on user input throw `TensorError`
/// instead of trapping.
///
/// ```swift
/// let a = try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
/// let b = try a.matmul(a.T) + 1
/// ```
public struct Tensor: Sendable {
  /// The size of each dimension, outermost first. `[]` is a scalar (rank 0).
  public internal(set) var shape: [Int]
  var storage: TensorStorage

  /// Wraps a storage whose count already equals the product of `shape`.
  init(uncheckedShape shape: [Int], storage: TensorStorage) {
    self.shape = shape
    self.storage = storage
  }

  /// A tensor of an already validated shape whose scalars the caller writes next.
  init(uninitializedShape shape: [Int]) {
    self.init(uncheckedShape: shape, storage: TensorStorage(uninitializedCount: shape.product))
  }

  /// Creates a tensor from scalars in row-major order.
  ///
  /// - Throws: `TensorError` when `scalars.count` differs from the product of `shape`, a
  ///   dimension is negative, or the shape exceeds `Tensor.maxElements`.
  public init(shape: [Int], scalars: [Float]) throws {
    let count = try checkedElementCount(shape, operation: "Tensor")
    guard count == scalars.count else {
      throw TensorError.invalidShape(
        operation: "Tensor", shape: shape,
        reason: "needs \(count) scalars, got \(scalars.count)")
    }
    let storage = TensorStorage(uninitializedCount: count)
    scalars.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { storage.pointer.initialize(from: base, count: count) }
    }
    self.init(uncheckedShape: shape, storage: storage)
  }

  /// Creates a tensor of `shape` with every scalar equal to `value`.
  ///
  /// - Throws: `TensorError` for a negative dimension or a shape over `Tensor.maxElements`.
  public init(shape: [Int], repeating value: Float) throws {
    let count = try checkedElementCount(shape, operation: "full")
    self.init(uncheckedShape: shape, storage: TensorStorage(count: count, repeating: value))
  }

  /// Creates a tensor of `shape` whose scalars `body` writes through a buffer.
  ///
  /// The buffer starts uninitialised: `body` must write every element. This is the
  /// zero-copy way for other code (im2col, data loaders) to fill a new tensor.
  ///
  /// - Throws: `TensorError` for an invalid shape, or whatever `body` throws.
  public init(
    shape: [Int], initializingWith body: (inout UnsafeMutableBufferPointer<Float>) throws -> Void
  ) throws {
    let count = try checkedElementCount(shape, operation: "Tensor")
    let storage = TensorStorage(uninitializedCount: count)
    var buffer = storage.buffer
    try body(&buffer)
    self.init(uncheckedShape: shape, storage: storage)
  }

  /// A one-dimensional tensor holding `scalars`.
  public init(_ scalars: [Float]) {
    let storage = TensorStorage(uninitializedCount: scalars.count)
    scalars.withUnsafeBufferPointer { source in
      if let base = source.baseAddress {
        storage.pointer.initialize(from: base, count: scalars.count)
      }
    }
    self.init(uncheckedShape: [scalars.count], storage: storage)
  }

  /// A two-dimensional tensor from a list of equally long rows.
  ///
  /// - Throws: `TensorError.invalidArgument` when the rows differ in length.
  public init(_ rows: [[Float]]) throws {
    let columns = rows.first?.count ?? 0
    if let bad = rows.firstIndex(where: { $0.count != columns }) {
      throw TensorError.invalidArgument(
        operation: "Tensor",
        message: "row \(bad) has \(rows[bad].count) elements, row 0 has \(columns)")
    }
    try self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
  }

  /// A rank-0 tensor holding one scalar.
  public init(scalar: Float) {
    self.init(uncheckedShape: [], storage: TensorStorage(count: 1, repeating: scalar))
  }
}

extension Tensor {
  /// The number of scalars (the product of `shape`; 1 for a rank-0 tensor).
  public var count: Int { storage.count }

  /// The number of dimensions.
  public var rank: Int { shape.count }

  /// Row-major strides in elements: how far apart neighbours along each axis are.
  public var strides: [Int] { contiguousStrides(shape) }

  /// All scalars in row-major order, copied into an array.
  public var scalars: [Float] { Array(storage.buffer) }

  /// The only scalar of a one-element tensor.
  ///
  /// - Throws: `TensorError.invalidShape` when the tensor holds more or fewer than one.
  public func item() throws -> Float {
    guard count == 1 else {
      throw TensorError.invalidShape(
        operation: "item", shape: shape, reason: "does not hold exactly one element")
    }
    return storage.pointer[0]
  }

  /// Calls `body` with the scalars in row-major order, without copying.
  public func withUnsafeBufferPointer<R>(
    _ body: (UnsafeBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    try body(UnsafeBufferPointer(storage.buffer))
  }

  /// Calls `body` with writable scalars, first copying the storage if another tensor
  /// shares it (copy-on-write). The buffer's count must not change.
  public mutating func withUnsafeMutableBufferPointer<R>(
    _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    makeUnique()
    var buffer = storage.buffer
    return try body(&buffer)
  }

  /// Gives this tensor its own storage before a write.
  mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
  }

  /// Whether this tensor's storage is shared with another copy (for tests of CoW).
  package var sharesStorage: Bool { mutating get { !isKnownUniquelyReferenced(&storage) } }
}

extension Tensor: Equatable {
  /// Tensors are equal when their shapes and all scalars are equal (NaN ≠ NaN).
  public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
    guard lhs.shape == rhs.shape else { return false }
    if lhs.storage === rhs.storage { return !lhs.storage.buffer.contains { $0.isNaN } }
    return lhs.storage.buffer.elementsEqual(rhs.storage.buffer)
  }
}
