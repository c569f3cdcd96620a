// `NAME.json`: every cell's outputs, timings, cache status and errors, for tools.
import Foundation
import Lang

extension NotebookRun {
  /// The run as JSON text. Figures are referenced by path (`filesDirectory/fig-….png`)
  /// rather than embedded, so the file stays small and diffable.
  public func json(filesDirectory: String) -> String {
    let matter = notebook.frontMatter
    var root: [(String, JSONValue)] = [
      ("format", .string("lrnb-run")),
      ("formatVersion", .number(1)),
      ("notebook", .string(notebook.name)),
      ("title", matter.title.map(JSONValue.string) ?? .null),
      ("toolVersion", .string(toolVersion)),
      ("startedAt", .string(ISO8601DateFormatter().string(from: startedAt))),
      ("totalSeconds", .number(seconds(totalTime))),
      ("seed", seed.map { .number(Double($0)) } ?? .null),
      ("parameters", .object(parameters.map { ($0.name, $0.value.json) })),
      ("succeeded", .bool(succeeded)),
      ("exitStatus", .number(Double(exitStatus))),
    ]
    if let setupFailure {
      root.append(("setupErrors", .array(setupFailure.diagnostics.map(Self.json))))
    }
    root.append(("cells", .array(cells.map { cellJSON($0, filesDirectory: filesDirectory) })))
    return JSONValue.object(root).serialized() + "\n"
  }

  private func cellJSON(_ result: CellResult, filesDirectory: String) -> JSONValue {
    let figures = Dictionary(
      ReportFigure.figures(in: result).map { ($0.outputIndex, $0) }, uniquingKeysWith: { a, _ in a }
    )
    var outputs: [JSONValue] = []
    for (index, item) in result.outputs.enumerated() {
      switch item {
      case .stdout(let text):
        outputs.append(.object([("type", .string("stdout")), ("text", .string(text))]))
      case .display(.text(let text)):
        outputs.append(.object([("type", .string("text")), ("text", .string(text))]))
      case .display(.table(let table)):
        outputs.append(
          .object([
            ("type", .string("table")), ("caption", table.caption.map(JSONValue.string) ?? .null),
            ("columns", .array(table.columns.map(JSONValue.string))),
            ("rows", .array(table.rows.map { .array($0.map(JSONValue.string)) })),
          ]))
      case .display(.image(let image)):
        let figure = figures[index]
        outputs.append(
          .object([
            ("type", .string("image")), ("mimeType", .string(image.mimeType)),
            ("file", figure.map { .string(filesDirectory + "/" + $0.fileName) } ?? .null),
            ("width", .number(Double(image.width))), ("height", .number(Double(image.height))),
            ("alt", .string(figure?.alt ?? image.alt)),
            ("caption", figure?.caption.map(JSONValue.string) ?? .null),
          ]))
      }
    }
    let cell = result.cell
    var fields: [(String, JSONValue)] = [
      ("number", .number(Double(cell.number))),
      ("label", cell.options.label.map(JSONValue.string) ?? .null),
      ("line", .number(Double(cell.fenceLine))),
      ("status", .string(result.status.rawValue)),
      ("seconds", result.duration.map { .number(seconds($0)) } ?? .null),
    ]
    if let cache = result.cache {
      fields.append(
        (
          "cache",
          .object([
            ("key", .string(cache.key)), ("hit", .bool(cache.restored)),
            ("inputsChanged", .bool(cache.miss != nil)),
            ("reason", cache.miss.map { .string($0.rawValue) } ?? .null),
            ("restored", .bool(cache.restored)), ("stored", .bool(cache.stored)),
            ("note", cache.note.map(JSONValue.string) ?? .null),
          ])
        ))
    }
    fields.append(("outputs", .array(outputs)))
    fields.append(("errors", .array(result.failure?.diagnostics.map(Self.json) ?? [])))
    return .object(fields)
  }

  static func json(_ d: Diagnostic) -> JSONValue {
    func location(_ range: SourceRange) -> [(String, JSONValue)] {
      [
        ("file", .string(range.file)), ("line", .number(Double(range.start.line))),
        ("column", .number(Double(range.start.column))),
      ]
    }
    return .object(
      [
        ("severity", .string(d.severity.rawValue)), ("kind", .string(d.kind.rawValue)),
        ("message", .string(d.message)),
      ]
        + location(d.range)
        + [
          ("notes", .array(d.notes.map(json))),
          (
            "stack",
            .array(
              d.stack.map { .object([("function", .string($0.function))] + location($0.range)) })
          ),
        ])
  }
}

/// Seconds as a number with millisecond precision.
func seconds(_ duration: Duration) -> Double {
  let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  return (value * 1000).rounded() / 1000
}
