// plot_history: loss and accuracy panels from whatever fields a history has.
import Lang
import Plotting
import Testing

@testable import Bindings

@Suite struct PlotHistoryTests {
  @Test func lossAndAccuracyPanels() throws {
    let f = try figure(
      """
      let h = {loss: [1, 0.6, 0.4], val_loss: [1.1, 0.8, 0.7], acc: [0.5, 0.7, 0.8],
               val_acc: tensor([0.4, 0.6, 0.7]), lr: [0.1, 0.1, 0.01]}
      h |> plot_history(title: "run 1")
      """)
    #expect(f.title == "run 1" && f.columns == 2)
    #expect(f.panels.map(\.title) == ["loss", "accuracy"])
    #expect(
      f.panels.map { $0.series.compactMap(\.style.label) } == [
        ["train", "validation"], ["train", "validation"],
      ])
    guard case .line(let x, _)? = f.panels[0].series.first?.data else {
      Issue.record("expected a line")
      return
    }
    #expect(x == [1, 2, 3])
    expectCleanLayout(f)
  }

  @Test func onlyTheFieldsPresentAreDrawn() throws {
    let f = try figure("plot_history({loss: [3, 2, 1], test_loss: []}, ylog: true)")
    #expect(f.panels.count == 1)
    #expect(f.panels[0].series.count == 1 && f.panels[0].yscale == .log)
  }

  @Test func epochsComeFromTheHistoryWhenGiven() throws {
    let f = try figure("plot_history({epoch: [5, 10, 15], acc: [0.5, 0.6, 0.7]})")
    guard case .line(let x, _)? = f.panels[0].series.first?.data else {
      Issue.record("expected a line")
      return
    }
    #expect(x == [5, 10, 15])
  }

  /// A history object as training may provide one: fields as members.
  final class FakeHistory: NativeObject {
    var typeName: String { "history" }
    func member(_ name: String) throws -> Value? {
      name == "loss" ? .list([.number(2), .number(1)]) : nil
    }
  }

  @Test func historyObjectsWork() throws {
    let sink = CollectingSink()
    let (interpreter, _) = try Library.makeInterpreter(output: sink)
    interpreter.define("h", .native(FakeHistory()))
    let value = try interpreter.run(Source(name: "t.lr", text: "plot_history(h)"))
    let box = try #require(value?.asNative as? FigureObject)
    #expect(box.figure.panels.count == 1)
  }
}
