// The Dataset value: inputs [N, …] with class labels or regression targets.
import Tensors

/// A labelled collection of examples: one tensor of inputs whose first axis indexes the
/// examples, and either integer class labels (classification) or a tensor of targets
/// (regression).
///
/// Images are `[N, C, H, W]` (channels first, as PyTorch), Float32 in [0, 1] pixel units;
/// tabular data is `[N, features]`. A dataset is a value: `shuffled`, `split`, `subset`
/// and `normalized` return new datasets, sharing tensor storage where they can.
///
/// ```swift
/// let train = try FashionMNIST.load(split: .train)      // 60000 × [1, 28, 28]
/// var rng = RNG(seed: 7)
/// let (fit, validation) = try train.split(0.9, using: &rng)
/// var batches = try fit.batches(size: 128, using: &rng).makeIterator()
/// while let batch = try batches.next() { /* batch.inputs: [128, 1, 28, 28] */ }
/// ```
public struct Dataset: Sendable {
  /// A short name shown in displays, e.g. "fashion-mnist (train)".
  public var name: String
  /// The inputs, `[N, …]`.
  public private(set) var inputs: Tensor
  /// The class of each example, in `0..<classNames.count` (empty for regression).
  public private(set) var labels: [Int]
  /// Regression targets `[N, …]`, or nil for a classification dataset.
  public private(set) var targets: Tensor?
  /// The name of each class, indexed by label (empty for regression).
  public private(set) var classNames: [String]
  /// The standardisation applied to `inputs`, if any (see `normalized`).
  public internal(set) var normalization: Normalization?

  /// The most classes a dataset numbers by default. Real label sets are far smaller; a
  /// larger label is almost always a regression target or a corrupt file, and naming every
  /// class up to it would allocate without bound.
  public static let maxClasses = 100_000

  /// A classification dataset.
  ///
  /// - Parameters:
  ///   - inputs: `[N, …]`, at least one axis.
  ///   - labels: N class indices.
  ///   - classNames: one name per class; by default "0", "1", … up to the largest label.
  /// - Throws: `DatasetError` when the counts disagree or a label is not a valid class.
  public init(name: String, inputs: Tensor, labels: [Int], classNames: [String]? = nil) throws {
    guard let n = inputs.shape.first else {
      throw DatasetError("\(name): inputs must have an example axis, got a scalar")
    }
    guard labels.count == n else {
      throw DatasetError("\(name): \(n) inputs but \(labels.count) labels")
    }
    let largest = labels.max() ?? -1
    guard classNames != nil || largest < Dataset.maxClasses else {
      throw DatasetError(
        "\(name): label \(largest) is too large for a class index (at most \(Dataset.maxClasses)"
          + " classes; regression targets belong in a regression dataset)")
    }
    let names = classNames ?? (0..<(largest + 1)).map(String.init)
    if let bad = labels.firstIndex(where: { $0 < 0 || $0 >= names.count }) {
      throw DatasetError(
        "\(name): label \(labels[bad]) of example \(bad) is not a class (0..<\(names.count))")
    }
    self.name = name
    self.inputs = inputs
    self.labels = labels
    self.targets = nil
    self.classNames = names
  }

  /// A regression dataset whose targets are `[N, …]`.
  /// - Throws: `DatasetError` when inputs and targets disagree on N.
  public init(name: String, inputs: Tensor, targets: Tensor) throws {
    guard let n = inputs.shape.first, let m = targets.shape.first else {
      throw DatasetError("\(name): inputs and targets must have an example axis")
    }
    guard n == m else { throw DatasetError("\(name): \(n) inputs but \(m) targets") }
    self.name = name
    self.inputs = inputs
    self.labels = []
    self.targets = targets
    self.classNames = []
  }

  /// The number of examples.
  public var count: Int { inputs.shape.first ?? 0 }

  /// The shape of one example's input, e.g. `[1, 28, 28]`.
  public var sampleShape: [Int] { Array(inputs.shape.dropFirst()) }

  /// True for a classification dataset (labels), false for regression (targets).
  public var isClassification: Bool { targets == nil }

  /// The labels as a Float32 tensor `[N]`, or the regression targets.
  public var labelTensor: Tensor {
    targets ?? Tensor(labels.map(Float.init))
  }

  /// How many examples each class has, indexed by label (empty for regression).
  public var classCounts: [Int] {
    var counts = [Int](repeating: 0, count: classNames.count)
    for label in labels { counts[label] += 1 }
    return counts
  }

  /// The same examples with new inputs (same N), e.g. after a transform.
  func replacingInputs(_ newInputs: Tensor) -> Dataset {
    var copy = self
    copy.inputs = newInputs
    return copy
  }

  /// The examples at `rows`, in that order (repeats allowed).
  /// - Throws: `DatasetError` for an index outside `0..<count`.
  public func gathering(_ rows: [Int]) throws -> Dataset {
    if let bad = rows.first(where: { $0 < 0 || $0 >= count }) {
      throw DatasetError("\(name): example index \(bad) is outside 0..<\(count)")
    }
    var copy = self
    copy.inputs = try inputs.gatherRows(rows)
    copy.targets = try targets?.gatherRows(rows)
    if isClassification { copy.labels = rows.map { labels[$0] } }
    return copy
  }
}
