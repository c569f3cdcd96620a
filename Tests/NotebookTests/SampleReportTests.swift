// Renders the sample report to LRNB_SAMPLE_DIR when set, for looking at it by eye.
import Foundation
import Testing

@testable import Notebook

@Suite struct SampleReportTests {
  @Test func sampleReportWrites() throws {
    let directory: URL
    if let kept = ProcessInfo.processInfo.environment["LRNB_SAMPLE_DIR"] {
      directory = URL(fileURLWithPath: kept)
    } else {
      directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "lrnb-sample-\(UUID().uuidString)")
    }
    let files = try ReportWriter(run: try SampleNotebook.run()).write(
      to: directory, formats: Set(ReportFormat.allCases))
    #expect(files.figures.count == 1)
    #expect(files.html.map { FileManager.default.fileExists(atPath: $0.path) } == true)
    if ProcessInfo.processInfo.environment["LRNB_SAMPLE_DIR"] == nil {
      try? FileManager.default.removeItem(at: directory)
    }
  }
}
