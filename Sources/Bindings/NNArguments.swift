// Argument getters for the network natives: models, layers, labelled data, rank plans.
import Lang
import NeuralNets
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

/// A native object that can be trained on: dataset objects (from the `Datasets`
/// bindings) conform, so `fit(net, train)` takes them as they are.
protocol LabeledDataConvertible {
  /// The examples as batches by index.
  func labeledData() throws -> any LabeledData
}

extension Arguments {
  /// The model `name`.
  func model(_ name: String) throws -> Sequential {
    try native(name, as: ModelObject.self, expected: "a model").model
  }

  /// The argument `name` as labelled data: a dataset object, a list `[x, y]` or a record
  /// `{x: …, y: …}` of inputs (batch first) and class labels.
  func labeledData(_ name: String) throws -> any LabeledData {
    let v = try value(name)
    if case .native(let object) = v, let convertible = object as? LabeledDataConvertible {
      return try convertible.labeledData()
    }
    var pair: (Value, Value)?
    if case .list(let items) = v, items.count == 2 { pair = (items[0], items[1]) }
    if case .record(let r) = v, let x = r["x"] ?? r["inputs"], let y = r["y"] ?? r["labels"] {
      pair = (x, y)
    }
    guard let (xv, yv) = pair, let x = try tensorValue(xv), let y = try tensorValue(yv) else {
      throw bad(name, expected: "a dataset, a list [x, y] or a record {x, y} of inputs and labels")
    }
    do {
      return try TensorData(inputs: x, labels: y)
    } catch {
      throw RuntimeError("bad argument '\(name)' to \(callee) (\(error))")
    }
  }

  /// A rank: a whole number ≥ 1 or a fraction of full rank in (0, 1).
  func rank(_ name: String) throws -> Double {
    let r = try number(name)
    guard r > 0, r.isFinite, r < 1 || r == r.rounded() else {
      throw bad(name, expected: "a whole rank ≥ 1 or a fraction of full rank in (0, 1)")
    }
    return r
  }

  /// How new low-rank layers draw U, S, V, from the argument `name`: a
  /// `LowRankInitialization` raw value ("kaiming_svd", "squared_normal" or "half_normal").
  func lowRankInitialization(_ name: String = "init") throws -> LowRankInitialization {
    guard let chosen = LowRankInitialization(rawValue: try string(name).lowercased()) else {
      let names = LowRankInitialization.allCases.map { "\"\($0.rawValue)\"" }
      let list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
      throw bad(name, expected: list)
    }
    return chosen
  }

  /// The rank plan from `lowrank`, `rank`, `classifier`, `ranks` (per-layer overrides:
  /// a list with a rank or nil for each weight layer) and `init`.
  func rankPlan() throws -> RankPlan {
    var plan = RankPlan(initialization: try lowRankInitialization())
    if try bool("lowrank") { plan.rank = try rank("rank") }
    plan.classifier = try bool("classifier")
    if case .list(let items) = try value("ranks") {
      for (i, item) in items.enumerated() {
        switch item {
        case .nil: plan.overrides[i] = .some(nil)
        case .number(let r) where r > 0 && r.isFinite && (r < 1 || r == r.rounded()):
          plan.overrides[i] = r
        default: throw bad("ranks", expected: "a list of ranks (or nil for dense) per weight layer")
        }
      }
    }
    return plan
  }

  /// A positive Float setting (learning rate, momentum …) within `range`.
  func float(_ name: String, in range: ClosedRange<Double>, expected: String) throws -> Float {
    let x = try number(name)
    guard range.contains(x) else { throw bad(name, expected: expected) }
    return Float(x)
  }
}

/// The parameters every architecture native shares.
var rankParameters: [Lang.Parameter] {
  [
    Parameter("lowrank", default: .bool(false)), Parameter("rank", default: .number(0.2)),
    Parameter("classifier", default: .bool(false)), Parameter("ranks", default: .nil),
    lowRankInitParameter,
  ]
}

/// How new low-rank layers start; the default "kaiming_svd" leaves every earlier result as it was.
var lowRankInitParameter: Lang.Parameter { Parameter("init", default: .string("kaiming_svd")) }

/// The doc sentence describing `lowRankInitParameter`.
let lowRankInitDoc = """
  `init` chooses how low-rank layers start: "kaiming_svd" (the default) is the truncated SVD \
  of a Kaiming-normal matrix, κ(S) near 1–2; "squared_normal" is the start of the 2025 \
  paper's code, random orthonormal U, V and S = diag(z₁², …, z_r²) sorted largest first, \
  zᵢ ~ N(0, 1), so κ(S) starts in the hundreds or more; "half_normal" is the start of the \
  2022 DLRT paper's code, the same with S = diag(|z₁|, …, |z_r|).
  """
