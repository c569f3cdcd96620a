// Integrators, ϑ, τ, β from lr: rules per model and per layer, history tracking, compress.
import Lang
import Testing

@testable import Bindings

@Suite struct NNTrainingRuleTests {
  /// The UCI digits split, a low-rank MLP and nothing trained yet.
  let setup = """
    let d = digits().split(0.8, seed: 1)
    let net = mlp([64, 32, 32, 10], lowrank: true, rank: 12)

    """

  @Test func rulesPerModelAndPerLayer() throws {
    let code =
      setup + """
        set_training(net, integrator: "bug", theta: 0.2, r_max: 14)
        set_training(net, layer: 2, integrator: "condlr", tau: 0.1, beta: 0.05)
        let rules = net.training.map(fn(t) { t.rule })
        let built = lenet5(lowrank: true, rank: 0.5, tau: 0.3).training.map(fn(t) { t.rule })
        [rules, built, len(set_training(net).training)]
        """
    #expect(
      try evaluate(code).value?.quotedDescription
        == #"[["bug ϑ=0.2 r∈[2, 14]", "condlr τ=0.1 β=0.05"], ["condlr τ=0.3", "condlr τ=0.3", "condlr τ=0.3"], 2]"#
    )
  }

  @Test func rankAdaptiveFitTracksRanksKappaAndCompression() throws {
    let code =
      setup + """
        let h = fit(net, d.train, epochs: 3, lr: 0.05, batch: 64, integrator: "bug", theta: 0.3)
        [h.tracked_layers, len(h.ranks), len(h.ranks[0]), h.ranks[0][-1] == net.layers[0].rank,
         h.ranks[0][-1] < 16, len(h.kappa[1]), len(h.prod_kappa), len(h.compression),
         h.compression[-1] == compression(net), len(h.singular_values[0][-1]) == net.layers[0].rank,
         h.prod_kappa[-1] >= 1]
        """
    #expect(
      try evaluate(code).value?.quotedDescription
        == "[[0, 2, 4], 3, 3, true, true, 3, 3, 3, true, true, true]")
  }

  @Test func condLRBoundsKappaAndBetaLowersIt() throws {
    let code =
      setup + """
        let a = mlp([64, 32, 32, 10], lowrank: true, rank: 12)
        let h = fit(a, d.train, epochs: 2, integrator: "condlr", tau: 0.2)
        # kappa lists every weight layer; the first two are the low-rank ones.
        let bounded = [h.kappa[0], h.kappa[1]].all(fn(k) { k.all(fn(x) { x <= 1.2 + 1e-4 }) })
        let plain = mlp([64, 32, 32, 10], lowrank: true, rank: 12)
        let reg = mlp([64, 32, 32, 10], lowrank: true, rank: 12)
        let h0 = fit(plain, d.train, epochs: 3, integrator: "fixed", seed: 5)
        let h1 = fit(reg, d.train, epochs: 3, integrator: "fixed", beta: 0.5, seed: 5)
        [bounded, h1.kappa[0][-1] < h0.kappa[0][-1], h1.kappa[1][-1] < h0.kappa[1][-1]]
        """
    #expect(try evaluate(code).value?.quotedDescription == "[true, true, true]")
  }

  @Test func compressThenFinetune() throws {
    let code = """
      let d = digits().split(0.8, seed: 1)
      let dense = mlp([64, 64, 10])
      fit(dense, d.train, epochs: 5)
      let small = compress(dense, rank: 0.25)
      let tolerant = compress(dense, theta: 0.5)
      let before = accuracy(dense, d.test)
      fit(small, d.train, epochs: 2, integrator: "condlr", tau: 0.5)
      [small.layers[0].rank, small.layers[2].kind, tolerant.layers[0].rank < 32,
       accuracy(dense, d.test) == before, accuracy(small, d.test) > 0.8]
      """
    #expect(
      try evaluate(code).value?.quotedDescription == #"[16, "Dense", true, true, true]"#)
  }

  /// `init: "squared_normal"` is the 2025 paper's ill-conditioned start, on every native that
  /// makes low-rank layers; the default start stays near κ = 1.
  @Test func squaredNormalStartIsIllConditioned() throws {
    let code = """
      let paper = mlp([64, 32, 32, 10], lowrank: true, rank: 12, init: "squared_normal")
      let usual = mlp([64, 32, 32, 10], lowrank: true, rank: 12)
      let layers = [lowrank_dense(64, 32, 12, init: "squared_normal"),
                    lowrank_conv2d(4, 8, 3, rank: 6, init: "squared_normal")]
      [paper.kappa > 100 * usual.kappa, usual.kappa < 20, layers.map(fn(l) { l.rank })]
      """
    #expect(try evaluate(code).value?.quotedDescription == "[true, true, [12, 6]]")
  }

  @Test(arguments: [
    (
      "lenet5(lowrank: true, init: \"orthogonal\")",
      "bad argument 'init' to lenet5 (expected \"kaiming_svd\", \"squared_normal\" or \"half_normal\""
    ),
    ("fit(net, d.train, integrator: \"sgd\")", "bad argument 'integrator' to fit"),
    (
      "fit(net, d.train, theta: 1.5)",
      "bad argument 'theta' to fit (expected a tolerance ϑ in [0, 1)"
    ),
    (
      "fit(net, d.train, integrator: \"bug\", tau: 0.1)",
      "'tau' to fit (it does not apply to integrator \"bug\")"
    ),
    ("fit(net, d.train, integrator: \"condlr\", theta: 0.1)", "'theta' to fit (it does not apply"),
    (
      "fit(net, d.train, r_min: 5, r_max: 3)",
      "bad argument 'r_max' to fit (expected a rank ≥ r_min (5)"
    ),
    ("fit(net, d.train, beta: -1)", "bad argument 'beta' to fit (expected a non-negative β"),
    ("set_training(net, layer: 1, tau: 0.1)", "bad argument 'layer' to set_training"),
    ("compress(net, theta: 2)", "bad argument 'theta' to compress"),
  ])
  func badSettingsAreDiagnosed(_ call: String, _ message: String) throws {
    let got = failure(setup + call)
    #expect(got?.contains(message) == true, "\(got ?? "no error")")
  }
}
