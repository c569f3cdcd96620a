// The data a model trains on: anything that yields (inputs, labels) batches by index.
import Tensors

/// A labelled dataset the training loop can draw batches from by index, without
/// copying the whole set. `Datasets` types conform through an adapter in `Bindings`.
public protocol LabeledData {
  /// The number of examples.
  var count: Int { get }
  /// The examples at `indices`: inputs with the batch first, and labels (class indices
  /// as Float, or target rows).
  /// - Throws: when an index is out of range or the data cannot be read.
  func batch(_ indices: [Int]) throws -> (inputs: Tensor, labels: Tensor)
}

/// Inputs and labels held in two tensors whose first axes match.
public struct TensorData: LabeledData, Sendable {
  /// The inputs, batch first.
  public let inputs: Tensor
  /// The labels, batch first.
  public let labels: Tensor

  /// A dataset of `inputs` and `labels`.
  /// - Throws: `NeuralNetError` when their first axes differ.
  public init(inputs: Tensor, labels: Tensor) throws {
    guard let n = inputs.shape.first, labels.shape.first == n else {
      throw NeuralNetError.invalidArgument(
        "inputs \(inputs.shape) and labels \(labels.shape) must have the same number of rows")
    }
    self.inputs = inputs
    self.labels = labels
  }

  /// The number of rows.
  public var count: Int { inputs.shape.first ?? 0 }

  /// Rows `indices` of both tensors.
  public func batch(_ indices: [Int]) throws -> (inputs: Tensor, labels: Tensor) {
    (try inputs.gatherRows(indices), try labels.gatherRows(indices))
  }
}

/// A view of some rows of another dataset (a train/validation split).
public struct Subset: LabeledData {
  /// The underlying dataset.
  public let base: any LabeledData
  /// The rows of `base` in this subset.
  public let indices: [Int]

  /// Rows `indices` of `base`.
  public init(_ base: any LabeledData, indices: [Int]) {
    self.base = base
    self.indices = indices
  }

  /// The number of rows in the subset.
  public var count: Int { indices.count }

  /// The subset's rows at `positions`.
  public func batch(_ positions: [Int]) throws -> (inputs: Tensor, labels: Tensor) {
    try base.batch(
      try positions.map { p in
        guard p >= 0, p < indices.count else {
          throw NeuralNetError.invalidArgument(
            "index \(p) is out of range for \(indices.count) examples")
        }
        return indices[p]
      })
  }
}
