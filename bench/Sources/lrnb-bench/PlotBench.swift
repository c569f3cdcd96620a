// Plot rendering: the 1000×700 PNG of a 10,000-point line plot (issue 7: ≤ 50 ms), plus
// an SVG of the same figure, a 256×256 heatmap and a 64-digit image grid. The reference
// is matplotlib's Agg backend on the same figures (python/plot.py).
import Foundation
import Imaging
import Plotting
import PlottingCairo

func plotBench(repeats: Int) throws {
  let line = try tenThousandPointFigure()
  emit(
    suite: "plot", case: "line 10k points 1000×700 PNG", impl: "lrnb renderPNG",
    samples: try time(repeats: repeats) { _ = try renderPNG(line) })
  // The same, in CPU time of the rendering thread: on a shared machine the wall-clock
  // median also counts time the thread waited for a core.
  emit(
    suite: "plot", case: "line 10k points 1000×700 PNG", impl: "lrnb renderPNG (thread CPU time)",
    samples: try cpuTime(repeats: repeats) { _ = try renderPNG(line) })
  // The two halves of the PNG case: drawing with Cairo, and encoding with libpng.
  emit(
    suite: "plot", case: "line 10k points 1000×700 PNG", impl: "lrnb renderBitmap (draw only)",
    samples: try time(repeats: repeats) { _ = try renderBitmap(line) })
  let bitmap = try renderBitmap(line)
  emit(
    suite: "plot", case: "line 10k points 1000×700 PNG", impl: "lrnb PNG.encode (encode only)",
    samples: try time(repeats: repeats) { _ = try PNG.encode(bitmap, fast: true) })
  emit(
    suite: "plot", case: "line 10k points 1000×700 SVG", impl: "lrnb renderSVG",
    samples: try time(repeats: repeats) { _ = try renderSVG(line) })
  let heatmap = try heatmapFigure()
  emit(
    suite: "plot", case: "heatmap 256×256 640×420 PNG", impl: "lrnb renderPNG",
    samples: try time(repeats: repeats) { _ = try renderPNG(heatmap) })
  let grid = try digitGridFigure()
  emit(
    suite: "plot", case: "image grid 64 × 28×28", impl: "lrnb renderPNG",
    samples: try time(repeats: repeats) { _ = try renderPNG(grid) })
}

/// A noisy sine over 10,000 points: every pixel column holds about ten points, so line
/// simplification and stroking both matter. Deterministic (no RNG) so runs compare.
func tenThousandPointFigure() throws -> Figure {
  let n = 10_000
  let x = (0..<n).map { Double($0) / 100 }
  let y = x.enumerated().map { i, t in
    sin(t) + 0.3 * sin(37 * t) + 0.1 * Double((i * 7919) % 101) / 101
  }
  return try Figure.linePlot(
    x: x, ys: [y], labels: ["signal"], title: "10,000 points", xlabel: "t", ylabel: "value",
    width: 1000, height: 700)
}

func heatmapFigure() throws -> Figure {
  let n = 256
  let values = (0..<(n * n)).map { k in sin(Double(k / n) / 20) * cos(Double(k % n) / 13) }
  var axes = Axes(title: "256×256 heatmap")
  axes.add(.heatmap(try Matrix(rows: n, columns: n, values: values)))
  return Figure(axes)
}

func digitGridFigure() throws -> Figure {
  let images = try (0..<64).map { d in
    try Matrix(
      rows: 28, columns: 28,
      values: (0..<784).map { k in Double((k * (d + 3)) % 255) / 255 })
  }
  return try Figure.imageGrid(images, titles: (0..<64).map { "#\($0)" }, columns: 8)
}

/// Like `time`, but in CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), in ms.
func cpuTime(repeats: Int, warmup: Int = 2, _ body: () throws -> Void) rethrows -> [Double] {
  func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
  }
  for _ in 0..<warmup { try body() }
  var samples: [Double] = []
  for _ in 0..<repeats {
    let start = now()
    try body()
    samples.append(now() - start)
  }
  return samples
}
