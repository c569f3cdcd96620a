// A model seen from pixel space: logits and loss gradients of pixel batches.
import Autodiff
import NeuralNets
import Tensors

/// The attacked model with the map from pixels to its inputs (standardisation, if the
/// data were standardised). Everything an attack computes goes through here.
struct PixelModel {
  let model: Sequential
  let normalization: InputNormalization?

  /// The number of input values per example.
  var features: Int { model.inputShape.reduce(1, *) }

  /// The model inputs for a batch of pixels.
  func inputs(_ pixels: Tensor) throws -> Tensor {
    try normalization?.toModel(pixels, features: features) ?? pixels
  }

  /// The pixels behind a batch of model inputs; fails unless they lie in [0, 1].
  func pixels(_ inputs: Tensor) throws -> Tensor {
    let pixels = try normalization?.toPixels(inputs, features: features) ?? inputs
    return try checkedPixels(pixels, tolerance: normalization == nil ? 0 : Self.roundingSlack)
  }

  /// Undoing a standardisation in Float lands a few ulps outside [0, 1] (1.0000001);
  /// values that close are clamped, anything further is not pixel data.
  static let roundingSlack: Float = 1e-4

  /// The logits (inference mode) of a batch of pixels.
  func logits(_ pixels: Tensor) throws -> Tensor {
    try model.predict(try inputs(pixels))
  }

  /// ∇ of the batch's mean softmax cross-entropy with respect to the pixels, from one
  /// forward and one backward pass in inference mode (dropout off, weights constant).
  ///
  /// The mean's 1/B scales every row alike, so per-example signs and normalised
  /// directions are those of each example's own loss.
  func lossGradient(_ pixels: Tensor, labels: Tensor) throws -> Tensor {
    let pass = ForwardPass(training: false, recording: true)
    let x = pass.input(try inputs(pixels), requiresGrad: true)
    let loss = try model.forward(x, in: pass).softmaxCrossEntropy(labels: labels)
    try pass.backward(from: loss)
    // No gradient means the loss does not depend on the input at all.
    let g = pass.tape.gradient(of: x) ?? Tensor.zeros(like: pixels)
    return try normalization?.pixelGradient(g, features: features) ?? g
  }
}

/// `pixels` with values within `tolerance` of [0, 1] clamped into it.
/// - Throws: `AttackError.notPixels` when any value lies further out (or is NaN).
func checkedPixels(_ pixels: Tensor, tolerance: Float) throws -> Tensor {
  var (low, high) = (Float.infinity, -Float.infinity)
  var nan = false
  pixels.withUnsafeBufferPointer { p in
    for v in p {
      low = Swift.min(low, v)
      high = Swift.max(high, v)
      nan = nan || v.isNaN
    }
  }
  guard pixels.count > 0 else { return pixels }
  guard !nan, low >= -tolerance, high <= 1 + tolerance else {
    throw AttackError.notPixels(low: nan ? .nan : low, high: nan ? .nan : high)
  }
  return low >= 0 && high <= 1 ? pixels : pixels.clamped(to: 0...1)
}
