// sweep and plot_sweep: accuracy against ε for several models and attacks, as a table and a figure.
import Attacks
import Lang
import NeuralNets
import Plotting

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

func attackSweepNatives(_ session: Session) -> [NativeFunction] {
  [
    NativeFunction(
      name: "sweep",
      params: [
        Parameter("models"), Parameter("data"),
        Parameter("attacks", default: .list([.string("fgsm"), .string("pgd")])),
        Parameter("eps", default: .list([.number(0), .number(0.05), .number(0.1)])),
      ] + attackSettingParameters + [Parameter("batch", default: .number(250))],
      doc: """
        A robustness sweep: the accuracy of every model under every attack at every budget, \
        as a table (a list of records {model, attack, eps, accuracy, loss}, one per model, \
        attack and eps in that order) ready for `plot_sweep`, `where`, `group_by`. `models` \
        is a record {name: model, …}, a list of models or one model; `attacks` names from \
        "fgsm", "fgm", "fgm-linf", "pgd", "pgd-l2", "noise", "noise-l2" (see `attack`); \
        eps = 0 rows are the clean accuracy. Each model reads `data` once; the same `seed` \
        drives every random start and noise draw.

            let d = digits().split(0.8)
            let dense = mlp([64, 32, 10])
            let small = mlp([64, 32, 10], lowrank: true, rank: 4)
            let t = sweep({dense: dense, "rank 4": small}, d.test, attacks: ["fgsm", "pgd"], eps: [0, 0.1])
            t |> plot_sweep
        """,
      group: "attack"
    ) { args in
      let models = try sweepModels(args)
      let (data, normalization) = try args.attackData("data")
      let names = try args.list("attacks").map { item -> String in
        guard case .string(let s) = item else {
          throw args.bad("attacks", expected: "a list of attack names such as [\"fgsm\", \"pgd\"]")
        }
        return s
      }
      guard !names.isEmpty else { throw args.bad("attacks", expected: "at least one attack") }
      let epsilons = try args.numbers("eps")
      guard !epsilons.isEmpty, epsilons.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
        throw args.bad("eps", expected: "a list of budgets ≥ 0 in pixel units")
      }
      let attacks = try names.map { try args.attack(named: $0, argument: "attacks", epsilon: 0) }
      var sweep = try args.attacking { try RobustnessSweep(attacks: attacks, epsilons: epsilons) }
      sweep.batchSize = try args.positiveInt("batch")
      sweep.seed = try args.attackSeed(session)
      var progress: ((SweepProgress) -> Void)?
      if let report = session.progress {
        progress = { p in
          report(
            ProgressUpdate(task: "sweep", completed: p.completed, total: p.total, detail: p.model))
        }
      }
      let rows = try args.attacking {
        try sweep.run(models, on: data, normalization: normalization, progress: progress)
      }
      // Rows come per model, attack and ε: name attacks as the user did.
      return .list(
        rows.enumerated().map { k, row in
          .record([
            ("model", .string(row.model)),
            ("attack", .string(names[(k / epsilons.count) % names.count])),
            ("eps", .number(row.epsilon)), ("accuracy", .number(row.accuracy)),
            ("loss", .number(row.loss)),
          ])
        })
    },
    plotSweepNative(session),
  ]
}

/// The models of a sweep with their names: a record of models, a list, or one model.
private func sweepModels(_ args: Arguments) throws -> [(name: String, model: Sequential)] {
  let expected = "a record {name: model, …}, a list of models or a model"
  func model(_ v: Value) throws -> Sequential {
    guard case .native(let o) = v, let m = o as? ModelObject else {
      throw args.bad("models", expected: expected)
    }
    return m.model
  }
  let models: [(name: String, model: Sequential)]
  switch try args.value("models") {
  case .record(let record): models = try record.fields.map { ($0.0, try model($0.1)) }
  case .list(let items):
    models = try items.enumerated().map { i, v in
      let m = try model(v)
      return (items.count == 1 ? m.name : "\(m.name) \(i + 1)", m)
    }
  case let v:
    let m = try model(v)
    models = [(m.name, m)]
  }
  guard !models.isEmpty else { throw args.bad("models", expected: expected) }
  return models
}
