// Standardisation as an explicit transform: fit mean/std on one dataset, apply to others.
import Tensors

/// `x ↦ (x − mean) / std`, with statistics fitted on a training set and then applied
/// unchanged to validation and test sets (fitting on test data would leak it).
///
/// The statistics are either two scalars (one mean and std over every input value, as
/// torchvision's `Normalize((0.2860,), (0.3530,))` for Fashion-MNIST) or per feature
/// (one per input position, as scikit-learn's `StandardScaler`). A feature whose standard
/// deviation is zero (a pixel that is always black) is divided by 1 instead.
///
/// ```swift
/// let scaler = try Normalization.fit(train, perFeature: true)
/// let (trainN, testN) = (try scaler.apply(to: train), try scaler.apply(to: test))
/// ```
public struct Normalization: Sendable, Equatable {
  /// The mean: shape `[]` (global) or the sample shape (per feature).
  public var mean: Tensor
  /// The standard deviation (zeros replaced by 1), shaped like `mean`.
  public var standardDeviation: Tensor

  /// A normalisation with the given statistics.
  /// - Throws: `DatasetError` when the shapes differ or a deviation is not positive.
  public init(mean: Tensor, standardDeviation: Tensor) throws {
    guard mean.shape == standardDeviation.shape else {
      throw DatasetError(
        "normalisation: mean \(mean.shape) and std \(standardDeviation.shape) differ in shape")
    }
    guard standardDeviation.scalars.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      throw DatasetError("normalisation: every standard deviation must be positive and finite")
    }
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  /// The statistics of `dataset`'s inputs (population standard deviation).
  /// - Throws: `DatasetError` for an empty dataset.
  public static func fit(_ dataset: Dataset, perFeature: Bool = false) throws -> Normalization {
    guard dataset.count > 0 else {
      throw DatasetError("\(dataset.name): cannot fit a normalisation on no examples")
    }
    let x = dataset.inputs
    if perFeature {
      let std = try x.std(axis: 0).map { $0 > 0 && $0.isFinite ? $0 : 1 }
      return try Normalization(mean: try x.mean(axis: 0), standardDeviation: std)
    }
    let std = x.std()
    return try Normalization(
      mean: Tensor(scalar: x.mean()), standardDeviation: Tensor(scalar: std > 0 ? std : 1))
  }

  /// `(inputs − mean) / std` for a batch `[B, …]` (or one example).
  /// - Throws: `TensorError` when the statistics do not broadcast against `inputs`.
  public func apply(to inputs: Tensor) throws -> Tensor {
    try (inputs - mean) / standardDeviation
  }

  /// The inverse map, `x · std + mean`, e.g. to show normalised images.
  /// - Throws: `TensorError` when the statistics do not broadcast against `inputs`.
  public func invert(_ inputs: Tensor) throws -> Tensor {
    try inputs * standardDeviation + mean
  }

  /// `dataset` with normalised inputs, remembering the transform in `normalization`.
  /// - Throws: `DatasetError` when the dataset is already normalised or shapes differ.
  public func apply(to dataset: Dataset) throws -> Dataset {
    guard dataset.normalization == nil else {
      throw DatasetError("\(dataset.name): already normalised")
    }
    guard mean.rank == 0 || mean.shape == dataset.sampleShape else {
      throw DatasetError(
        "\(dataset.name): normalisation statistics of shape \(mean.shape) do not fit inputs of"
          + " shape \(dataset.sampleShape)")
    }
    var result = dataset.replacingInputs(try apply(to: dataset.inputs))
    result.normalization = self
    return result
  }
}

extension Dataset {
  /// The dataset standardised with statistics fitted on itself; use
  /// `Normalization.fit(train).apply(to: test)` to carry training statistics over.
  /// - Throws: `DatasetError` for an empty or already normalised dataset.
  public func normalized(perFeature: Bool = false) throws -> Dataset {
    try Normalization.fit(self, perFeature: perFeature).apply(to: self)
  }
}
