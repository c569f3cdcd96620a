// Per-example outcomes of a batch: cross-entropy loss and whether the prediction is right.
import NeuralNets
import Tensors

#if canImport(Glibc)
  import Glibc
#endif

/// Each example's softmax cross-entropy and correctness, from logits `[n, classes]` and
/// labels (class indices `[n]` or target rows `[n, classes]`).
struct Outcomes {
  var losses: [Float] = []
  var correct: [Bool] = []

  init() {}

  init(logits: Tensor, labels: Tensor) throws {
    guard logits.rank == 2, let n = logits.shape.first, labels.shape.first == n else {
      throw AttackError.invalidArgument(
        "the model's outputs \(logits.shape) do not match labels of shape \(labels.shape)")
    }
    let classes = logits.shape[1]
    let distributions = labels.shape == [n, classes]
    guard distributions || labels.shape == [n] else {
      throw AttackError.invalidArgument(
        "labels must be [\(n)] class indices or [\(n), \(classes)] distributions, got \(labels.shape)"
      )
    }
    losses.reserveCapacity(n)
    correct.reserveCapacity(n)
    try logits.withUnsafeBufferPointer { z in
      try labels.withUnsafeBufferPointer { t in
        for r in 0..<n {
          let row = r * classes
          var (best, largest) = (0, -Float.infinity)
          for j in 0..<classes where z[row + j] > largest { (best, largest) = (j, z[row + j]) }
          var total: Float = 0
          for j in 0..<classes { total += expf(z[row + j] - largest) }
          let logSum = largest + logf(total)
          if distributions {
            var (loss, truth, top) = (Float(0), 0, -Float.infinity)
            for j in 0..<classes {
              let target = t[row + j]
              if target != 0 { loss -= target * (z[row + j] - logSum) }
              if target > top { (truth, top) = (j, target) }
            }
            losses.append(loss)
            correct.append(best == truth)
          } else {
            let label = t[r]
            guard label >= 0, label < Float(classes), label == label.rounded() else {
              throw AttackError.invalidArgument(
                "label \(label) is not a class index in 0..<\(classes)")
            }
            losses.append(logSum - z[row + Int(label)])
            correct.append(best == Int(label))
          }
        }
      }
    }
  }

  mutating func append(_ other: Outcomes) {
    losses += other.losses
    correct += other.correct
  }

  var accuracy: Double {
    Double(correct.count { $0 }) / Double(Swift.max(correct.count, 1))
  }

  var meanLoss: Double {
    losses.reduce(0.0) { $0 + Double($1) } / Double(Swift.max(losses.count, 1))
  }
}

/// Calls `body(pixels, labels, firstIndex)` for consecutive batches of `data`.
func forEachBatch(
  of data: any LabeledData, size: Int, target: PixelModel,
  _ body: (Tensor, Tensor, Int) throws -> Void
) throws {
  guard size > 0 else {
    throw AttackError.invalidArgument("the batch size must be positive, got \(size)")
  }
  for start in stride(from: 0, to: data.count, by: size) {
    let (inputs, labels) = try data.batch(Array(start..<Swift.min(start + size, data.count)))
    try body(try target.pixels(inputs), labels, start)
  }
}
