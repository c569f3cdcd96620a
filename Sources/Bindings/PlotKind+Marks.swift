// Marks added to a panel rather than plotted from data: reference lines and annotations.
import Lang
import Plotting

extension PlotKind {
  static var hline: PlotKind {
    referenceLine(
      method: "hline", value: "y",
      doc: """
        A horizontal reference line across the panel at height `y` (a target accuracy, a
        chance level), dashed in the text colour unless `color`/`dash` say otherwise.
        Options: `label`, `color`, `dash`, `linewidth`.
        """,
      example: "fig.hline(0.1, label: \"chance\")"
    ) { .horizontalLine($0) }
  }

  static var vline: PlotKind {
    referenceLine(
      method: "vline", value: "x",
      doc: """
        A vertical reference line down the panel at `x` (the ε a model was trained for, the
        epoch the rank was cut). Options: `label`, `color`, `dash`, `linewidth`.
        """,
      example: "fig.vline(0.1, label: \"training ε\", color: \"grey\")"
    ) { .verticalLine($0) }
  }

  static var text: PlotKind {
    PlotKind(
      function: nil, method: "text",
      params: [
        Parameter("x"), Parameter("y"), Parameter("text"), Parameter("color", default: .nil),
        Parameter("align", default: .string("left")),
      ],
      doc: """
        A text annotation at the data point (x, y): its left end just above and right of the
        point, or with `align: "center"` centred on it. Options: `color`, `align`.
        """,
      example: "",
      methodExample: "fig.text(5, 0.93, \"rank cut\", panel: 1)",
      build: { args in
        let x = try finite(args, "x")
        let y = try finite(args, "y")
        let words = try labelText(args.value("text")) ?? ""
        var s = Series.text(words, x: x, y: y, color: try args.color(args.value("color"), "color"))
        switch try args.value("align") {
        case .string("left"): break
        case .string("center"), .string("centre"): s.style.centered = true
        default: throw args.bad("align", expected: "\"left\" or \"center\"")
        }
        return [s]
      })
  }

  /// An `hline`/`vline` kind: one position, a label and the line style.
  private static func referenceLine(
    method: String, value: String, doc: String, example: String,
    make: @escaping (Double) -> Series
  ) -> PlotKind {
    PlotKind(
      function: nil, method: method,
      params: [
        Parameter(value), Parameter("label", default: .nil), Parameter("color", default: .nil),
        Parameter("dash", default: .string("dashed")),
        Parameter("linewidth", default: .number(1.25)),
      ],
      doc: doc, example: "", methodExample: example,
      build: { args in try args.styled([make(try finite(args, value))]) })
  }
}

/// The finite number `name`.
private func finite(_ args: Arguments, _ name: String) throws -> Double {
  guard case .number(let x) = try args.value(name), x.isFinite else {
    throw args.bad(name, expected: "a finite number")
  }
  return x
}
