// Golden images: renders compared with checked-in PNGs as decoded pixels, with a tolerance.
// Re-record with `LRNB_RECORD_GOLDEN=1 swift test --filter GoldenTests`.
import Foundation
import Imaging
import Plotting
import PlottingCairo
import Testing

/// Directory of the reference images, beside this file.
let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Golden", isDirectory: true)

/// How different two renders may be: anti-aliasing and FreeType versions move edge pixels
/// slightly, so a pixel counts as different only beyond `channelTolerance` in some channel,
/// and up to `maxDifferentFraction` of pixels may differ.
enum GoldenTolerance {
  static let channelTolerance = 40
  static let maxDifferentFraction = 0.004
}

/// The samples kept as goldens, rendered small to keep the files small.
let goldenSamples = ["lines", "log", "bars", "heatmap", "images", "grid", "dark", "band"]

@Test(arguments: goldenSamples)
func renderMatchesGolden(name: String) throws {
  let make = try #require(Samples.all.first { $0.0 == name }?.1)
  var figure = try make()
  figure.scale = 0.5
  let actual = try renderBitmap(figure)
  let url = goldenDirectory.appendingPathComponent("\(name).png")
  if ProcessInfo.processInfo.environment["LRNB_RECORD_GOLDEN"] == "1" {
    try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
    try Data(PNG.encode(actual)).write(to: url)
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record("no golden image \(url.path); record it with LRNB_RECORD_GOLDEN=1")
    return
  }
  let expected = try PNG.decode(Array(data))
  try #require(
    expected.width == actual.width && expected.height == actual.height,
    "size \(actual.width)×\(actual.height) differs from the golden's \(expected.width)×\(expected.height)"
  )
  let different = differingPixels(expected, actual)
  let allowed = Int(Double(actual.width * actual.height) * GoldenTolerance.maxDifferentFraction)
  if different > allowed {
    let diffURL = sampleOutputDirectory().appendingPathComponent("\(name)-actual.png")
    try Data(PNG.encode(actual)).write(to: diffURL)
    Issue.record(
      "\(different) pixels differ from \(url.lastPathComponent) (allowed \(allowed)); actual image: \(diffURL.path)"
    )
  }
}

/// Pixels where some channel differs by more than the tolerance.
func differingPixels(_ a: Bitmap, _ b: Bitmap) -> Int {
  var count = 0
  for i in stride(from: 0, to: min(a.pixels.count, b.pixels.count), by: 4) {
    for k in 0..<4
    where abs(Int(a.pixels[i + k]) - Int(b.pixels[i + k])) > GoldenTolerance.channelTolerance {
      count += 1
      break
    }
  }
  return count
}

@Test func goldenComparisonDetectsChanges() throws {
  // The comparison itself must notice a changed figure: a different title moves pixels.
  var figure = try Samples.lines()
  figure.scale = 0.5
  let original = try renderBitmap(figure)
  figure.panels[0].title = "Validation loss"
  let changed = try renderBitmap(figure)
  #expect(differingPixels(original, original) == 0)
  #expect(differingPixels(original, changed) > 20)
}
