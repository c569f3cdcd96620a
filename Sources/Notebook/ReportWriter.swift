// Writing a run to disk: NAME.html, NAME_files/ figures, NAME.json and NAME.md, atomically.
import Foundation

/// The files a report can consist of.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
  /// `NAME.html`: the self-contained report.
  case html
  /// `NAME.json`: every cell's outputs, timings and cache status.
  case json
  /// `NAME.md`: Markdown with outputs inlined (`--to md`).
  case markdown
}

/// Why a report was not written.
public enum ReportWriterError: Error, Sendable, Hashable, CustomStringConvertible {
  /// An output file would replace the notebook itself (a run never modifies its source).
  case wouldOverwriteNotebook(String)

  /// The message for the CLI to print.
  public var description: String {
    switch self {
    case .wouldOverwriteNotebook(let path):
      "refusing to overwrite the notebook '\(path)' with a report; choose another output directory or name"
    }
  }
}

/// What `ReportWriter.write` produced.
public struct ReportFiles: Sendable, Hashable {
  /// `NAME.html`, when written.
  public var html: URL?
  /// `NAME.json`, when written.
  public var json: URL?
  /// `NAME.md`, when written.
  public var markdown: URL?
  /// Every figure file written into `NAME_files/`.
  public var figures: [URL] = []
}

/// Writes a run's report files into a directory.
///
///     let files = try ReportWriter(run: run).write(to: URL(fileURLWithPath: "out"))
///     print(files.html?.path ?? "")
public struct ReportWriter {
  /// The run to write.
  public var run: NotebookRun
  /// How the HTML looks.
  public var options: ReportOptions
  /// `NAME` in `NAME.html`, `NAME_files/`, …: the notebook's file name without extension.
  public var baseName: String

  /// Creates a writer; `baseName` defaults to the notebook's file name without extension.
  public init(run: NotebookRun, options: ReportOptions = ReportOptions(), baseName: String? = nil) {
    self.run = run
    self.options = options
    let file = URL(fileURLWithPath: run.notebook.name).deletingPathExtension().lastPathComponent
    self.baseName = baseName ?? (file.isEmpty ? "notebook" : file)
  }

  /// The figures folder's name, relative to the report.
  public var filesDirectoryName: String { "\(baseName)_files" }

  /// Writes the figures first, then the requested formats, each file atomically, so a
  /// report never points at a figure that is not there yet. Figures of an earlier run
  /// that this run did not make are removed (only `fig-*` files; nothing else is touched).
  @discardableResult
  public func write(to directory: URL, formats: Set<ReportFormat> = [.html, .json]) throws
    -> ReportFiles
  {
    let manager = FileManager.default
    try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    var files = ReportFiles()
    let figuresDirectory = directory.appendingPathComponent(filesDirectoryName, isDirectory: true)
    let figures = run.figures
    if !figures.isEmpty {
      try manager.createDirectory(at: figuresDirectory, withIntermediateDirectories: true)
    }
    for figure in figures {
      let url = figuresDirectory.appendingPathComponent(figure.fileName)
      try AtomicFile.write(Data(figure.image.data), to: url)
      files.figures.append(url)
    }
    removeStaleFigures(in: figuresDirectory, keeping: Set(figures.map(\.fileName)))

    let source = URL(fileURLWithPath: run.notebook.name).standardizedFileURL.path
    for format in formats where outputURL(format, in: directory).standardizedFileURL.path == source
    {
      throw ReportWriterError.wouldOverwriteNotebook(run.notebook.name)
    }
    if formats.contains(.json) {
      let url = outputURL(.json, in: directory)
      try AtomicFile.write(run.json(filesDirectory: filesDirectoryName), to: url)
      files.json = url
    }
    if formats.contains(.markdown) {
      let url = outputURL(.markdown, in: directory)
      try AtomicFile.write(run.markdown(filesDirectory: filesDirectoryName), to: url)
      files.markdown = url
    }
    if formats.contains(.html) {
      var options = self.options
      options.filesDirectory = filesDirectoryName
      let url = outputURL(.html, in: directory)
      try AtomicFile.write(HTMLReport(run: run, options: options).render(), to: url)
      files.html = url
    }
    return files
  }

  /// `NAME.html`, `NAME.json` or `NAME.md` in `directory`.
  public func outputURL(_ format: ReportFormat, in directory: URL) -> URL {
    let ext: String
    switch format {
    case .html: ext = "html"
    case .json: ext = "json"
    case .markdown: ext = "md"
    }
    return directory.appendingPathComponent("\(baseName).\(ext)")
  }

  private func removeStaleFigures(in directory: URL, keeping current: Set<String>) {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
    for name in names where name.hasPrefix("fig-") && !current.contains(name) {
      guard ReportFigure.fileExtension(forName: name) else { continue }
      try? manager.removeItem(at: directory.appendingPathComponent(name))
    }
    if (try? manager.contentsOfDirectory(atPath: directory.path))?.isEmpty == true {
      try? manager.removeItem(at: directory)
    }
  }
}

extension ReportFigure {
  /// True for a file name with an extension the report writes figures with.
  static func fileExtension(forName name: String) -> Bool {
    ["png", "jpg", "gif", "webp", "svg"].contains { name.hasSuffix(".\($0)") }
  }
}
