// Figures shared by the layout, rendering and golden-image tests.
import Foundation
import Plotting

enum Samples {
  /// A two-series line plot with markers, labels, title and legend.
  static func lines() throws -> Figure {
    let x = (0...40).map { Double($0) / 4 }
    var axes = Axes(title: "Training loss", xlabel: "epoch", ylabel: "loss")
    axes.add(try .line(x: x, y: x.map { 2.2 * exp(-$0 / 3) + 0.1 }, label: "train"))
    axes.add(
      try .line(
        x: x, y: x.map { 2.0 * exp(-$0 / 4) + 0.25 + 0.03 * sin(3 * $0) },
        label: "test", dash: .dashed))
    return Figure(axes)
  }

  /// Singular values on a log y axis.
  static func logSpectrum() throws -> Figure {
    let i = (1...64).map(Double.init)
    var axes = Axes(title: "Singular values of W", xlabel: "index", ylabel: "σᵢ", yscale: .log)
    axes.add(try .line(x: i, y: i.map { 10 * pow(0.82, $0) }, label: "dense", marker: .circle))
    axes.add(try .line(x: i, y: i.map { 3 * pow(0.9, $0) + 1e-4 }, label: "low-rank (r = 16)"))
    return Figure(axes)
  }

  /// Scatter of two clusters.
  static func scatter() throws -> Figure {
    var rng = SplitMix(seed: 7)
    var axes = Axes(title: "Two moons", xlabel: "x₁", ylabel: "x₂")
    for (k, name) in ["class 0", "class 1"].enumerated() {
      let xs = (0..<150).map { _ in rng.normal() * 0.4 + Double(k) * 1.2 }
      let ys = xs.map { $0 * 0.5 + rng.normal() * 0.3 - Double(k) * 0.8 }
      axes.add(try .scatter(x: xs, y: ys, label: name))
    }
    return Figure(axes)
  }
}

/// A tiny deterministic generator so sample data is the same on every run.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
  mutating func normal() -> Double {
    let u = max(1e-12, uniform())
    return sqrt(-2 * log(u)) * cos(2 * Double.pi * uniform())
  }
}
