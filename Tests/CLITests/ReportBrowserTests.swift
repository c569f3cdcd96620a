// A real report (the tour notebook, real Cairo figures) in headless Chromium: it loads
// with no outside requests, every figure decodes, math lays out, and a screenshot comes
// out. `LRNB_RECORD_SCREENSHOT=1` also copies it to docs/report-screenshot.png.
import Foundation
import Testing
import _TestSupport

/// Where Debian installs Chromium, when it is installed.
private let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

@Suite(.enabled(if: chromium != nil, "needs Debian's chromium package"))
struct ReportBrowserTests {
  /// Headless Chromium under a time limit (no sandbox: tests may run as root).
  func browse(_ arguments: [String]) throws -> ProcessResult {
    try runProcess(
      URL(fileURLWithPath: "/usr/bin/timeout"),
      [
        "90", try #require(chromium), "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=\(NSTemporaryDirectory())lrnb-chromium-\(UUID().uuidString)",
      ] + arguments)
  }

  @Test func tourReportLoadsAndFiguresDecode() throws {
    let out = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let notebook = repositoryRoot().appendingPathComponent("notebooks/01-svd-tour.lrnb")
    let run = try runProcess(lrnbExecutable(), ["run", notebook.path, "--out", out.path])
    #expect(run.status == 0, "\(run.stderr)")
    let report = out.appendingPathComponent("01-svd-tour.html")
    let html = try String(contentsOf: report, encoding: .utf8)
    let figures = html.components(separatedBy: "<img src=\"data:image/png;base64,").count - 1
    #expect(figures >= 2)

    #expect(!html.contains("<script"), "the report must not need JavaScript")

    // A copy of the report with a probe that runs once everything has loaded: an image
    // that failed to decode has naturalWidth 0. (No iframe and no async decode: both
    // raced the virtual-time budget on a loaded machine.)
    let probe = """
      <script>
      window.addEventListener('load', () => {
        const images = [...document.images];
        const decoded = images.filter(i => i.complete && i.naturalWidth > 100).length;
        const requests = performance.getEntriesByType('resource').length;
        const math = document.querySelectorAll('math').length;
        const mathErrors = document.querySelectorAll('merror').length;
        const out = document.createElement('pre');
        out.textContent = `RESULT images=${images.length} decoded=${decoded} requests=${requests} math=${math > 0} mathErrors=${mathErrors}`;
        document.body.appendChild(out);
      });
      </script>
      """
    let harness = out.appendingPathComponent("harness.html")
    try html.replacingOccurrences(of: "</body>", with: probe + "</body>")
      .write(to: harness, atomically: true, encoding: .utf8)
    let expected = "RESULT images=\(figures) decoded=\(figures) requests=0 math=true mathErrors=0"
    // Chromium occasionally exits before the load event on a busy machine; a second try
    // tells that apart from a report that really fails.
    var dom = try browse(["--virtual-time-budget=30000", "--dump-dom", harness.absoluteString])
    if !dom.stdout.contains("RESULT ") {
      dom = try browse(["--virtual-time-budget=60000", "--dump-dom", harness.absoluteString])
    }
    #expect(dom.status == 0)
    #expect(dom.stdout.contains(expected), "\(dom.stdout.suffix(300))")

    let shot = out.appendingPathComponent("screenshot.png")
    let screenshot = try browse([
      "--window-size=1280,2400", "--screenshot=\(shot.path)", report.absoluteString,
    ])
    #expect(screenshot.status == 0)
    let png = try [UInt8](Data(contentsOf: shot))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(png.count > 100_000)  // a blank page compresses to a few kilobytes
    if ProcessInfo.processInfo.environment["LRNB_RECORD_SCREENSHOT"] != nil {
      let docs = repositoryRoot().appendingPathComponent("docs")
      try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
      let target = docs.appendingPathComponent("report-screenshot.png")
      try? FileManager.default.removeItem(at: target)
      try FileManager.default.copyItem(at: shot, to: target)
    }
  }
}
