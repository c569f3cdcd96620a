// The figures of a run, named once so the HTML, JSON and Markdown outputs agree.
import Lang

/// An image a cell displayed, with its file name and the text that goes with it.
public struct ReportFigure: Sendable, Hashable {
  /// The cell that made it, and its 1-based position among that cell's figures.
  public var cellNumber: Int
  /// Its 1-based position among the cell's figures.
  public var index: Int
  /// Which of the cell's outputs it is.
  public var outputIndex: Int
  /// `fig-<label or cell number>-<n>.png`, inside `NAME_files/`.
  public var fileName: String
  /// The encoded picture.
  public var image: Display.Image
  /// `fig-alt` when given, else the image's own alt text, else a generic description.
  public var alt: String
  /// `fig-cap`, when given.
  public var caption: String?

  /// The anchor of the figure in the HTML report.
  public var id: String { String(fileName.prefix { $0 != "." }) }

  /// The file extension for the image types a report can embed; nil for anything else.
  static func fileExtension(_ mimeType: String) -> String? {
    switch mimeType.lowercased() {
    case "image/png": "png"
    case "image/jpeg": "jpg"
    case "image/gif": "gif"
    case "image/webp": "webp"
    case "image/svg+xml": "svg"
    default: nil
    }
  }

  /// The figures among a cell's outputs, in order. Images of unknown types are left out
  /// (the report says so where they would be).
  static func figures(in result: CellResult) -> [ReportFigure] {
    var figures: [ReportFigure] = []
    for (outputIndex, item) in result.outputs.enumerated() {
      guard case .display(.image(let image)) = item, let ext = fileExtension(image.mimeType) else {
        continue
      }
      let n = figures.count + 1
      let options = result.cell.options
      let given = options.alt(forFigure: n - 1) ?? image.alt
      let alt = given.allSatisfy(\.isWhitespace) ? "Figure \(n) of \(result.cell.title)" : given
      figures.append(
        ReportFigure(
          cellNumber: result.cell.number, index: n, outputIndex: outputIndex,
          fileName: "fig-\(result.cell.slug)-\(n).\(ext)", image: image, alt: alt,
          caption: options.caption(forFigure: n - 1)))
    }
    return figures
  }
}

extension NotebookRun {
  /// Every figure of the run, cell by cell.
  public var figures: [ReportFigure] { cells.flatMap(ReportFigure.figures(in:)) }
}
