// Every plot native and figure method has a doc string with a summary and an example that
// runs.
import Lang
import Testing

@testable import Bindings

@Suite struct PlotDocTests {
  static let plotNames = [
    "lineplot", "scatter", "stepplot", "bar", "hist", "band", "errorbar", "heatmap", "imshow",
    "image_grid", "figure", "savefig", "plot_history",
  ]

  @Test func everyPlotNativeIsDocumentedWithAnExample() {
    let natives = Library.natives(Session(seed: 0))
    for name in Self.plotNames {
      guard let native = natives.first(where: { $0.name == name }) else {
        Issue.record("\(name) is not registered")
        continue
      }
      let lines = native.doc.split(separator: "\n")
      #expect((lines.first?.count ?? 0) > 20, "\(name) has no summary")
      #expect(
        lines.contains { $0.hasPrefix("    ") && $0.contains(name) }, "\(name) has no example")
    }
  }

  @Test func everyFigureMethodIsDocumentedWithAnExample() throws {
    let box = FigureObject(.init())
    for name in Array(FigureObject.kinds.keys) + ["panel", "save"] {
      guard case .function(let method)? = try box.member(name) else {
        Issue.record("figure has no method \(name)")
        continue
      }
      #expect(method.doc.contains("    fig.\(name)("), "figure.\(name) has no example")
    }
  }

  /// The examples that need no data defined elsewhere run as written.
  @Test(arguments: [
    "lineplot(1...10, [1, 4, 9, 16, 25, 36, 49, 64, 81, 100], ylog: true, title: \"squares\")",
    "scatter(randn([200]), randn([200]), title: \"two Gaussians\", size: 4)",
    "stepplot([0, 10, 20, 30], [32, 24, 18, 18], title: \"rank\", xlabel: \"epoch\")",
    """
    bar(["clean", "FGSM", "PGD"], [[0.98, 0.61, 0.32], [0.97, 0.83, 0.71]],
        labels: ["dense", "rank 16"], ylabel: "accuracy", ylim: [0, 1])
    """,
    "hist(randn([1000]), bins: 30, title: \"N(0, 1)\", density: true)",
    "errorbar([1, 2, 3, 4], [0.9, 0.7, 0.6, 0.3], [0.05, 0.08, 0.04, 0.1], title: \"accuracy vs ε\")",
    "{loss: [0.9, 0.5, 0.3], val_loss: [1.0, 0.7, 0.6]} |> plot_history",
  ])
  func examplesRun(code: String) throws {
    #expect(try evaluate(code).value?.typeName == "figure")
  }
}
