// Every figure of the plot gallery lays out cleanly (no text leaves the figure or overlaps
// another, no tick falls outside its axis), and together they show every series kind.
import Foundation
import Lang
import Testing
import _TestSupport

@testable import Bindings

@Suite struct PlotGalleryLayoutTests {
  /// The `lr` cells of a notebook, in order (the fences only; options are comments).
  static func cells(of notebook: String) -> [String] {
    var cells: [String] = []
    var current: [Substring]?
    for line in notebook.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line.hasPrefix("```lr") {
        current = []
      } else if current != nil, line.hasPrefix("```") {
        cells.append((current ?? []).joined(separator: "\n"))
        current = nil
      } else {
        current?.append(line)
      }
    }
    return cells
  }

  @Test func everyGalleryFigureLaysOutCleanly() throws {
    let url = repositoryRoot().appendingPathComponent("notebooks/plot-gallery.lrnb")
    let cells = Self.cells(of: try String(contentsOf: url, encoding: .utf8))
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (interpreter, _) = try Library.makeInterpreter(output: CollectingSink(), seed: 3)
    interpreter.define("folder", .string(folder.path))
    // The gallery's training parameters, small: the layout does not depend on them.
    interpreter.define("epochs", .number(3))
    interpreter.define("runs", .number(2))
    var figures = 0
    var kinds: Set<String> = []
    for (i, cell) in cells.enumerated() {
      let value = try interpreter.run(Source(name: "gallery cell \(i + 1)", text: cell))
      guard let box = value?.asNative as? FigureObject else { continue }
      figures += 1
      kinds.formUnion(box.figure.panels.flatMap(\.series).map(\.kindName))
      expectCleanLayout(box.figure)
    }
    #expect(figures >= 20)
    // The gallery shows every kind of series there is.
    #expect(
      kinds == [
        "line", "scatter", "step", "bar", "histogram", "band", "error bar", "heatmap", "image",
        "horizontal line", "vertical line", "annotation",
      ])
  }
}
