// Every sample figure renders as PNG and SVG and lays out cleanly.
import Foundation
import Imaging
import Plotting
import PlottingCairo
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Test(arguments: Samples.all.map(\.0))
func sampleRendersEverywhere(name: String) throws {
  let make = try #require(Samples.all.first { $0.0 == name }?.1)
  let figure = try make()
  checkCleanLayout(figure)
  let image = try renderPNG(figure)
  let out = sampleOutputDirectory()
  try Data(image.png).write(to: out.appendingPathComponent("\(name).png"))
  let bitmap = try PNG.decode(image.png)
  #expect(bitmap.width == image.width && bitmap.height == image.height)
  let svg = try renderSVG(figure)
  try svg.write(to: out.appendingPathComponent("\(name).svg"), atomically: true, encoding: .utf8)
  #expect(svg.contains("<svg"))
  let parser = XMLParser(data: Data(svg.utf8))
  #expect(
    parser.parse(),
    "SVG of \(name) is not well-formed XML: \(String(describing: parser.parserError))")
  #expect(svg.contains("<title>" + xmlEscape(figure.altText) + "</title>"))
}

func xmlEscape(_ s: String) -> String {
  s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    .replacingOccurrences(of: "'", with: "&apos;")
}
