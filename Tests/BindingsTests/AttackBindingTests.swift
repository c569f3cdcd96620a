// Attacks from lr: fgsm/fgm/pgd inputs, attack reports, sweeps, their figures, adversarial fit.
import Lang
import Plotting
import Testing

@testable import Bindings

@Suite struct AttackBindingTests {
  /// A small MLP trained on the UCI digits (pixels in [0, 1]), and 200 test examples.
  let trained = """
    let parts = digits().split(0.8, seed: 1)
    let net = mlp([64, 32, 10])
    fit(net, parts.train, epochs: 8, lr: 0.05, batch: 32, seed: 2)
    let x = parts.test.x[0..<200]
    let y = parts.test.y[0..<200]
    """

  @Test func perturbationsStayInTheBallAndInPixelRange() throws {
    let code =
      trained + """

        let a = fgsm(net, x, y, eps: 0.1)
        let b = pgd(net, x, y, eps: 0.1, seed: 3)
        let c = pgd(net, x, y, eps: 0.5, norm: "l2", steps: 5, seed: 3)
        let d = fgm(net, x, y, eps: 0.5)
        let l2 = fn(t) { max(sqrt(((t - x) * (t - x)).sum(axis: 1))) }
        [a.shape == x.shape, max(abs(a - x)) <= 0.1 + 1e-6, max(abs(b - x)) <= 0.1 + 1e-6,
         l2(c) <= 0.5 + 1e-5, l2(d) <= 0.5 + 1e-5, min(a) >= 0, max(b) <= 1, min(c) >= 0,
         max(abs(a - x)) > 0.09, pgd(net, x, y, eps: 0.1, seed: 3) == b]
        """
    #expect(
      try evaluate(code).value?.quotedDescription
        == "[true, true, true, true, true, true, true, true, true, true]")
  }

  @Test func attackReportsAccuraciesLossesAndNorms() throws {
    let code =
      trained + """

        let r = attack(net, [x, y], "pgd", eps: 0.1, seed: 4)
        let f = attack(net, [x, y], "fgsm", eps: 0.1)
        let n = attack(net, [x, y], "noise", eps: 0.1, seed: 4)
        let z = attack(net, [x, y], "pgd", eps: 0)
        [r.count, r.clean_accuracy > 0.8, r.accuracy <= f.accuracy, f.accuracy <= n.accuracy,
         r.loss_change > 0, r.max_norm <= 0.1 + 1e-6, r.norms.shape, z.accuracy == z.clean_accuracy,
         r.throughput > 0, attack(net, [x, y], "pgd", eps: 0.1, seed: 4).accuracy == r.accuracy]
        """
    #expect(
      try evaluate(code).value?.quotedDescription
        == "[200, true, true, true, true, true, [200], true, true, true]")
  }

  @Test func sweepTableAndFigure() throws {
    let code =
      trained + """

        let small = mlp([64, 32, 10], lowrank: true, rank: 4)
        fit(small, parts.train, epochs: 4, seed: 2)
        let t = sweep({dense: net, "rank 4": small}, [x, y], attacks: ["fgsm", "pgd"], eps: [0, 0.05, 0.1], seed: 5)
        let clean = attack(net, [x, y], "fgsm", eps: 0).accuracy
        [len(t), t[0], t[3].attack, t[6].model, t[0].accuracy == clean, t[2].accuracy <= t[0].accuracy]
        """
    let value = try evaluate(code).value?.quotedDescription ?? ""
    #expect(value.hasPrefix(#"[12, {model: "dense", attack: "fgsm", eps: 0, accuracy: "#))
    #expect(value.hasSuffix(#""pgd", "rank 4", true, true]"#))
    let f = try figure(
      trained + """

        sweep([net], [x, y], attacks: ["fgsm", "pgd-l2", "noise"], eps: [0, 0.1]) |> plot_sweep(title: "digits")
        """)
    #expect(f.title == "digits" && f.columns == 3)
    #expect(f.panels.map(\.title) == ["fgsm", "pgd-l2", "noise"])
    #expect(
      f.panels[0].series.compactMap(\.style.label) == ["MLP"] || f.panels[0].series.count == 1)
    expectCleanLayout(f)
  }

  @Test func repeatedRowsPlotAsMeanAndBand() throws {
    let f = try figure(
      """
      let rows = [{model: "a", attack: "fgsm", eps: 0, accuracy: 0.9}, {model: "a", attack: "fgsm", eps: 0, accuracy: 0.8},
                  {model: "a", attack: "fgsm", eps: 0.1, accuracy: 0.5}, {model: "a", attack: "fgsm", eps: 0.1, accuracy: 0.3},
                  {model: "b", attack: "fgsm", eps: 0, accuracy: 0.7}, {model: "b", attack: "fgsm", eps: 0.1, accuracy: 0.2}]
      plot_sweep(rows)
      """)
    #expect(f.panels.count == 1)
    let kinds = f.panels[0].series.map { series -> String in
      if case .band = series.data { return "band" }
      if case .line(_, let y) = series.data {
        return "line \(y.map { ($0 * 100).rounded() / 100 })"
      }
      return "other"
    }
    #expect(kinds == ["band", "line [0.85, 0.4]", "line [0.7, 0.2]"])
    #expect(f.panels[0].ymin == 0 && f.panels[0].ymax == 1)
  }

  @Test func adversarialGridShowsCleanAdversarialAndPerturbation() throws {
    let f = try figure(trained + "\nadversarial_grid(net, parts.test, \"fgsm\", eps: 0.2, n: 5)")
    #expect(f.rows == 3 && f.columns == 5)
    #expect(f.title?.contains("clean, adversarial") == true && f.panels[10].title == "δ")
    #expect(f.panels[0].title?.isEmpty == false && f.panels[5].title?.isEmpty == false)
    guard case .image(let delta)? = f.panels[10].series.first?.data else {
      Issue.record("expected an image")
      return
    }
    #expect(delta.rows == 8 && delta.columns == 8)
    #expect(f.panels[10].series.first?.style.valueRange == -0.2...0.2)
    expectCleanLayout(f)
  }

  @Test func smallAdversarialGridsKeepTheirTitlesApart() throws {
    // At 40-pixel cells the generated PGD title is four times the figure's width and
    // class names with "✗" are wider than a cell: the layout shrinks and wraps them.
    let f = try figure(
      trained + "\nadversarial_grid(net, parts.test, \"pgd\", eps: 0.2, n: 12, cell: 40)")
    #expect(f.title?.hasPrefix("PGD") == true)
    expectCleanLayout(f)
  }

  @Test func adversarialTrainingThroughFit() throws {
    let code = """
      let parts = digits().split(0.8, seed: 1)
      seed(5)
      let plain = mlp([64, 32, 10])
      fit(plain, parts.train, epochs: 10, seed: 2)
      seed(5)
      let robust = mlp([64, 32, 10])
      let h = fit(robust, parts.train, epochs: 10, seed: 2, adversarial: "fgsm", eps: 0.1)
      seed(5)
      let again = mlp([64, 32, 10])
      let h2 = fit(again, parts.train, epochs: 10, seed: 2, adversarial: "fgsm", eps: 0.1)
      let before = attack(plain, parts.test, "fgsm", eps: 0.1).accuracy
      let after = attack(robust, parts.test, "fgsm", eps: 0.1).accuracy
      [after > before, h.loss == h2.loss, len(h.loss)]
      """
    #expect(try evaluate(code, seed: 1).value?.quotedDescription == "[true, true, 10]")
  }

  @Test func progressReachesTheSessionHook() throws {
    let (interpreter, session) = try Library.makeInterpreter(output: CollectingSink())
    var updates: [ProgressUpdate] = []
    session.progress = { updates.append($0) }
    _ = try interpreter.run(
      Source(
        name: "t.lr",
        text: """
          let d = digits()
          let net = mlp([64, 10])
          attack(net, d, "fgsm", eps: 0.1, batch: 500)
          sweep(net, d, attacks: ["fgsm"], eps: [0, 0.1], batch: 1000)
          """))
    let attacks = updates.filter { $0.task == "attack" }
    let sweeps = updates.filter { $0.task == "sweep" }
    #expect(
      attacks.count == 4 && attacks.last.map { ($0.completed, $0.total) } ?? (0, 0) == (1797, 1797))
    #expect(
      sweeps.count == 2 && sweeps.last.map { ($0.completed, $0.total) } ?? (0, 0) == (1797, 1797))
  }

  @Test func clearErrors() throws {
    let net = "let net = mlp([4, 3])\nlet x = rand([5, 4])\nlet y = tensor([0, 1, 2, 0, 1])\n"
    #expect(failure(net + "attack(net, [x, y], \"cw\")")?.contains("\"fgsm\"") == true)
    #expect(failure(net + "fgsm(net, x, y, eps: -0.1)")?.contains("ε ≥ 0") == true)
    #expect(failure(net + "fgsm(net, x * 3, y)")?.contains("pixel values in [0, 1]") == true)
    #expect(failure(net + "pgd(net, x, y, norm: \"l1\")")?.contains("\"linf\" or \"l2\"") == true)
    #expect(failure(net + "pgd(net, x, y, steps: 1e9)")?.contains("steps") == true)
    #expect(failure(net + "fgsm(net, x, tensor([0, 1]))")?.contains("one label per input") == true)
    #expect(failure(net + "sweep({}, [x, y])")?.contains("models") == true)
    #expect(failure(net + "sweep(net, [x, y], eps: [])")?.contains("eps") == true)
    #expect(failure(net + "plot_sweep([{model: 1}])")?.contains("sweep table") == true)
    let many = "range(13).map(fn(i) { {model: \"m\", attack: \"a\\(i)\", eps: 0, accuracy: 1} })"
    #expect(failure("plot_sweep(\(many))")?.contains("at most 12 attacks") == true)
    #expect(
      failure(net + "fit(net, [x, y], adversarial: \"pgd\", eps: -1)")?.contains("eps") == true)
    #expect(failure(net + "adversarial_grid(net, [x, y], n: 6)")?.contains("1 to 5") == true)
    let six = "let net6 = mlp([6, 3])\nlet x6 = rand([5, 6])\n"
    #expect(failure(net + six + "adversarial_grid(net6, [x6, y], n: 2)")?.contains("shape") == true)
  }
}
