// The seeded random stream natives draw from: same seed, same numbers, same report.
import Tensors

/// A reference to one `RNG` so every random native advances the same stream.
final class RandomState {
  var rng: RNG
  init(seed: UInt64) { rng = RNG(seed: seed) }
}
