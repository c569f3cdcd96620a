// `lrnb run notebooks/plot-gallery.lrnb`: every cell runs and every figure decodes, with
// its alt text inside; the SVG it saves is well-formed.
import Foundation
import Imaging
import Testing
import _TestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct PlotGalleryTests {
  @Test func galleryRunsAndEveryFigureDecodes() throws {
    let out = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let notebook = repositoryRoot().appendingPathComponent("notebooks/plot-gallery.lrnb")
    let r = try runProcess(
      lrnbExecutable(), ["run", notebook.path, "--out", out.path, "-p", "folder=\(out.path)"])
    #expect(r.status == 0, "\(r.stderr)")

    let html = try String(
      contentsOf: out.appendingPathComponent("plot-gallery.html"), encoding: .utf8)
    let embedded = html.components(separatedBy: "src=\"data:image/png;base64,").count - 1
    let files = out.appendingPathComponent("plot-gallery_files")
    let pngs = try FileManager.default.contentsOfDirectory(atPath: files.path)
      .filter { $0.hasSuffix(".png") }.sorted()
    // One figure per kind and option family; the count guards against cells that
    // silently stop showing their figure.
    #expect(pngs.count >= 20)
    #expect(embedded == pngs.count)
    for name in pngs {
      let bytes = [UInt8](try Data(contentsOf: files.appendingPathComponent(name)))
      let bitmap = try PNG.decode(bytes)
      #expect(bitmap.width >= 100 && bitmap.height >= 100, "\(name)")
      let alt = try PNG.text(in: bytes).first { $0.keyword == "Description" }?.text ?? ""
      #expect(!alt.isEmpty, "\(name) has no alt text")
      let escaped = alt.replacingOccurrences(of: "&", with: "&amp;")
        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        .replacingOccurrences(of: "\"", with: "&quot;")
      #expect(html.contains("alt=\"\(escaped)\""), "\(name)'s alt text is not in the report")
    }
    #expect(!html.contains("class=\"error"), "a cell failed")
    // Every number the gallery plots is computed in it (issue 10), none invented.
    #expect(!html.contains("illustrative"))

    // The cell that saves files wrote a PNG and a well-formed SVG into `folder`.
    _ = try PNG.decode(
      [UInt8](try Data(contentsOf: out.appendingPathComponent("gallery-figure.png"))))
    let svg = try Data(contentsOf: out.appendingPathComponent("gallery-figure.svg"))
    let parser = XMLParser(data: svg)
    #expect(parser.parse(), "\(String(describing: parser.parserError))")
  }
}
