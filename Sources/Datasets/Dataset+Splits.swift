// Reproducible reordering and partitioning: shuffle, subsets, train/validation/test splits.
import Tensors

extension Dataset {
  /// The first `n` examples (all of them when `n` ≥ `count`), for quick experiments.
  /// Take a `shuffled` dataset first when the file is sorted by class.
  /// - Throws: `DatasetError` for a negative `n`.
  public func subset(_ n: Int) throws -> Dataset {
    guard n >= 0 else { throw DatasetError("\(name): subset size must be ≥ 0, got \(n)") }
    guard n < count else { return self }
    var result = try gathering(Array(0..<n))
    result.name = name
    return result
  }

  /// The examples in a random order drawn from `rng` (same seed, same order).
  /// - Throws: `TensorError` if the dataset exceeds the tensor size limit.
  public func shuffled(using rng: inout RNG) throws -> Dataset {
    try gathering(try rng.permutation(count))
  }

  /// Two disjoint parts: the first holds `fraction` of the examples (rounded down), the
  /// second the rest. Examples are shuffled first (from `rng`) unless `shuffle` is false.
  ///
  /// ```swift
  /// let (train, validation) = try data.split(0.9, using: &rng)
  /// ```
  /// - Throws: `DatasetError` for a fraction outside [0, 1].
  public func split(_ fraction: Double, shuffle: Bool = true, using rng: inout RNG) throws
    -> (train: Dataset, test: Dataset)
  {
    let parts = try split(fractions: [fraction], shuffle: shuffle, using: &rng)
    return (parts[0], parts[1])
  }

  /// `fractions.count + 1` disjoint parts that together hold every example once: part i
  /// holds `fractions[i]` of them (rounded down), the last part the remainder. `[0.8, 0.1]`
  /// gives train/validation/test with 80/10/10 %.
  /// - Throws: `DatasetError` when a fraction is outside [0, 1] or they sum past 1.
  public func split(fractions: [Double], shuffle: Bool = true, using rng: inout RNG) throws
    -> [Dataset]
  {
    guard fractions.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }),
      fractions.reduce(0, +) <= 1 + 1e-9
    else {
      throw DatasetError(
        "\(name): split fractions must lie in [0, 1] and sum to at most 1, got \(fractions)")
    }
    let order = shuffle ? try rng.permutation(count) : Array(0..<count)
    var parts: [Dataset] = []
    var start = 0
    for (i, fraction) in fractions.enumerated() {
      let size = min(Int((fraction * Double(count)).rounded(.down)), count - start)
      var part = try gathering(Array(order[start..<(start + size)]))
      part.name = "\(name) [part \(i + 1)]"
      parts.append(part)
      start += size
    }
    var rest = try gathering(Array(order[start...]))
    rest.name = "\(name) [part \(fractions.count + 1)]"
    parts.append(rest)
    if parts.count == 2 {
      parts[0].name = "\(name) [train]"
      parts[1].name = "\(name) [test]"
    }
    return parts
  }

  /// The same examples with each input flattened to one axis: `[N, D]` (for dense
  /// layers). Shares storage with `self`.
  public func flattened() throws -> Dataset {
    try replacingInputs(inputs.reshaped([count, sampleShape.reduce(1, *)]))
  }
}
