// Natives that attack models: fgsm, fgm, pgd (adversarial inputs) and attack (a report).
import Attacks
import Lang
import NeuralNets
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

/// Every attack native: these, the sweeps and their figure, the adversarial image grid.
func attackNatives(_ session: Session) -> [NativeFunction] {
  attackReportNatives(session) + attackSweepNatives(session) + [adversarialGridNative(session)]
}

private func attackReportNatives(_ session: Session) -> [NativeFunction] {
  [
    perturbNative(
      session, name: "fgsm", settings: [],
      doc: """
        FGSM adversarial versions of inputs `x` (pixels in [0, 1], batch first) with true \
        labels `y`: x′ = clip(x + eps·sign(∇ₓ loss), 0, 1), white-box on `net` (dropout off).

            let net = mlp([64, 32, 10])
            let d = digits()
            let xa = fgsm(net, d.x[0..<100], d.y[0..<100], eps: 0.1)
            max(abs(xa - d.x[0..<100]))
        """),
    perturbNative(
      session, name: "fgm", settings: [Parameter("norm", default: .string("l2"))],
      doc: """
        FGM adversarial inputs: x′ = clip(x + eps·g/‖g‖, 0, 1) with the gradient g of the loss \
        normalised per example in `norm` ("l2" or "linf").

            let net = mlp([64, 32, 10])
            let d = digits()
            let xa = fgm(net, d.x[0..<100], d.y[0..<100], eps: 1.0, norm: "l2")
            norm(xa[0] - d.x[0])
        """),
    perturbNative(
      session, name: "pgd",
      settings: [Parameter("norm", default: .string("linf"))] + attackSettingParameters,
      doc: """
        PGD adversarial inputs: `steps` ascent steps of size `step` (default 2.5·eps/steps) — \
        sign steps for `norm: "linf"`, normalised-gradient steps for "l2" — each projected \
        onto the eps-ball around x and onto [0, 1], from a random point of the ball unless \
        `random_start: false`. `seed` fixes the random start (default: drawn from the \
        notebook's seed).

            let net = mlp([64, 32, 10])
            let d = digits()
            let xa = pgd(net, d.x[0..<100], d.y[0..<100], eps: 0.1, steps: 10, seed: 1)
            accuracy(net, [xa, d.y[0..<100]])
        """),
    NativeFunction(
      name: "attack",
      params: [
        Parameter("net"), Parameter("data"), Parameter("method", default: .string("pgd")),
        Parameter("eps", default: .number(0.1)),
      ] + attackSettingParameters + [Parameter("batch", default: .number(250))],
      doc: """
        Attacks every example of `data` (a dataset, [x, y] or {x, y}; pixels in [0, 1], or a \
        normalised dataset, attacked in pixel units) and reports a record: `attack` (its \
        name and settings), `eps`, `clean_accuracy`, `accuracy` (under attack), \
        `clean_loss`, `loss`, `loss_change`, `success_rate` (the share of correctly \
        classified examples the attack flips), `norms` (‖x′ − x‖ per example, a tensor), \
        `max_norm`, `count`, `seconds` and `throughput` (examples/s). `method`: "fgsm", \
        "fgm" (L2), "fgm-linf", "pgd" (L∞), "pgd-l2", "noise" (random noise of norm eps, \
        the control) or "noise-l2"; `steps`, `step`, `random_start` set PGD.

            let net = mlp([64, 32, 10])
            let test = digits().split(0.8).test
            let r = attack(net, test, "pgd", eps: 0.05, seed: 1)
            [r.clean_accuracy, r.accuracy, r.max_norm]
        """
    ) { args in
      let net = try args.model("net")
      let (data, normalization) = try args.attackData("data")
      let attack = try args.attack("method", epsilon: try args.epsilon("eps"))
      let seed = try args.attackSeed(session)
      let batch = try args.positiveInt("batch")
      let report = try args.attacking {
        try attack.evaluate(
          net, on: data, normalization: normalization, batchSize: batch, seed: seed,
          progress: attackProgress(session, task: "attack"))
      }
      return try reportRecord(report)
    },
  ]
}

/// `fgsm`/`fgm`/`pgd(net, x, y, eps:, …)`: adversarial inputs for a batch of pixels.
private func perturbNative(
  _ session: Session, name: String, settings: [Parameter], doc: String
) -> NativeFunction {
  NativeFunction(
    name: name,
    params: [
      Parameter("net"), Parameter("x"), Parameter("y"), Parameter("eps", default: .number(0.1)),
    ]
      + settings,
    doc: doc
  ) { args in
    let net = try args.model("net")
    let (x, y) = (try args.tensor("x"), try args.tensor("y"))
    let epsilon = try args.epsilon("eps")
    let attack: Attack
    if name == "fgsm" {
      attack = try args.attacking { try Attack.fgsm(epsilon: Float(epsilon)) }
    } else {
      let norm = try args.string("norm").lowercased()
      guard norm == "l2" || norm == "linf" else {
        throw args.bad("norm", expected: "\"linf\" or \"l2\"")
      }
      attack = try args.attacking {
        name == "fgm"
          ? try Attack.fgm(epsilon: Float(epsilon), norm: norm == "l2" ? .l2 : .linf)
          : try Attack.pgd(
            epsilon: Float(epsilon), norm: norm == "l2" ? .l2 : .linf,
            steps: try args.positiveInt("steps"),
            stepSize: try args.optional("step") { Float(try args.number($0)) },
            randomStart: try args.bool("random_start"))
      }
    }
    let seed = name == "pgd" ? try args.attackSeed(session) : 0
    return .tensor(try args.attacking { try perturbBatched(attack, net, x, y, seed: seed) })
  }
}

/// The adversarial inputs for `x` in batches of `Attack.defaultBatch` (the gradients of a
/// whole test set at once would hold every activation of it in memory).
func perturbBatched(_ attack: Attack, _ net: Sequential, _ x: Tensor, _ y: Tensor, seed: UInt64)
  throws -> Tensor
{
  let n = x.shape.first ?? 0
  guard y.shape.first == n else {
    throw AttackError.invalidArgument(
      "\(n) inputs but labels of shape \(y.shape): one label per input is needed")
  }
  guard n > Attack.defaultBatch else {
    return try attack.perturb(net, inputs: x, labels: y, seed: seed)
  }
  let parts = try stride(from: 0, to: n, by: Attack.defaultBatch).map { start in
    let rows = start..<Swift.min(start + Attack.defaultBatch, n)
    return try attack.perturb(
      net, inputs: try x.rows(rows), labels: try y.rows(rows), seed: seed, firstIndex: start)
  }
  return try Tensor.concat(parts, axis: 0)
}

/// An attack report as an *lr* record.
func reportRecord(_ r: AttackReport) throws -> Value {
  .record([
    ("attack", .string(r.attack.description)), ("eps", .number(double(r.attack.epsilon))),
    ("clean_accuracy", .number(r.cleanAccuracy)), ("accuracy", .number(r.accuracy)),
    ("clean_loss", .number(r.cleanLoss)), ("loss", .number(r.loss)),
    ("loss_change", .number(r.lossChange)), ("success_rate", .number(r.successRate)),
    ("norms", .tensor(try Tensor(shape: [r.norms.count], scalars: r.norms))),
    ("max_norm", .number(double(r.norms.max() ?? 0))), ("count", .number(Double(r.count))),
    ("seconds", .number(r.seconds)), ("throughput", .number(r.throughput)),
  ])
}
