// Evaluation: loss and accuracy, predicted classes and the confusion matrix, in batches.
import Autodiff
import Tensors

extension Sequential {
  /// Batches small enough to keep activations in cache-friendly sizes, large enough
  /// that BLAS runs at speed.
  static let evaluationBatch = 1000

  /// The mean softmax cross-entropy and the accuracy on `data`, in inference mode.
  /// - Throws: data or shape errors.
  public func evaluate(_ data: any LabeledData) throws -> (loss: Double, accuracy: Double) {
    var (lossTotal, correct) = (0.0, 0)
    try forEachBatch(of: data) { logits, labels in
      let tape = Tape(recording: false)
      let loss = try tape.constant(logits).softmaxCrossEntropy(labels: labels).value.item()
      lossTotal += Double(loss) * Double(labels.shape[0])
      correct += try correctPredictions(logits, labels)
    }
    let n = Double(Swift.max(data.count, 1))
    return (lossTotal / n, Double(correct) / n)
  }

  /// The fraction of `data` classified correctly.
  /// - Throws: data or shape errors.
  public func accuracy(_ data: any LabeledData) throws -> Double { try evaluate(data).accuracy }

  /// The predicted class of each row of `x` (as Float).
  /// - Throws: shape errors naming the layer.
  public func predictClasses(_ x: Tensor) throws -> Tensor {
    var classes: [Float] = []
    let n = x.shape.first ?? 0
    for start in stride(from: 0, to: n, by: Self.evaluationBatch) {
      let logits = try predict(try x.rows(start..<Swift.min(start + Self.evaluationBatch, n)))
      classes += try logits.argmax(axis: 1).scalars
    }
    return Tensor(classes)
  }

  /// The confusion matrix `[classes, classes]`: entry (i, j) counts examples of true
  /// class i predicted as j.
  /// - Throws: data or shape errors; `NeuralNetError` for labels outside the classes.
  public func confusionMatrix(_ data: any LabeledData) throws -> Tensor {
    let classes = try outputShape().reduce(1, *)
    var counts = [Float](repeating: 0, count: classes * classes)
    try forEachBatch(of: data) { logits, labels in
      let predicted = try logits.argmax(axis: 1).scalars
      let truth = labels.rank == 2 ? try labels.argmax(axis: 1).scalars : labels.scalars
      for (p, t) in zip(predicted, truth) {
        guard t >= 0, t < Float(classes), t == t.rounded() else {
          throw NeuralNetError.invalidArgument("label \(t) is not a class index in 0..<\(classes)")
        }
        counts[Int(t) * classes + Int(p)] += 1
      }
    }
    return try Tensor(shape: [classes, classes], scalars: counts)
  }

  private func forEachBatch(of data: any LabeledData, _ body: (Tensor, Tensor) throws -> Void)
    throws
  {
    for start in stride(from: 0, to: data.count, by: Self.evaluationBatch) {
      let (x, y) = try data.batch(
        Array(start..<Swift.min(start + Self.evaluationBatch, data.count)))
      try body(try predict(x), y)
    }
  }
}
