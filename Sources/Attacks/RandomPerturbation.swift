// Seeded random perturbations: PGD's random start and the noise control, one stream per example.
import Tensors

/// Random perturbations drawn per example from a generator seeded by (seed, example
/// index), so an example gets the same draw whatever batch it falls in.
enum RandomPerturbation {
  /// The kinds of draw.
  enum Kind {
    /// A point of the ε-ball: uniform in [−ε, ε] per pixel (L∞), or a uniformly random
    /// direction with a length uniform in [0, ε] (L2; as torchattacks' PGDL2).
    case insideBall
    /// A point of the sphere of radius ε: ±ε per pixel (L∞), or a uniformly random
    /// direction of length ε (L2).
    case onSphere
  }

  /// `x0 + δ` clipped to [0, 1], with δ drawn per row (example `firstIndex + row`).
  static func perturbed(
    _ x0: Tensor, rows: Int, epsilon: Float, norm: Norm, kind: Kind, seed: UInt64,
    firstIndex: Int
  ) throws -> Tensor {
    let features = rows == 0 ? 0 : x0.count / rows
    let e = Double(epsilon)
    var delta = [Double](repeating: 0, count: features)
    return try Tensor(shape: x0.shape) { out in
      x0.withUnsafeBufferPointer { p0 in
        for r in 0..<rows {
          var rng = exampleRNG(seed: seed, index: firstIndex + r)
          switch (norm, kind) {
          case (.linf, .insideBall):
            for i in 0..<features { delta[i] = (2 * rng.nextDouble() - 1) * e }
          case (.linf, .onSphere):
            for i in 0..<features { delta[i] = rng.next() & 1 == 0 ? -e : e }
          case (.l2, _):
            var total = 0.0
            for i in 0..<features {
              delta[i] = rng.nextNormal()
              total += delta[i] * delta[i]
            }
            let radius = kind == .insideBall ? rng.nextDouble() * e : e
            let scale = total > 0 ? radius / total.squareRoot() : 0
            for i in 0..<features { delta[i] *= scale }
          }
          for i in 0..<features {
            let k = r * features + i
            out[k] = Float(Swift.min(Swift.max(Double(p0[k]) + delta[i], 0), 1))
          }
        }
      }
    }
  }

  /// The generator of example `index` under `seed`: both pass through a 64-bit finaliser
  /// (MurmurHash3's) so neighbouring indices get unrelated streams.
  static func exampleRNG(seed: UInt64, index: Int) -> RNG {
    RNG(seed: mix(seed ^ mix(UInt64(truncatingIfNeeded: index) &+ 0x632B_E59B_D9B4_E019)))
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
    z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
    return z ^ (z >> 33)
  }
}
