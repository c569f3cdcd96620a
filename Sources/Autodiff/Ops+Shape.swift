// Shape ops: reshape, transpose/permute, slicing along an axis and concatenation.
import Tensors

extension Variable {
  /// The same scalars under a new shape (one `-1` may be inferred); backward reshapes g.
  /// - Throws: `TensorError` when the element counts differ.
  public func reshaped(_ newShape: [Int]) throws -> Variable {
    let (a, shape) = (ref, self.shape)
    return try tape.record(try value.reshaped(newShape), inputs: [self]) {
      { g, grads in try grads.accumulate(try g.reshaped(shape), into: a) }
    }
  }

  /// Flattens every axis after the first: `[n, c, h, w]` → `[n, c·h·w]`.
  /// - Throws: `TensorError` for a rank-0 value.
  public func flattenedBatch() throws -> Variable {
    guard let n = shape.first else {
      throw TensorError.invalidShape(
        operation: "flatten", shape: shape, reason: "has no batch axis")
    }
    return try reshaped([n, n == 0 ? 0 : value.count / n])
  }

  /// The axes reordered (`axes[i]` becomes axis `i`); backward applies the inverse.
  /// - Throws: `TensorError` unless `axes` is a permutation of the axes.
  public func permuted(_ axes: [Int]) throws -> Variable {
    let result = try value.permuted(axes)
    var inverse = [Int](repeating: 0, count: axes.count)
    for (i, axis) in axes.enumerated() { inverse[axis] = i }
    let a = ref
    return try tape.record(result, inputs: [self]) {
      { g, grads in try grads.accumulate(try g.permuted(inverse), into: a) }
    }
  }

  /// The matrix transpose (axes reversed for other ranks).
  public func transposed() throws -> Variable {
    try permuted(Array(shape.indices.reversed()))
  }

  /// The elements whose index along `axis` lies in `range`; backward scatters g into
  /// zeros of the input's shape.
  /// - Throws: `TensorError` for a bad axis or range.
  public func slice(_ range: Range<Int>, axis: Int = 0) throws -> Variable {
    let result = try value.slice(range, axis: axis)
    let (a, shape) = (ref, self.shape)
    let dim = axis < 0 ? axis + shape.count : axis
    return try tape.record(result, inputs: [self]) {
      { g, grads in
        let outer = shape[..<dim].reduce(1, *)
        let inner = shape[(dim + 1)...].reduce(1, *)
        let gradient = try Tensor(shape: shape) { out in
          out.update(repeating: 0)
          g.withUnsafeBufferPointer { source in
            let block = range.count * inner
            for o in 0..<outer {
              let base = (o * shape[dim] + range.lowerBound) * inner
              for j in 0..<block { out[base + j] = source[o * block + j] }
            }
          }
        }
        try grads.accumulate(gradient, into: a)
      }
    }
  }

  /// The variables joined along `axis`; backward slices g back into pieces.
  /// - Throws: `AutodiffError`/`TensorError` for an empty list, mixed tapes or bad shapes.
  public static func concat(_ parts: [Variable], axis: Int = 0) throws -> Variable {
    guard let first = parts.first else {
      throw AutodiffError.invalidArgument(
        operation: "concat", message: "needs at least one variable")
    }
    let result = try Tensor.concat(parts.map(\.value), axis: axis)
    let refs = parts.map(\.ref)
    let sizes = parts.map { $0.shape[axis < 0 ? axis + $0.shape.count : axis] }
    return try first.tape.record(result, inputs: parts) {
      { g, grads in
        var start = 0
        for (ref, size) in zip(refs, sizes) {
          if ref.needsGrad {
            try grads.accumulate(try g.slice(start..<(start + size), axis: axis), into: ref)
          }
          start += size
        }
      }
    }
  }
}
