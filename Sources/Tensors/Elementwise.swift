// The elementwise engine: unary maps and NumPy-broadcast binary ops, with vectorisable loops.
//
// Kernels take the scalar operation as a closure and are `@inline(__always)`, so each call
// site gets its own specialised loop that LLVM vectorises (checked in release builds).
// Results reuse an operand's storage when that operand is a uniquely referenced temporary
// of the result's shape, so chains like `(a * b + c).relu()` allocate once.

extension Tensor {
  /// A tensor of the same shape holding `transform` of every scalar, for one-off
  /// elementwise functions that have no built-in operation.
  ///
  /// ```swift
  /// let softplus = x.map { log1p(exp($0)) }
  /// ```
  public func map(_ transform: (Float) throws -> Float) rethrows -> Tensor {
    let result = Tensor(uninitializedShape: shape)
    let (source, target) = (storage.pointer, result.storage.pointer)
    for i in 0..<count { target[i] = try transform(source[i]) }
    return result
  }

  /// `f` applied to every scalar.
  @inline(__always)
  consuming func mapped(_ f: (Float) -> Float) -> Tensor {
    let n = count
    let source = storage.pointer
    let output =
      isKnownUniquelyReferenced(&storage) ? storage : TensorStorage(uninitializedCount: n)
    let target = output.pointer
    for i in 0..<n { target[i] = f(source[i]) }
    return Tensor(uncheckedShape: shape, storage: output)
  }

  /// `f` applied to pairs of scalars from `lhs` and `rhs` broadcast together.
  @inline(__always)
  static func combined(
    _ lhs: consuming Tensor, _ rhs: consuming Tensor, operation: String,
    _ f: (Float, Float) -> Float
  ) throws -> Tensor {
    let shape =
      lhs.shape == rhs.shape
      ? lhs.shape : try broadcastShape(lhs.shape, rhs.shape, operation: operation)
    let output: TensorStorage
    if lhs.shape == shape, isKnownUniquelyReferenced(&lhs.storage) {
      output = lhs.storage
    } else if rhs.shape == shape, isKnownUniquelyReferenced(&rhs.storage) {
      output = rhs.storage
    } else {
      output = TensorStorage(
        uninitializedCount: try checkedElementCount(shape, operation: operation))
    }
    combine(lhs, rhs, shape: shape, into: output, f)
    return Tensor(uncheckedShape: shape, storage: output)
  }

  /// `f` applied in place to pairs from `self` and `other` broadcast to `self`'s shape.
  @inline(__always)
  mutating func combineInPlace(
    _ other: Tensor, operation: String, _ f: (Float, Float) -> Float
  ) throws {
    let result = try broadcastShape(shape, other.shape, operation: operation)
    guard result == shape else {
      throw TensorError.shapeMismatch(
        operation: operation, lhs: shape, rhs: other.shape,
        reason: "cannot be combined in place (the result would have shape \(result))")
    }
    makeUnique()
    Tensor.combine(self, other, shape: shape, into: storage, f)
  }

  /// Writes `f(lhs, rhs)` broadcast to `shape` into `output`, which may be the storage of
  /// an operand that already has that shape (each element is read before it is written).
  @inline(__always)
  static func combine(
    _ lhs: borrowing Tensor, _ rhs: borrowing Tensor, shape: [Int], into output: TensorStorage,
    _ f: (Float, Float) -> Float
  ) {
    let a = lhs.storage.pointer
    let b = rhs.storage.pointer
    let c = output.pointer
    let n = output.count
    if lhs.count == n && rhs.count == n {
      for i in 0..<n { c[i] = f(a[i], b[i]) }
    } else if rhs.count == 1 && lhs.count == n {
      let y = b[0]
      for i in 0..<n { c[i] = f(a[i], y) }
    } else if lhs.count == 1 && rhs.count == n {
      let x = a[0]
      for i in 0..<n { c[i] = f(x, b[i]) }
    } else if n > 0 {
      let plan = BroadcastPlan(shape: shape, lhs: lhs.shape, rhs: rhs.shape)
      plan.forEachRow { offsetA, offsetB, offsetC in
        let (pa, pb, pc) = (a + offsetA, b + offsetB, c + offsetC)
        let m = plan.rowLength
        switch (plan.lhsRowStride, plan.rhsRowStride) {
        case (1, 1): for i in 0..<m { pc[i] = f(pa[i], pb[i]) }
        case (1, _): let y = pb[0]; for i in 0..<m { pc[i] = f(pa[i], y) }
        default: let x = pa[0]; for i in 0..<m { pc[i] = f(x, pb[i]) }
        }
      }
    }
  }
}

/// How to walk two operands broadcast to a common shape: the output is a run of contiguous
/// rows; each operand advances by 1 or 0 inside a row and by per-axis strides between rows.
struct BroadcastPlan {
  /// Outer dimensions (size-1 axes dropped, mergeable axes merged), row axis excluded.
  private var dimensions: [Int] = []
  private var lhsStrides: [Int] = []
  private var rhsStrides: [Int] = []
  private(set) var rowLength = 1
  private(set) var lhsRowStride = 0
  private(set) var rhsRowStride = 0

  init(shape: [Int], lhs: [Int], rhs: [Int]) {
    let a = Self.stridesInResult(shape: shape, operand: lhs)
    let b = Self.stridesInResult(shape: shape, operand: rhs)
    var dims: [Int] = []
    var sa: [Int] = []
    var sb: [Int] = []
    for axis in shape.indices where shape[axis] != 1 {
      // Merge with the previous axis when both operands step through it contiguously.
      if let last = dims.indices.last, sa[last] == a[axis] * shape[axis],
        sb[last] == b[axis] * shape[axis]
      {
        dims[last] *= shape[axis]
        sa[last] = a[axis]
        sb[last] = b[axis]
      } else {
        dims.append(shape[axis])
        sa.append(a[axis])
        sb.append(b[axis])
      }
    }
    if let last = dims.popLast(), let strideA = sa.popLast(), let strideB = sb.popLast() {
      (rowLength, lhsRowStride, rhsRowStride) = (last, strideA, strideB)
    }
    (dimensions, lhsStrides, rhsStrides) = (dims, sa, sb)
  }

  /// An operand's element strides along each axis of the result (0 where it broadcasts).
  private static func stridesInResult(shape: [Int], operand: [Int]) -> [Int] {
    let own = contiguousStrides(operand)
    let offset = shape.count - operand.count
    return shape.indices.map { axis in
      axis < offset || operand[axis - offset] == 1 ? 0 : own[axis - offset]
    }
  }

  /// Calls `body(lhsOffset, rhsOffset, outputOffset)` for each output row, in order.
  func forEachRow(_ body: (Int, Int, Int) -> Void) {
    let rows = dimensions.reduce(1, *)
    var index = [Int](repeating: 0, count: dimensions.count)
    var offsetA = 0
    var offsetB = 0
    for row in 0..<rows {
      body(offsetA, offsetB, row * rowLength)
      var axis = dimensions.count - 1
      while axis >= 0 {
        index[axis] += 1
        offsetA += lhsStrides[axis]
        offsetB += rhsStrides[axis]
        if index[axis] < dimensions[axis] { break }
        offsetA -= lhsStrides[axis] * dimensions[axis]
        offsetB -= rhsStrides[axis] * dimensions[axis]
        index[axis] = 0
        axis -= 1
      }
    }
  }
}
