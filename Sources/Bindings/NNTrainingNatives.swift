// Natives that train and evaluate models: fit, evaluate, accuracy, predict, confusion_matrix, set_training.
import Lang
import NeuralNets
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

func nnTrainingNatives(_ session: Session) -> [NativeFunction] {
  [
    NativeFunction(
      name: "fit",
      params: [
        Parameter("net"), Parameter("data"), Parameter("epochs", default: .number(1)),
        Parameter("lr", default: .number(0.05)), Parameter("optimizer", default: .string("sgd")),
        Parameter("momentum", default: .number(0.9)), Parameter("nesterov", default: .bool(false)),
        Parameter("weight_decay", default: .number(0)), Parameter("batch", default: .number(128)),
        Parameter("validation", default: .number(0)),
        Parameter("schedule", default: .string("constant")),
        Parameter("seed", default: .nil), Parameter("patience", default: .nil),
      ] + trainingRuleParameters + adversarialTrainingParameters,
      doc: """
        Trains `net` in place on `data` (a dataset, [x, y] or {x, y}) with softmax cross-entropy and \
        returns the per-epoch history. `optimizer`: "sgd", "adam" or "adamw"; `schedule`: "constant", \
        "cosine" or "step" (halve every 10 epochs); `validation`: the fraction held out; `patience`: \
        early stopping; `seed` defaults to one drawn from the notebook's seed. \(trainingRuleDoc) \
        Given here, they apply to this run only; without them each layer trains by the rule the \
        model keeps (`set_training`), by default rank-adaptive. The history has per-epoch `loss`, \
        `accuracy`, `val_loss`, `val_accuracy`, `lr`, `time`, and per tracked layer \
        (`tracked_layers`) `ranks`, `kappa`, `singular_values`, with `prod_kappa` and `compression`. \
        \(adversarialTrainingDoc)

            let net = mlp([64, 32, 10], lowrank: true, rank: 16)
            let d = digits().split(0.8)
            let h = fit(net, d.train, epochs: 3, lr: 0.05, validation: 0.1, integrator: "bug", theta: 0.2)
            [h.loss, h.ranks, h.compression]
        """
    ) { args in
      let net = try args.model("net")
      let data = try args.labeledData("data")
      var options = TrainingOptions()
      options.epochs = try args.positiveInt("epochs")
      // A cap that keeps step counts far from overflow; no notebook trains this long.
      guard options.epochs <= 1_000_000 else {
        throw args.bad("epochs", expected: "at most 1000000 epochs")
      }
      options.learningRate = try args.float(
        "lr", in: 0...1e6, expected: "a non-negative learning rate")
      options.weightDecay = try args.float(
        "weight_decay", in: 0...1e6, expected: "a non-negative weight decay")
      options.batchSize = try args.positiveInt("batch")
      options.validationFraction = try args.number("validation")
      guard options.validationFraction >= 0, options.validationFraction < 1 else {
        throw args.bad("validation", expected: "a fraction in [0, 1)")
      }
      let momentum = try args.float("momentum", in: 0...0.999_999, expected: "a momentum in [0, 1)")
      switch try args.string("optimizer").lowercased() {
      case "sgd": options.rule = .sgd(momentum: momentum, nesterov: try args.bool("nesterov"))
      case "adam": options.rule = .adam()
      case "adamw": options.rule = .adamW()
      default: throw args.bad("optimizer", expected: "\"sgd\", \"adam\" or \"adamw\"")
      }
      switch try args.string("schedule").lowercased() {
      case "constant": options.schedule = .constant
      case "cosine": options.schedule = .cosine(epochs: options.epochs)
      case "step": options.schedule = .step(every: 10, gamma: 0.5)
      default: throw args.bad("schedule", expected: "\"constant\", \"cosine\" or \"step\"")
      }
      options.seed =
        try args.optional("seed", args.nonNegativeInt).map(UInt64.init) ?? session.random.rng.next()
      options.patience = try args.optional("patience", args.positiveInt)
      options.adversary = try args.trainingAdversary()
      let total = options.epochs * ((data.count + options.batchSize - 1) / options.batchSize)
      let report = session.progress
      options.progress = { p in
        // Ctrl-C or a cell's timeout stops training between steps.
        try args.checkInterrupted()
        report?(
          ProgressUpdate(
            task: "fit", completed: (p.epoch - 1) * p.steps + p.step, total: total,
            detail:
              "epoch \(p.epoch)/\(p.epochs) · loss \(formatNumber(p.loss)) · acc \(formatNumber(p.accuracy))"
          ))
      }
      // This run's rules: the model's own, with the settings given here on top.
      for (i, layer) in net.layers.enumerated() where layer is any LowRankLayer {
        if let rule = try args.lowRankTraining(over: net.layerTraining[i] ?? LowRankTraining()) {
          options.layerTraining[i] = rule
        }
      }
      return .native(HistoryObject(try net.fit(data, options: options)))
    },
    NativeFunction(
      name: "evaluate", params: [Parameter("net"), Parameter("data")],
      doc:
        "The mean cross-entropy loss and accuracy of `net` on `data`, as a record.\n\n    let net = mlp([64, 32, 10])\n    let d = digits()\n    evaluate(net, [d.x, d.y]).accuracy"
    ) { args in
      let (loss, accuracy) = try args.model("net").evaluate(try args.labeledData("data"))
      return .record([("loss", .number(loss)), ("accuracy", .number(accuracy))])
    },
    NativeFunction(
      name: "accuracy", params: [Parameter("net"), Parameter("data")],
      doc: "The fraction of `data` that `net` classifies correctly.\n\n    let net = mlp([64, 32, 10])\n    let test = digits().split(0.8).test\n    accuracy(net, test)"
    ) { args in .number(try args.model("net").accuracy(try args.labeledData("data"))) },
    NativeFunction(
      name: "predict",
      params: [Parameter("net"), Parameter("x"), Parameter("classes", default: .bool(false))],
      doc:
        "The outputs (logits) of `net` for inputs `x` (batch first); with `classes: true`, the predicted classes.\n\n    let net = mlp([64, 32, 10])\n    let x = digits().x\n    predict(net, x, classes: true)"
    ) { args in
      let net = try args.model("net")
      let x = try args.tensor("x")
      return .tensor(try args.bool("classes") ? try net.predictClasses(x) : try net.predict(x))
    },
    NativeFunction(
      name: "confusion_matrix", params: [Parameter("net"), Parameter("data")],
      doc:
        "Counts of (true class, predicted class) pairs, as a classes × classes tensor.\n\n    let net = mlp([64, 32, 10])\n    let test = digits().split(0.8).test\n    confusion_matrix(net, test)"
    ) { args in .tensor(try args.model("net").confusionMatrix(try args.labeledData("data"))) },
    NativeFunction(
      name: "set_training",
      params: [Parameter("net"), Parameter("layer", default: .nil)] + trainingRuleParameters,
      doc: """
        Chooses how the low-rank layers of `net` train — all of them, or only `layer` (an index \
        into `net.layers`) — and returns `net`. The rule is kept by the model (and in its model \
        file); settings given to `fit` win over it. \(trainingRuleDoc)

            let net = lenet5(lowrank: true, rank: 0.5)
            set_training(net, integrator: "bug", theta: 0.15)
            set_training(net, layer: 7, integrator: "condlr", tau: 0.1, beta: 0.05)
            net.training
        """
    ) { args in
      let object = try args.native("net", as: ModelObject.self, expected: "a model")
      let model = object.model
      let index = try args.optional("layer", args.nonNegativeInt)
      if let index {
        guard model.layers.indices.contains(index), model.layers[index] is any LowRankLayer else {
          throw args.bad("layer", expected: "the index of a low-rank layer of the model")
        }
      }
      if try !args.setTraining(on: model, layer: index) {
        // No settings: back to the default rule (rank-adaptive BUG, ϑ = 0.1).
        for i in model.layers.indices where index == nil || index == i {
          model.layerTraining[i] = nil
        }
      }
      return .native(object)
    },
  ]
}
