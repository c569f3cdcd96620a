// Hostile and degenerate input: every figure still lays out and renders, data errors throw.
import Foundation
import PlottingCairo
import Testing

@testable import Plotting

@Test func degenerateDataStillRenders() throws {
  var figures: [Figure] = []
  var empty = Axes(title: "nothing here")
  empty.add(try .line(x: [], y: []))
  figures.append(Figure(empty))
  var nan = Axes(yscale: .log)
  nan.add(try .line(x: [0, 1, 2, 3], y: [.nan, -1, 0, .infinity]))
  nan.add(try .scatter(x: [.nan], y: [1]))
  figures.append(Figure(nan))
  var flat = Axes(xscale: .log)
  flat.add(try .line(x: [5, 5], y: [3, 3]))
  flat.add(.horizontalLine(-2))
  flat.add(.verticalLine(0))
  figures.append(Figure(flat))
  var huge = Axes()
  huge.add(try .line(x: [-1e300, 1e300], y: [1e-300, 2e-300]))
  huge.add(try .histogram([.nan, .infinity], bins: 3))
  figures.append(Figure(huge))
  var extreme = Axes()
  extreme.add(try .line(x: [-1e308, 1e308], y: [-1e308, 1e308]))
  extreme.add(try .histogram([-1.7e308, 1.7e308], bins: 4))
  extreme.add(.heatmap(try Matrix(rows: 1, columns: 3, values: [-1e308, 1e308, .infinity])))
  figures.append(Figure(extreme))
  var matrix = Axes()
  matrix.add(.heatmap(try Matrix(rows: 1, columns: 1, values: [.nan])))
  figures.append(Figure(matrix))
  var limits = Axes(yscale: .log)
  limits.ymin = -5
  limits.xmin = 3
  limits.xmax = 3
  limits.add(try .bars(categories: ["a"], values: [0]))
  figures.append(Figure(limits))
  for figure in figures {
    checkCleanLayout(figure)
    let image = try renderPNG(figure)
    #expect(image.width >= 1 && image.height >= 1)
    #expect(try renderSVG(figure).contains("</svg>"))
  }
}

@Test func impossibleSizesAreClampedNotFatal() throws {
  // Too small or too crowded to be readable, but never a crash or a giant allocation.
  let tiny = Figure(width: 0, height: .nan, rows: -3, columns: 0, scale: .infinity)
  #expect(tiny.rows == 1 && tiny.columns == 1)
  let tinyImage = try renderPNG(tiny)
  #expect(tinyImage.width == 32 && tinyImage.height == 420)
  var crowded = Figure(width: 1e9, height: 40, rows: 1000, columns: 1000)
  #expect(crowded.panels.count == Figure.maxPanels)
  try crowded.add(.line(y: [1, 2]), toPanel: Figure.maxPanels - 1)
  let image = try renderPNG(crowded)
  #expect(image.width == 8192 && image.height == 40)
}

@Test func mismatchedDataThrowsReadableErrors() {
  #expect(throws: PlotError("x and y have different lengths (3 and 2)")) {
    try Series.line(x: [1, 2, 3], y: [1, 2])
  }
  #expect(throws: PlotError.self) { try Series.bars(categories: [], values: []) }
  #expect(throws: PlotError.self) { try Series.histogram([1], bins: 0) }
  #expect(throws: PlotError.self) { try Series.band(x: [1], mean: [1, 2], std: [1]) }
  #expect(throws: PlotError.self) { try Matrix(rows: 2, columns: 2, values: [1]) }
  #expect(throws: PlotError.self) { try Matrix([[1, 2], [3]]) }
  #expect(throws: PlotError.self) { try Matrix(rows: 1 << 20, columns: 1 << 20, values: []) }
  #expect(throws: PlotError.self) { try Figure.imageGrid([]) }
}

@Test func simplificationKeepsEachColumnsExtent() {
  // 1000 points zig-zagging inside 10 pixel columns.
  var points: [Point?] = []
  for i in 0..<1000 {
    let y: Double = i % 2 == 0 ? Double(i % 37) : -Double(i % 41)
    points.append(Point(Double(i) / 100, y))
  }
  let thin = Painter.simplify(points, scale: 1).compactMap { $0 }
  #expect(thin.count <= 40)
  for column in 0..<10 {
    let all = points.compactMap { $0 }.filter { Int($0.x) == column }.map(\.y)
    let kept = thin.filter { Int($0.x) == column }.map(\.y)
    #expect(kept.min() == all.min() && kept.max() == all.max())
  }
  #expect(thin.first == points.first ?? nil)
  #expect(thin.last == points.last ?? nil)
  // Gaps survive.
  let broken = Painter.simplify([Point(0, 0), nil, Point(0.5, 1)], scale: 1)
  #expect(broken.count == 3 && broken[1] == nil)
}
