// Inverted dropout with a mask drawn from an explicit, seeded generator.
import Tensors

extension Variable {
  /// Zeroes each scalar with probability `rate` and scales the rest by 1/(1 − rate), so
  /// the expected value is unchanged (inverted dropout). The mask comes from `rng`, so a
  /// seed reproduces it; backward multiplies g by the same mask.
  /// - Throws: `AutodiffError` unless `0 ≤ rate < 1`.
  public func dropout(rate: Float, using rng: inout RNG) throws -> Variable {
    guard rate >= 0, rate < 1 else {
      throw AutodiffError.invalidArgument(
        operation: "dropout", message: "rate must be in [0, 1), got \(rate)")
    }
    if rate == 0 { return self }
    let keep = 1 / (1 - rate)
    let mask = try Tensor(shape: shape) { out in
      for i in 0..<out.count { out[i] = rng.nextFloat() < rate ? 0 : keep }
    }
    let a = ref
    return try tape.record(try value * mask, inputs: [self]) {
      { g, grads in try grads.accumulate(try g * mask, into: a) }
    }
  }
}
