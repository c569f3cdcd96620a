// Figures from lr: lineplot builds a figure that displays as a PNG with alt text.
import Imaging
import Lang
import Testing

@testable import Bindings

@Suite struct PlotBindingTests {
  @Test func lineplotDisplaysAsPNG() throws {
    let sink = CollectingSink()
    let (interpreter, _) = try Library.makeInterpreter(output: sink)
    let value = try #require(
      try interpreter.run(
        Source(
          name: "p.lr",
          text: "lineplot(1...4, [1, 10, 100, 1000], ylog: true, title: \"powers\", xlabel: \"k\")")))
    guard case .image(let image) = interpreter.display(value) else {
      Issue.record("expected an image display")
      return
    }
    #expect(Array(image.data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    #expect(image.width == 640 && image.height == 420)
    #expect(image.alt.contains("powers"))
    #expect(image.alt.lowercased().contains("log"))
  }

  @Test func severalSeriesWithLabels() throws {
    let (_, value) = try evaluate("lineplot([1, 2, 3], [[1, 2, 3], [3, 2, 1]], labels: [\"up\", \"down\"])")
    #expect(value?.typeName == "figure")
  }

  @Test func mismatchedLengthsAreAnError() {
    #expect(failure("lineplot([1, 2, 3], [1, 2])") == "lineplot: x has 3 values but series 1 has 2")
    #expect(failure("lineplot([1, 2], [[1, 2]], labels: [\"a\", \"b\"])") == "1 series but 2 labels")
  }
}
