// savefig and fig.save: PNG files carry the alt text, SVG files are well-formed XML.
import Foundation
import Imaging
import Lang
import Testing
import _TestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct PlotFileTests {
  @Test func savefigWritesPNGAndSVG() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let png = dir.appendingPathComponent("loss.png").path
    let svg = dir.appendingPathComponent("loss.SVG").path
    _ = try evaluate(
      """
      let fig = lineplot([1, 2, 3], [3, 2, 1], title: "loss & <gain>", label: "train")
      savefig(fig, "\(png)")
      fig.save("\(svg)")
      """)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: png)))
    let bitmap = try PNG.decode(bytes)
    #expect(bitmap.width == 640 && bitmap.height == 420)
    let alt = try #require(try PNG.text(in: bytes).first { $0.keyword == "Description" }?.text)
    #expect(alt.contains("loss & <gain>"))
    let xml = try Data(contentsOf: URL(fileURLWithPath: svg))
    let parser = XMLParser(data: xml)
    #expect(parser.parse(), "\(String(describing: parser.parserError))")
    #expect(
      String(decoding: xml, as: UTF8.self).contains(
        "<title>Line plot &quot;loss &amp; &lt;gain&gt;&quot;"))
  }

  @Test func savingReplacesAFileWholeAndLeavesNoTemporaries() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("fig.png").path
    try Data("old contents".utf8).write(to: URL(fileURLWithPath: path))
    _ = try evaluate("savefig(hist(randn([100])), \"\(path)\")")
    #expect(try PNG.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))).width == 640)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["fig.png"])
  }

  @Test func unwritablePathIsAnError() throws {
    let message = failure("savefig(figure(), \"/nonexistent-dir/x.png\")")
    #expect(message?.hasPrefix("savefig could not write '/nonexistent-dir/x.png'") == true)
  }
}
