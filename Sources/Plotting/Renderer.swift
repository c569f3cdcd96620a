// Draws a laid-out figure on a canvas: backgrounds, grid, series, axes, texts, legends.
import Foundation

/// Draws figures on any `Canvas`.
///
/// ```swift
/// let canvas = RecordingCanvas()
/// let layout = FigureRenderer.draw(figure, on: canvas)
/// ```
public enum FigureRenderer {
  /// Lays out `figure` with the canvas's text metrics, draws it, and returns the layout.
  @discardableResult
  public static func draw(_ figure: Figure, on canvas: Canvas) -> FigureLayout {
    let layout = FigureLayout(figure, measuring: canvas)
    var painter = Painter(canvas: canvas, theme: figure.theme, scale: figure.layoutScale)
    painter.drawFigure(figure, layout: layout)
    return layout
  }
}

/// Drawing state for one figure.
struct Painter {
  let canvas: Canvas
  let theme: Theme
  /// Device pixels per figure pixel, for snapping thin lines to whole device pixels.
  let scale: Double

  /// Width of spines, ticks and grid lines.
  static let axisLineWidth = 0.8

  mutating func drawFigure(_ figure: Figure, layout: FigureLayout) {
    let page = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
    canvas.fill(.rect(page), color: theme.background)
    if let title = layout.title { drawTitle(title) }
    for (axes, panel) in zip(figure.panels, layout.panels) where axes.visible {
      drawPanel(axes, panel)
    }
  }

  /// The lines of a figure or panel title, as layout fitted them.
  func drawTitle(_ title: TitleLayout) {
    for line in title.lines {
      canvas.text(
        line.text, at: line.position, font: title.font, color: theme.foreground,
        anchor: title.anchor, rotation: 0)
    }
  }

  /// Moves `v` to the centre of a device pixel so a line of `width` renders crisply.
  func snap(_ v: Double, width: Double = Painter.axisLineWidth) -> Double {
    let device = (width * scale).rounded()
    let odd = Int(device) % 2 == 1
    return odd ? ((v * scale).rounded(.down) + 0.5) / scale : (v * scale).rounded() / scale
  }

  func drawPanel(_ axes: Axes, _ panel: PanelLayout) {
    let area = panel.plotArea
    if panel.axesVisible {
      canvas.fill(.rect(area), color: theme.plotBackground)
      if axes.grid && !axes.isMatrixPanel { drawGrid(panel) }
    }
    canvas.pushClip(area)
    for (index, series) in axes.series.enumerated() {
      drawSeries(series, index: index, axes: axes, panel: panel)
    }
    canvas.popClip()
    if panel.axesVisible { drawAxes(panel) }
    drawAxisLabels(axes, panel)
    if let title = panel.title { drawTitle(title) }
    if let bar = panel.colorbar { drawColorbar(bar) }
    if let legend = panel.legend { drawLegend(legend, axes: axes, panel: panel) }
  }

  func drawGrid(_ panel: PanelLayout) {
    let area = panel.plotArea
    var path = Path()
    for tick in panel.x.ticks where tick.major {
      guard let p = panel.x.scale.pixel(tick.value), p >= area.minX - 0.5, p <= area.maxX + 0.5
      else { continue }
      path.move(to: Point(snap(p), area.minY))
      path.line(to: Point(snap(p), area.maxY))
    }
    for tick in panel.y.ticks where tick.major {
      guard let p = panel.y.scale.pixel(tick.value), p >= area.minY - 0.5, p <= area.maxY + 0.5
      else { continue }
      path.move(to: Point(area.minX, snap(p)))
      path.line(to: Point(area.maxX, snap(p)))
    }
    canvas.stroke(path, style: StrokeStyle(color: theme.gridColor, width: Painter.axisLineWidth))
  }

  /// Spines on all four sides, outward ticks and tick labels.
  func drawAxes(_ panel: PanelLayout) {
    let area = panel.plotArea
    let style = StrokeStyle(color: theme.axisColor, width: Painter.axisLineWidth)
    let spine = Rect(
      x: snap(area.minX), y: snap(area.minY), width: snap(area.maxX) - snap(area.minX),
      height: snap(area.maxY) - snap(area.minY))
    var ticks = Path()
    for tick in panel.x.ticks {
      guard let p = panel.x.scale.pixel(tick.value), p >= area.minX - 0.5, p <= area.maxX + 0.5
      else { continue }
      let length = tick.major ? Metrics.tickLength : Metrics.minorTickLength
      ticks.move(to: Point(snap(p), spine.maxY))
      ticks.line(to: Point(snap(p), spine.maxY + length))
      if tick.major, panel.x.showLabels, !tick.label.isEmpty {
        let rotated = panel.x.labelRotation != 0
        canvas.text(
          tick.label, at: Point(p, area.maxY + Metrics.tickLength + Metrics.tickPad),
          font: theme.tickFont, color: theme.foreground,
          anchor: rotated ? TextAnchor(.end, .top) : TextAnchor(.middle, .top),
          rotation: panel.x.labelRotation)
      }
    }
    for tick in panel.y.ticks {
      guard let p = panel.y.scale.pixel(tick.value), p >= area.minY - 0.5, p <= area.maxY + 0.5
      else { continue }
      let length = tick.major ? Metrics.tickLength : Metrics.minorTickLength
      ticks.move(to: Point(spine.minX, snap(p)))
      ticks.line(to: Point(spine.minX - length, snap(p)))
      if tick.major, panel.y.showLabels, !tick.label.isEmpty {
        canvas.text(
          tick.label, at: Point(area.minX - Metrics.tickLength - Metrics.tickPad, p),
          font: theme.tickFont, color: theme.foreground, anchor: TextAnchor(.end, .middle),
          rotation: 0)
      }
    }
    canvas.stroke(ticks, style: style)
    canvas.stroke(.rect(spine), style: style)
  }

  /// The x label under the tick labels and the y label left of them.
  func drawAxisLabels(_ axes: Axes, _ panel: PanelLayout) {
    let area = panel.plotArea
    if let label = axes.xlabel, !label.isEmpty {
      var y = area.maxY
      if panel.axesVisible {
        y += Metrics.tickLength
        if panel.x.showLabels { y = max(y, lowestXTickLabel(panel)) }
      }
      canvas.text(
        label, at: Point(area.midX, y + Metrics.labelPad), font: theme.labelFont,
        color: theme.foreground, anchor: TextAnchor(.middle, .top), rotation: 0)
    }
    if let label = axes.ylabel, !label.isEmpty {
      var x = area.minX
      if panel.axesVisible {
        x -= Metrics.tickLength
        if panel.y.showLabels {
          let widest =
            panel.y.ticks.filter(\.major).map {
              canvas.measure($0.label, font: theme.tickFont).width
            }.max() ?? 0
          x -= Metrics.tickPad + widest
        }
      }
      canvas.text(
        label, at: Point(x - Metrics.labelPad, area.minY + area.height / 2),
        font: theme.labelFont, color: theme.foreground, anchor: TextAnchor(.middle, .bottom),
        rotation: 90)
    }
  }

  /// The bottom edge of the x tick labels.
  func lowestXTickLabel(_ panel: PanelLayout) -> Double {
    var lowest = panel.plotArea.maxY + Metrics.tickLength
    let anchorY = panel.plotArea.maxY + Metrics.tickLength + Metrics.tickPad
    let rotated = panel.x.labelRotation != 0
    for tick in panel.x.ticks where tick.major && !tick.label.isEmpty {
      guard let p = panel.x.scale.pixel(tick.value) else { continue }
      let box = canvas.measure(tick.label, font: theme.tickFont).bounds(
        at: Point(p, anchorY), anchor: rotated ? TextAnchor(.end, .top) : TextAnchor(.middle, .top),
        rotation: panel.x.labelRotation)
      lowest = max(lowest, box.maxY)
    }
    return lowest
  }
}
