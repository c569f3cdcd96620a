// A figure as an lr value: shown as a PNG image in notebooks and the REPL.
import Lang
import Plotting
import PlottingCairo

/// The native object for a figure. Rendering happens when the figure is displayed.
final class FigureObject: NativeObject {
  let figure: Figure

  init(_ figure: Figure) { self.figure = figure }

  var typeName: String { "figure" }
  var description: String { "<figure: \(figure.altText)>" }

  func display() -> Display {
    do {
      let image = try renderPNG(figure)
      return .image(
        Display.Image(data: image.png, width: image.width, height: image.height, alt: image.alt))
    } catch {
      return .text("figure could not be rendered: \(error)")
    }
  }
}
