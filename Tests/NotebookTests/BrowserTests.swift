// Opens a rendered report in headless Chromium: it must load with no outside requests,
// its figures must decode, and a screenshot must come out. Needs Debian's `chromium`.
import Foundation
import Testing
import _TestSupport

@testable import Notebook

/// Where Debian installs Chromium, when it is installed.
let chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

@Suite(.enabled(if: chromiumPath != nil, "needs Debian's chromium package"))
struct BrowserTests {
  /// Runs headless Chromium (no sandbox: tests may run as root) under a time limit.
  private func chromium(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments =
      [
        "60", try #require(chromiumPath), "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=\(NSTemporaryDirectory())lrnb-chromium-\(UUID().uuidString)",
      ] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func reportLoadsAndFiguresDecode() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let files = try ReportWriter(run: try SampleNotebook.run()).write(
      to: directory, formats: [.html])
    let report = try #require(files.html)

    // A copy of the report (which itself has no JavaScript) with a probe that runs once
    // everything has loaded; an image that failed to decode has naturalWidth 0. No iframe
    // and no async decode: both raced the virtual-time budget on a loaded machine (as in
    // CLITests' ReportBrowserTests, which had the same failure first).
    let probe = """
      <script>
      window.addEventListener('load', () => {
        const images = [...document.images];
        const decoded = images.filter(i => i.complete && i.naturalWidth > 0).length;
        const requests = performance.getEntriesByType('resource').length;
        const math = [...document.querySelectorAll('math')];
        const laidOut = math.filter(m => m.getBoundingClientRect().width > 20).length;
        const out = document.createElement('pre');
        out.textContent = `RESULT images=${images.length} decoded=${decoded} requests=${requests} cells=${document.querySelectorAll('section.cell').length} math=${math.length}/${laidOut} title=${document.title}`;
        document.body.appendChild(out);
      });
      </script>
      """
    let harness = directory.appendingPathComponent("harness.html")
    try String(contentsOf: report, encoding: .utf8)
      .replacingOccurrences(of: "</body>", with: probe + "</body>")
      .write(to: harness, atomically: true, encoding: .utf8)
    // Chromium occasionally exits before the load event on a busy machine; a second try
    // tells that apart from a report that really fails.
    var (status, dom) = try chromium([
      "--virtual-time-budget=30000", "--dump-dom", harness.absoluteString,
    ])
    if !dom.contains("RESULT ") {
      (status, dom) = try chromium([
        "--virtual-time-budget=60000", "--dump-dom", harness.absoluteString,
      ])
    }
    #expect(status == 0)
    #expect(
      dom.contains(
        "RESULT images=1 decoded=1 requests=0 cells=6 math=3/3 title=Low-rank layers under attack"))
  }

  @Test func screenshot() throws {
    let directory: URL
    if let kept = ProcessInfo.processInfo.environment["LRNB_SAMPLE_DIR"] {
      directory = URL(fileURLWithPath: kept)
    } else {
      directory = try makeTemporaryDirectory()
    }
    defer {
      if ProcessInfo.processInfo.environment["LRNB_SAMPLE_DIR"] == nil {
        try? FileManager.default.removeItem(at: directory)
      }
    }
    let files = try ReportWriter(run: try SampleNotebook.run()).write(
      to: directory, formats: [.html])
    let shot = directory.appendingPathComponent("screenshot.png")
    let (status, _) = try chromium([
      "--window-size=1280,2600", "--screenshot=\(shot.path)",
      try #require(files.html).absoluteString,
    ])
    #expect(status == 0)
    let png = try [UInt8](Data(contentsOf: shot))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    // IHDR: width and height, big-endian, at bytes 16..<24.
    let size =
      png.count >= 24
      ? (png[16..<20].reduce(0) { $0 << 8 | Int($1) }, png[20..<24].reduce(0) { $0 << 8 | Int($1) })
      : (0, 0)
    #expect(size == (1280, 2600))
    #expect(png.count > 50_000)  // a blank page compresses to a few kilobytes
  }
}
