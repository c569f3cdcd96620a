// One sample figure per remaining series kind, plus grids and the dark theme.
import Foundation
import Plotting

extension Samples {
  static func bars() throws -> Figure {
    var axes = Axes(title: "Accuracy under attack", ylabel: "accuracy")
    let attacks = ["clean", "FGSM", "PGD-L∞", "PGD-L2", "noise"]
    axes.add(
      try .bars(categories: attacks, values: [0.98, 0.62, 0.41, 0.55, 0.97], label: "dense"))
    axes.add(
      try .bars(categories: attacks, values: [0.97, 0.48, 0.22, 0.39, 0.96], label: "rank 16"))
    axes.add(
      try .bars(categories: attacks, values: [0.97, 0.71, 0.52, 0.63, 0.96], label: "CondLR"))
    axes.ymax = 1.15
    return Figure(axes)
  }

  static func longCategories() throws -> Figure {
    var axes = Axes(title: "Compression by layer", ylabel: "compression")
    let layers = ["conv1 (1→20, 5×5)", "conv2 (20→50, 5×5)", "fc1 (800→500)", "fc2 (500→10)"]
    axes.add(try .bars(categories: layers, values: [0.1, 0.62, 0.91, 0.0]))
    return Figure(axes, width: 400, height: 320)
  }

  static func histogram() throws -> Figure {
    var rng = SplitMix(seed: 3)
    var axes = Axes(title: "Weight distribution", xlabel: "weight", ylabel: "count")
    axes.add(try .histogram((0..<4000).map { _ in rng.normal() * 0.05 }, bins: 40, label: "dense"))
    axes.add(
      try .histogram(
        (0..<4000).map { _ in rng.normal() * 0.02 + 0.08 }, bins: 40,
        label: "low-rank"))
    axes.series[1].style.opacity = 0.6
    return Figure(axes)
  }

  static func stepAndReference() throws -> Figure {
    var axes = Axes(title: "Rank over training", xlabel: "step", ylabel: "rank")
    let steps = (0..<12).map { Double($0) * 100 }
    axes.add(
      try .step(x: steps, y: [64, 48, 40, 33, 30, 28, 27, 27, 26, 26, 26, 26], label: "layer 1"))
    axes.add(
      try .step(x: steps, y: [32, 30, 22, 20, 18, 18, 17, 16, 16, 16, 16, 16], label: "layer 2"))
    axes.add(.horizontalLine(16, label: "r_min"))
    axes.add(.verticalLine(500))
    axes.add(.text("augmentation every 500 steps", x: 520, y: 55))
    return Figure(axes)
  }

  static func bandAndErrors() throws -> Figure {
    let eps = (0...10).map { Double($0) * 0.01 }
    var axes = Axes(title: "Robustness over 5 seeds", xlabel: "ε", ylabel: "accuracy")
    axes.add(
      try .band(
        x: eps, mean: eps.map { 0.98 - 6 * $0 * $0 - 2 * $0 },
        std: eps.map { 0.01 + 0.3 * $0 }, label: "rank 16 (mean ± std)"))
    axes.add(
      try .errorBars(
        x: eps, y: eps.map { 0.98 - 2 * $0 * $0 - 1.5 * $0 },
        error: eps.map { 0.005 + 0.1 * $0 }, label: "CondLR"))
    return Figure(axes)
  }

  static func heatmap() throws -> Figure {
    let rows = 12
    let cols = 20
    let values = (0..<rows * cols).map { i -> Double in
      let r = Double(i / cols)
      let c = Double(i % cols)
      return sin(r / 3) * cos(c / 4) * 0.4
    }
    var axes = Axes(title: "W (12 × 20)", xlabel: "input", ylabel: "output")
    axes.add(
      .heatmap(
        try Matrix(rows: rows, columns: cols, values: values),
        colormap: .diverging, range: -0.4...0.4))
    return Figure(axes)
  }

  static func digit(_ seed: UInt64) throws -> Matrix {
    var rng = SplitMix(seed: seed)
    let values = (0..<(28 * 28)).map { i -> Double in
      let r = Double(i / 28) - 13.5
      let c = Double(i % 28) - 13.5
      let ring = abs(sqrt(r * r / 1.6 + c * c) - 7 - Double(seed % 3)) < 2.2
      return ring ? min(1, 0.8 + 0.2 * rng.uniform()) : 0
    }
    return try Matrix(rows: 28, columns: 28, values: values)
  }

  static func imageGrid() throws -> Figure {
    let images = try (0..<10).map { try digit(UInt64($0)) }
    return try Figure.imageGrid(
      images, titles: (0..<10).map { "pred \($0 % 3)" }, columns: 5,
      title: "Adversarial examples")
  }

  static func perturbation() throws -> Figure {
    var rng = SplitMix(seed: 11)
    let delta = try Matrix(
      rows: 28, columns: 28,
      values: (0..<784).map { _ in
        (rng.uniform() - 0.5) * 0.6
      })
    var axes = Axes(title: "δ (PGD, ε = 0.3)")
    axes.add(.image(delta, colormap: .diverging, range: -0.3...0.3, colorbar: true))
    return Figure(axes, width: 320, height: 300)
  }

  static func sharedGrid(theme: Theme = .light) throws -> Figure {
    var figure = Figure(
      width: 720, height: 480, rows: 2, columns: 2, title: "Training curves",
      theme: theme)
    figure.sharedX = true
    figure.sharedY = true
    let x = (0...30).map(Double.init)
    for panel in 0..<4 {
      let rate = 0.05 + 0.05 * Double(panel)
      try figure.add(
        .line(x: x, y: x.map { exp(-rate * $0) }, label: "rank \(8 << panel)"),
        toPanel: panel)
      try figure.add(
        .line(
          x: x, y: x.map { exp(-rate * $0 * 0.7) + 0.05 }, label: "dense",
          dash: .dashed), toPanel: panel)
      try figure.updatePanel(panel) {
        $0.title = "rank \(8 << panel)"
        $0.xlabel = panel >= 2 ? "epoch" : nil
        $0.ylabel = panel % 2 == 0 ? "loss" : nil
        $0.legend = panel == 0 ? .best : .none
      }
    }
    return figure
  }

  static func dark() throws -> Figure {
    var figure = try logSpectrum()
    figure.theme = .dark
    return figure
  }

  /// Every sample by name, for the gallery and golden tests.
  static let all: [(String, @Sendable () throws -> Figure)] = [
    ("lines", lines), ("log", logSpectrum), ("scatter", scatter), ("bars", bars),
    ("categories", longCategories), ("histogram", histogram), ("step", stepAndReference),
    ("band", bandAndErrors), ("heatmap", heatmap), ("images", imageGrid),
    ("perturbation", perturbation), ("grid", { try sharedGrid() }), ("dark", dark),
  ]
}
