// Long lines are stroked in pieces on raster surfaces; the pieces must give the same
// picture as one stroke, for solid, dashed and translucent lines.
import Foundation
import Imaging
import Plotting
import Testing

@testable import PlottingCairo

@Test(arguments: [DashPattern.solid, .dashed, .dotted])
func chunkedStrokesMatchWholeStrokes(dash: DashPattern) throws {
  let n = 3000
  let x = (0..<n).map { Double($0) / 30 }
  // Smooth enough that every piece joins at a gentle angle, noisy enough to cross itself.
  let y = x.enumerated().map { i, t in sin(t) + 0.2 * sin(13 * t) + 0.02 * Double(i % 7) }
  var axes = Axes(title: "pieces")
  axes.add(try .line(x: x, y: y, label: "a", dash: dash))
  var translucent = try Series.line(x: x, y: y.map { $0 + 1 }, label: "b", width: 3)
  translucent.style.opacity = 0.4
  axes.add(translucent)
  let figure = Figure(axes, width: 800, height: 500)
  let whole = try renderBitmap(figure, chunkedStrokes: false)
  let pieces = try renderBitmap(figure, chunkedStrokes: true)
  #expect(whole.width == pieces.width && whole.height == pieces.height)
  var total = 0
  var differing = 0
  for (a, b) in zip(whole.pixels, pieces.pixels) {
    let d = abs(Int(a) - Int(b))
    total += d
    if d > 48 { differing += 1 }
  }
  let mean = Double(total) / Double(whole.pixels.count)
  // Joins between pieces shade a few anti-aliased edge pixels twice, and the translucent
  // line is composited through a group (rounding by a level or two): invisible, but not
  // bit-identical. A dash out of phase or a missing piece would differ far more.
  #expect(mean < 0.3, "mean channel difference \(mean)")
  #expect(differing < whole.pixels.count / 2000, "\(differing) channels differ visibly")
}
