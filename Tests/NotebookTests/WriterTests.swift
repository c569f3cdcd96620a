// Writing reports to disk: HTML, figure files, JSON, Markdown; stale figures; atomic writes.
import Foundation
import Lang
import Testing
import _TestSupport

@testable import Notebook

@Suite struct WriterTests {
  @Test func writesEveryFormatAndFigures() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try SampleNotebook.run()
    let files = try ReportWriter(run: run).write(to: directory, formats: Set(ReportFormat.allCases))
    #expect(files.html?.lastPathComponent == "sample.html")
    #expect(files.json?.lastPathComponent == "sample.json")
    #expect(files.markdown?.lastPathComponent == "sample.md")
    let figure = try #require(files.figures.first)
    #expect(figure.path.hasSuffix("sample_files/fig-train-1.png"))
    #expect(try [UInt8](Data(contentsOf: figure)) == run.figures.first?.image.data)
    // No temporary files are left behind by the atomic writes.
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names == ["sample.html", "sample.json", "sample.md", "sample_files"])
  }

  @Test func staleFiguresAreRemovedOthersKept() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let folder = directory.appendingPathComponent("nb_files")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data([1]).write(to: folder.appendingPathComponent("fig-old-1.png"))
    try Data([1]).write(to: folder.appendingPathComponent("notes.txt"))
    let (run, _) = try Fixtures.run("```lr\n#| label: new\nimage chart\n```\n")
    try ReportWriter(run: run).write(to: directory)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == ["fig-new-1.png", "notes.txt"])
  }

  @Test func linkedFiguresInsteadOfEmbedded() throws {
    var options = ReportOptions()
    options.embedFigures = false
    let run = try SampleNotebook.run()
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let files = try ReportWriter(run: run, options: options).write(to: directory, formats: [.html])
    let html = try String(contentsOf: try #require(files.html), encoding: .utf8)
    #expect(html.contains("<img src=\"sample_files/fig-train-1.png\""))
    #expect(!html.contains("data:image"))
  }

  @Test func jsonExport() throws {
    let run = try SampleNotebook.run()
    let text = run.json(filesDirectory: "sample_files")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["notebook"] as? String == "sample.lrnb")
    #expect(object["succeeded"] as? Bool == false)
    #expect(object["exitStatus"] as? Int == 70)
    #expect((object["parameters"] as? [String: Any])?["epochs"] as? Int == 3)
    let cells = try #require(object["cells"] as? [[String: Any]])
    #expect(
      cells.map { $0["status"] as? String } == [
        "succeeded", "succeeded", "failed", "succeeded", "failed", "not run",
      ])
    #expect(cells[1]["label"] as? String == "train")
    let outputs = try #require(cells[1]["outputs"] as? [[String: Any]])
    #expect(
      outputs.map { $0["type"] as? String } == ["stdout", "stdout", "stdout", "image", "table"])
    #expect(outputs[3]["file"] as? String == "sample_files/fig-train-1.png")
    #expect(outputs[3]["caption"] as? String == "Training loss per epoch for the low-rank model.")
    let error = try #require((cells[4]["errors"] as? [[String: Any]])?.first)
    #expect(error["line"] as? Int == 77 && error["column"] as? Int == 1)
    #expect(cells[5]["seconds"] is NSNull)
  }

  @Test func markdownExport() throws {
    let run = try SampleNotebook.run()
    let markdown = run.markdown(filesDirectory: "sample_files")
    #expect(markdown.hasPrefix("---\ntitle: Low-rank layers under attack\n"))
    #expect(markdown.contains("```lr\nprint epoch 1  loss 0.912\n"))
    #expect(
      markdown.contains("```\nepoch 1  loss 0.912\nepoch 2  loss 0.433\nepoch 3  loss 0.271\n```"))
    #expect(
      markdown.contains(
        "![Line chart of the training loss falling over three epochs.](sample_files/fig-train-1.png)\n\n*Training loss per epoch for the low-rank model.*"
      ))
    #expect(
      markdown.contains("| epoch | loss | accuracy |\n| --- | --- | --- |\n| 1 | 0.912 | 71.2% |"))
    #expect(
      markdown.contains(
        "sample.lrnb:77:1: error: undefined variable 'epsilon'\n  77 | fail undefined variable 'epsilon'\n"
      ))
    #expect(markdown.contains("*(not run: an earlier cell failed)*"))
    #expect(markdown.contains("```python\n"))
    #expect(!markdown.contains("#| label"))
  }

  @Test func neverOverwritesTheNotebook() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("notes.md").path
    let notebook = try NotebookReader.read("```lr\nprint a\n```\n", name: path)
    let run = NotebookRunner(kernel: FakeKernel()).run(notebook)
    #expect(throws: ReportWriterError.wouldOverwriteNotebook(path)) {
      try ReportWriter(run: run).write(to: directory, formats: [.html, .markdown])
    }
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("notes.html").path))
  }

  @Test func atomicWriteReplacesWholeFile() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("a.txt")
    try AtomicFile.write("first version, longer", to: url)
    try AtomicFile.write("second", to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.txt"])
    #expect(throws: (any Error).self) {
      try AtomicFile.write("x", to: directory.appendingPathComponent("missing/dir/b.txt"))
    }
  }
}
