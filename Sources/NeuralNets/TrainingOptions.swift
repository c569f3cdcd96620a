// The settings of a training run, the progress it reports, and the history it returns.

/// How `fit` trains.
public struct TrainingOptions {
  /// Passes over the training data.
  public var epochs = 1
  /// Examples per step.
  public var batchSize = 128
  /// The update rule.
  public var rule: Optimizer.Rule = .sgd(momentum: 0.9)
  /// The base learning rate.
  public var learningRate: Float = 0.05
  /// Weight decay λ.
  public var weightDecay: Float = 0
  /// How the learning rate changes per epoch.
  public var schedule: Schedule = .constant
  /// The fraction of the data held out for validation (0 for none), chosen by the seed.
  public var validationFraction = 0.0
  /// Seeds the split, the shuffles and dropout: the same seed gives the same run.
  public var seed: UInt64 = 0
  /// Stop after this many epochs without a better validation (or training) loss.
  public var patience: Int? = nil
  /// The training rule of every low-rank layer (integrator, regulariser); nil leaves each
  /// layer to the model's `layerTraining`, or rank-adaptive BUG when it has none.
  public var lowRank: LowRankTraining? = nil
  /// Rules for single low-rank layers, by layer index; they win over `lowRank`.
  public var layerTraining: [Int: LowRankTraining] = [:]
  /// Called after every step, e.g. to draw a progress bar. An error it throws stops the
  /// training there and is rethrown by `fit` (how Ctrl-C interrupts a long run).
  public var progress: ((TrainingProgress) throws -> Void)? = nil
  /// Replaces each batch's inputs before the step (adversarial training); nil: clean.
  public var adversary: (any TrainingAdversary)? = nil

  /// Defaults: 1 epoch, batch 128, SGD with momentum 0.9 at 0.05, no validation.
  public init() {}
}

/// Where a training run is, reported after each step.
public struct TrainingProgress: Sendable {
  /// The epoch (from 1) and the number of epochs.
  public var epoch: Int, epochs: Int
  /// The step within the epoch (from 1) and the steps per epoch.
  public var step: Int, steps: Int
  /// The running mean loss and accuracy of this epoch so far.
  public var loss: Double, accuracy: Double
}

/// Per-epoch records of a training run.
public struct History: Sendable, Equatable {
  /// Mean training loss and accuracy per epoch.
  public var trainLoss: [Double] = [], trainAccuracy: [Double] = []
  /// Validation loss and accuracy per epoch (empty without validation data).
  public var validationLoss: [Double] = [], validationAccuracy: [Double] = []
  /// Wall-clock seconds per epoch (excluded from equality: runs differ in time only).
  public var seconds: [Double] = []
  /// The learning rate used in each epoch.
  public var learningRate: [Double] = []
  /// Whether early stopping ended the run.
  public var stoppedEarly = false
  /// The indices in the model of the layers with weights, which the lists below follow.
  public var trackedLayers: [Int] = []
  /// Per tracked layer, its rank at the end of each epoch (one list per layer, one entry
  /// per epoch — ready to plot as one series per layer).
  public var ranks: [[Int]] = []
  /// Per tracked layer, κ = σ_max/σ_min of its weight (of S for low-rank layers) per epoch.
  public var kappa: [[Double]] = []
  /// Per tracked layer and epoch, the singular values of its weight, largest first.
  public var singularValues: [[[Double]]] = []
  /// Π κ over the tracked layers, per epoch.
  public var kappaProduct: [Double] = []
  /// The model's compression (1 − stored/dense parameters) at the end of each epoch.
  public var compression: [Double] = []

  /// An empty history.
  public init() {}

  /// Histories are equal when every number but the timings is equal.
  public static func == (a: History, b: History) -> Bool {
    a.trainLoss == b.trainLoss && a.trainAccuracy == b.trainAccuracy
      && a.validationLoss == b.validationLoss && a.validationAccuracy == b.validationAccuracy
      && a.learningRate == b.learningRate && a.stoppedEarly == b.stoppedEarly
      && a.trackedLayers == b.trackedLayers && a.ranks == b.ranks && a.kappa == b.kappa
      && a.singularValues == b.singularValues && a.kappaProduct == b.kappaProduct
      && a.compression == b.compression
  }

  /// The number of epochs run.
  public var epochs: Int { trainLoss.count }
}
