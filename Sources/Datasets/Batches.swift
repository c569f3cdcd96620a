// Mini-batches gathered on demand: an epoch's order, and [B, …] tensors drawn from it.
import Tensors

/// One mini-batch: the inputs and labels (or targets) of `indices`.
public struct Batch: Sendable {
  /// Inputs `[B, …]`.
  public var inputs: Tensor
  /// The B class labels (empty for regression).
  public var labels: [Int]
  /// Regression targets `[B, …]`, or nil.
  public var targets: Tensor?
  /// Which examples of the dataset are in the batch, in order.
  public var indices: [Int]

  /// The number of examples in the batch.
  public var count: Int { indices.count }
}

/// The mini-batches of one epoch. Only the order (N integers) is stored; each batch's
/// tensors are gathered when it is asked for, so batching never copies the dataset.
///
/// ```swift
/// var rng = RNG(seed: 1)
/// for epoch in 0..<5 {
///   var iterator = try train.batches(size: 128, using: &rng).makeIterator()  // new order
///   while let batch = try iterator.next() { step(batch.inputs, batch.labels) }
/// }
/// ```
public struct Batches: Sendable {
  /// The dataset batches are drawn from.
  public let dataset: Dataset
  /// Examples per batch (the last batch may be smaller unless `dropLast`).
  public let size: Int
  /// The order of the examples in this epoch.
  public let order: [Int]
  /// Whether a final batch smaller than `size` is left out.
  public let dropLast: Bool

  /// The number of batches in the epoch.
  public var count: Int {
    order.count / size + (!dropLast && order.count % size != 0 ? 1 : 0)
  }

  /// The dataset rows in batch `i`, without gathering anything.
  /// - Throws: `DatasetError` for `i` outside `0..<count`.
  public func rows(ofBatch i: Int) throws -> [Int] {
    guard i >= 0, i < count else {
      throw DatasetError("\(dataset.name): batch \(i) is outside 0..<\(count)")
    }
    return Array(order[(i * size)..<min((i + 1) * size, order.count)])
  }

  /// Batch `i` (0-based) of the epoch, gathered now.
  /// - Throws: `DatasetError` for `i` outside `0..<count`.
  public func batch(at i: Int) throws -> Batch {
    let rows = try rows(ofBatch: i)
    return Batch(
      inputs: try dataset.inputs.gatherRows(rows),
      labels: dataset.isClassification ? rows.map { dataset.labels[$0] } : [],
      targets: try dataset.targets?.gatherRows(rows), indices: rows)
  }

  /// An iterator over the batches in order.
  public func makeIterator() -> BatchIterator { BatchIterator(batches: self) }
}

/// Produces the batches of an epoch one by one. Gathering may throw (e.g. when the tensor
/// size limit was lowered), so this is a throwing `next()` rather than a `Sequence`.
public struct BatchIterator: Sendable {
  let batches: Batches
  var position = 0

  /// The next batch, or nil after the last one.
  public mutating func next() throws -> Batch? {
    guard position < batches.count else { return nil }
    defer { position += 1 }
    return try batches.batch(at: position)
  }
}

extension Dataset {
  /// The batches of one epoch in a random order drawn from `rng`; call again for the next
  /// epoch's order. Same seed, same batches.
  /// - Throws: `DatasetError` for a size below 1.
  public func batches(size: Int, dropLast: Bool = false, using rng: inout RNG) throws -> Batches {
    try makeBatches(size: size, dropLast: dropLast, order: try rng.permutation(count))
  }

  /// The batches of one epoch in dataset order (for evaluation).
  /// - Throws: `DatasetError` for a size below 1.
  public func batches(size: Int, dropLast: Bool = false) throws -> Batches {
    try makeBatches(size: size, dropLast: dropLast, order: Array(0..<count))
  }

  /// The shuffled batches of epoch `epoch` for a run seeded with `seed`: the order depends
  /// only on the two numbers, not on what else drew from a generator before.
  /// - Throws: `DatasetError` for a size below 1.
  public func batches(size: Int, seed: UInt64, epoch: Int, dropLast: Bool = false) throws
    -> Batches
  {
    var rng = RNG(seed: seed ^ (UInt64(truncatingIfNeeded: epoch) &* 0x9E37_79B9_7F4A_7C15))
    return try batches(size: size, dropLast: dropLast, using: &rng)
  }

  private func makeBatches(size: Int, dropLast: Bool, order: [Int]) throws -> Batches {
    guard size >= 1 else { throw DatasetError("\(name): batch size must be ≥ 1, got \(size)") }
    return Batches(dataset: self, size: size, order: order, dropLast: dropLast)
  }
}
