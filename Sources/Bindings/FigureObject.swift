// A figure as an lr value: a reference that cells add to, shown as a PNG image.
import Lang
import Plotting
import PlottingCairo

/// The native object for a figure.
///
/// Figures are references, as in matplotlib: `fig.line(…)` and the other methods change
/// the figure in place (every name bound to it sees the change) and return it, so calls
/// chain and a cell ending in one shows the updated figure. Rendering happens when the
/// figure is displayed, so what a cell shows is the figure as it was at that moment.
final class FigureObject: NativeObject {
  var figure: Figure

  init(_ figure: Figure) { self.figure = figure }

  var typeName: String { "figure" }
  var description: String { "<figure: \(figure.altText)>" }

  func display() -> Display {
    do {
      let image = try renderPNG(figure)
      // The report lays the image out at figure size, so a `dpi: 192` PNG shows sharp
      // at the same size instead of twice as large.
      let size = figure.layoutSize
      return .image(
        Display.Image(
          data: image.png, width: Int(size.width.rounded()), height: Int(size.height.rounded()),
          alt: image.alt))
    } catch {
      return .text("figure could not be rendered: \(error)")
    }
  }

  func member(_ name: String) throws -> Value? {
    switch name {
    case "rows": return .number(Double(figure.rows))
    case "cols": return .number(Double(figure.columns))
    case "panels": return .number(Double(figure.panels.count))
    case "alt": return .string(figure.altText)
    case "title": return figure.title.map(Value.string) ?? .nil
    default: break
    }
    if let kind = FigureObject.kinds[name] { return .function(addMethod(kind)) }
    switch name {
    case "panel": return .function(panelMethod)
    case "save": return .function(saveMethod)
    default: return nil
    }
  }

  /// The series kinds by figure-method name (`line`, `hist`, …). Immutable after
  /// initialisation and only read by the interpreter's thread.
  nonisolated(unsafe) static let kinds: [String: PlotKind] = Dictionary(
    uniqueKeysWithValues: PlotKind.all.map { ($0.method, $0) })

  /// `fig.KIND(data…, panel: i, style…)`: adds the kind's series to panel `i`.
  func addMethod(_ kind: PlotKind) -> NativeFunction {
    NativeFunction(
      name: "figure.\(kind.method)",
      params: kind.params + [Parameter("panel", default: .number(0))],
      doc: kind.doc + "\n" + panelArgumentDoc + "\n\n    " + kind.methodExample
    ) { [self] args in
      let index = try panelIndex(args)
      let series = try kind.build(args)
      figure.panels[index].series += series
      return .native(self)
    }
  }

  /// Which panel `panel:` names: a row-major index or `[row, col]`.
  func panelIndex(_ args: Arguments, _ name: String = "panel") throws -> Int {
    let count = figure.panels.count
    let expected =
      "a panel index from 0 to \(count - 1) or [row, col] with row < \(figure.rows) and col < \(figure.columns)"
    switch try args.value(name) {
    case .number(let x):
      guard let i = wholeNumber(x), (0..<count).contains(i) else {
        throw args.bad(name, expected: expected)
      }
      return i
    case .list(let items):
      guard items.count == 2, let r = items[0].asNumber.flatMap(wholeNumber),
        let c = items[1].asNumber.flatMap(wholeNumber), (0..<figure.rows).contains(r),
        (0..<figure.columns).contains(c)
      else { throw args.bad(name, expected: expected) }
      return r * figure.columns + c
    default:
      throw args.bad(name, expected: expected)
    }
  }
}

/// How figure methods document `panel:`.
let panelArgumentDoc = """
  `panel` chooses the panel (row-major index from 0, or `[row, col]`); the method returns
  the figure, changed in place.
  """
