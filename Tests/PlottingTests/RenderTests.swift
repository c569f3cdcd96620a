// Rendering through Cairo: PNG size, non-blank content, stored alt text.
import Foundation
import Imaging
import Plotting
import PlottingCairo
import Testing

/// Where rendered samples go for a person to look at (`LRNB_PLOT_OUT`, else a temp dir).
func sampleOutputDirectory() -> URL {
  let path =
    ProcessInfo.processInfo.environment["LRNB_PLOT_OUT"]
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("lrnb-plots").path
  let url = URL(fileURLWithPath: path, isDirectory: true)
  try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Test(arguments: ["lines", "logSpectrum", "scatter"])
func renderedPNGDecodesAndIsNotBlank(name: String) throws {
  let figure: Figure =
    switch name {
    case "lines": try Samples.lines()
    case "logSpectrum": try Samples.logSpectrum()
    default: try Samples.scatter()
    }
  let image = try renderPNG(figure)
  try Data(image.png).write(to: sampleOutputDirectory().appendingPathComponent("\(name).png"))
  let bitmap = try PNG.decode(image.png)
  #expect(bitmap.width == 640 && bitmap.height == 420)
  #expect(image.width == 640 && image.height == 420)
  // Not blank: a good share of pixels differ from the white background.
  var inked = 0
  for i in stride(from: 0, to: bitmap.pixels.count, by: 4) where bitmap.pixels[i] < 200 {
    inked += 1
  }
  #expect(inked > 2000)
  let text = try PNG.text(in: image.png)
  #expect(text.contains(PNGText(keyword: "Description", text: figure.altText)))
}
