// A seeded, reproducible random number generator: xoshiro256** seeded through SplitMix64.

/// A fast, seedable pseudo-random generator (xoshiro256** by Blackman and Vigna).
///
/// The same seed gives the same numbers bit for bit on every run: every derived value
/// (floats, bounded integers, normals, shuffles) is computed here rather than by the
/// standard library, whose algorithms may change between Swift versions.
///
/// ```swift
/// var rng = RNG(seed: 7)
/// let w = try Tensor.randn([784, 256], using: &rng)
/// ```
public struct RNG: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)
  /// The second Box–Muller sample, kept for the next `nextNormal()` call.
  private var spareNormal: Double?

  /// A generator whose 256-bit state is expanded from `seed` with SplitMix64, as the
  /// xoshiro authors recommend (it never yields the all-zero state).
  public init(seed: UInt64) {
    var mixer = seed
    func splitMix() -> UInt64 {
      mixer &+= 0x9E37_79B9_7F4A_7C15
      var z = mixer
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (splitMix(), splitMix(), splitMix(), splitMix())
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = (state.1 &* 5).rotatedLeft(by: 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = state.3.rotatedLeft(by: 45)
    return result
  }

  /// A uniform `Float` in [0, 1) with 24 random bits.
  public mutating func nextFloat() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// A uniform `Double` in [0, 1) with 53 random bits.
  public mutating func nextDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform integer in `0..<upperBound` without modulo bias (Lemire's method); 0 when
  /// `upperBound` ≤ 0.
  public mutating func nextInt(below upperBound: Int) -> Int {
    guard upperBound > 0 else { return 0 }
    let bound = UInt64(upperBound)
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
    }
    return Int(product.high)
  }

  /// A standard normal sample (mean 0, variance 1) by the Box–Muller transform, which is
  /// exact and consumes a fixed two uniforms per pair of samples.
  public mutating func nextNormal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    let (z0, z1) = nextNormalPair()
    spareNormal = z1
    return z0
  }

  /// Two independent standard normal samples.
  mutating func nextNormalPair() -> (Double, Double) {
    // u1 ∈ (0, 1] keeps the logarithm finite.
    let u1 = Double((next() >> 11) + 1) * 0x1p-53
    let u2 = nextDouble()
    let radius = (-2 * LibM.log(u1)).squareRoot()
    let angle = 2 * Double.pi * u2
    return (radius * LibM.cos(angle), radius * LibM.sin(angle))
  }

  /// Shuffles `elements` in place (Fisher–Yates), reproducibly for a given seed.
  public mutating func shuffle<T>(_ elements: inout [T]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, to: 0, by: -1) {
      elements.swapAt(i, nextInt(below: i + 1))
    }
  }

  /// A random permutation of `0..<count` (empty when `count` ≤ 0).
  /// - Throws: `TensorError.tooLarge` when `count` exceeds `Tensor.maxElements`.
  public mutating func permutation(_ count: Int) throws -> [Int] {
    guard count > 0 else { return [] }
    guard count <= Tensor.maxElements else {
      throw TensorError.tooLarge(
        operation: "permutation", shape: [count], elements: count, limit: Tensor.maxElements)
    }
    var result = Array(0..<count)
    shuffle(&result)
    return result
  }

  /// A new generator seeded from this one, for an independent stream (e.g. per worker).
  public mutating func fork() -> RNG {
    RNG(seed: next())
  }
}

extension UInt64 {
  fileprivate func rotatedLeft(by amount: UInt64) -> UInt64 {
    (self << amount) | (self >> (64 - amount))
  }
}
