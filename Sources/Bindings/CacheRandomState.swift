// The session's random stream as bytes, so a cached cell leaves it where running would.
import Lang
import Tensors

extension Session {
  /// The random generator's state: a format byte, then the generator's bytes.
  ///
  /// `RNG` keeps its state private, so its bytes are copied whole; it is plain data
  /// (four words and a spare normal), checked by `_isPOD`, and `restoreRandomState`
  /// refuses bytes of another size. An `RNG.state` API in `Tensors` would be cleaner.
  public func randomState() -> [UInt8] {
    guard _isPOD(RNG.self) else { return [] }
    var rng = random.rng
    return [Self.randomStateFormat] + withUnsafeBytes(of: &rng, Array.init)
  }

  /// Puts back a state from `randomState()`.
  /// - Throws: for bytes of another format or size (nothing changes then).
  public func restoreRandomState(_ bytes: [UInt8]) throws {
    guard _isPOD(RNG.self), bytes.count == MemoryLayout<RNG>.size + 1,
      bytes.first == Self.randomStateFormat
    else { throw RuntimeError("the stored random state does not fit this build") }
    var rng = RNG(seed: 0)
    withUnsafeMutableBytes(of: &rng) { target in
      target.copyBytes(from: bytes.dropFirst())
    }
    random.rng = rng
  }

  private static let randomStateFormat: UInt8 = 1
}
