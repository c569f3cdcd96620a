// The heap buffer behind `Tensor`: one aligned allocation of Float32 scalars.

/// A fixed-size, 64-byte aligned buffer of `Float`s, shared between tensor copies until one
/// of them writes (copy-on-write lives in `Tensor`, which checks uniqueness before mutating).
///
/// `@unchecked Sendable`: the buffer is only written through a uniquely referenced tensor, so
/// a storage reachable from two threads is never written — the same contract as `Array`.
final class TensorStorage: @unchecked Sendable {
  /// Cache-line alignment lets BLAS and the vectorised loops start on a full vector.
  static let alignment = 64

  let pointer: UnsafeMutablePointer<Float>
  let count: Int

  /// Allocates `count` scalars without initialising them; callers must write each one.
  /// `count` has already been checked against `Tensor.maxElements`.
  init(uninitializedCount count: Int) {
    self.count = count
    let raw = UnsafeMutableRawPointer.allocate(
      byteCount: Swift.max(count, 1) * MemoryLayout<Float>.stride, alignment: Self.alignment)
    pointer = raw.bindMemory(to: Float.self, capacity: Swift.max(count, 1))
  }

  /// Allocates `count` scalars all set to `value`.
  convenience init(count: Int, repeating value: Float) {
    self.init(uninitializedCount: count)
    pointer.initialize(repeating: value, count: count)
  }

  /// A new buffer holding the same scalars.
  func copy() -> TensorStorage {
    let result = TensorStorage(uninitializedCount: count)
    result.pointer.initialize(from: pointer, count: count)
    return result
  }

  var buffer: UnsafeMutableBufferPointer<Float> {
    UnsafeMutableBufferPointer(start: pointer, count: count)
  }

  deinit {
    UnsafeMutableRawPointer(pointer).deallocate()
  }
}
