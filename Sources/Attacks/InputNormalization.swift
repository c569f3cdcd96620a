// The standardisation between pixel units (where attacks live) and the data a model reads.
import Tensors

/// How a dataset's inputs were standardised from pixels: `input = (pixel − mean) / std`,
/// with one mean and deviation for every value or one per input position.
///
/// Attacks measure ε and clip in pixel units, so on standardised data they first map the
/// inputs back to pixels, attack there, and hand the model standardised inputs again (the
/// gradient with respect to the pixels is the model's input gradient divided by std).
///
/// ```swift
/// let scale = try InputNormalization(mean: Tensor(scalar: 0.286), standardDeviation: Tensor(scalar: 0.353))
/// let xAdv = try attack.perturb(net, inputs: standardised, labels: y, normalization: scale)
/// ```
public struct InputNormalization: Sendable, Equatable {
  /// The mean: one value, or one per input position.
  public let mean: [Float]
  /// The standard deviation, shaped like `mean`; every entry positive.
  public let standardDeviation: [Float]

  /// A normalisation with the given statistics (any shapes with equal counts).
  /// - Throws: `AttackError` when the counts differ or a deviation is not positive.
  public init(mean: Tensor, standardDeviation: Tensor) throws {
    guard mean.count == standardDeviation.count, mean.count > 0 else {
      throw AttackError.invalidArgument(
        "a normalisation needs a mean and a deviation of one size, got \(mean.shape) and "
          + "\(standardDeviation.shape)")
    }
    guard standardDeviation.scalars.allSatisfy({ $0 > 0 && $0.isFinite }),
      mean.scalars.allSatisfy(\.isFinite)
    else {
      throw AttackError.invalidArgument(
        "a normalisation needs a finite mean and positive, finite deviations")
    }
    self.mean = mean.scalars
    self.standardDeviation = standardDeviation.scalars
  }

  /// The pixels behind a batch of standardised inputs (batch first): `x · std + mean`.
  /// - Throws: `AttackError` when the statistics do not fit the size of an input.
  public func pixels(of x: Tensor) throws -> Tensor {
    try toPixels(x, features: x.count / Swift.max(x.shape.first ?? 1, 1))
  }

  /// `(x − mean) / std` for a batch whose rows hold `features` values each.
  func toModel(_ x: Tensor, features: Int) throws -> Tensor {
    try apply(x, features: features) { value, m, s in (value - m) / s }
  }

  /// `x · std + mean`: the pixels behind standardised inputs.
  func toPixels(_ x: Tensor, features: Int) throws -> Tensor {
    try apply(x, features: features) { value, m, s in value * s + m }
  }

  /// The gradient with respect to pixels from the gradient with respect to model inputs.
  func pixelGradient(_ g: Tensor, features: Int) throws -> Tensor {
    try apply(g, features: features) { value, _, s in value / s }
  }

  private func apply(_ x: Tensor, features: Int, _ f: (Float, Float, Float) -> Float) throws
    -> Tensor
  {
    guard mean.count == 1 || mean.count == features else {
      throw AttackError.invalidArgument(
        "the normalisation has \(mean.count) values, but each input has \(features)")
    }
    let perFeature = mean.count > 1
    return try Tensor(shape: x.shape) { out in
      x.withUnsafeBufferPointer { p in
        for i in 0..<p.count {
          let k = perFeature ? i % features : 0
          out[i] = f(p[i], mean[k], standardDeviation[k])
        }
      }
    }
  }
}
