// The history file: escaping of multi-line entries, appends from many writers at once.
import Dispatch
import Foundation
import Testing
import _TestSupport

@testable import lrnb

@Suite struct HistoryFileTests {
  @Test func encodingRoundTrips() {
    for entry in ["plain", "fn f(x) {\n  x\n}", "a\\nb", "back\\", "tab\there", "é ε \r end"] {
      let line = HistoryFile.encode(entry)
      #expect(!line.contains("\n"))
      #expect(HistoryFile.decode(Substring(line)) == entry)
    }
  }
}

extension HistoryFileTests {
  @Test func locationFollowsXDG() {
    #expect(
      HistoryFile.standard(["XDG_STATE_HOME": "/s", "HOME": "/h"])?.url.path == "/s/lrnb/history")
    #expect(HistoryFile.standard(["HOME": "/h"])?.url.path == "/h/.local/state/lrnb/history")
    // A relative XDG path is ignored, as the XDG spec says.
    #expect(
      HistoryFile.standard(["XDG_STATE_HOME": "rel", "HOME": "/h"])?.url.path
        == "/h/.local/state/lrnb/history")
    #expect(HistoryFile.standard([:]) == nil)
  }

  @Test func concurrentAppendsLoseNothing() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = HistoryFile(url: dir.appendingPathComponent("state/lrnb/history"))
    let writers = 8
    let perWriter = 40
    DispatchQueue.concurrentPerform(iterations: writers) { w in
      for i in 0..<perWriter {
        try? file.append("writer \(w) entry \(i)\nsecond line")
      }
    }
    let entries = file.load()
    #expect(entries.count == writers * perWriter)
    #expect(Set(entries).count == writers * perWriter)
    #expect(entries.allSatisfy { $0.hasSuffix("\nsecond line") })
    // Each writer's entries stay in its own order.
    let zeros = entries.filter { $0.hasPrefix("writer 0 ") }
    #expect(zeros == (0..<perWriter).map { "writer 0 entry \($0)\nsecond line" })
  }

  @Test func bigFilesAreTrimmedToTheNewestEntries() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = HistoryFile(url: dir.appendingPathComponent("history"))
    let padding = String(repeating: "x", count: 1_000)
    for i in 0..<700 { try file.append("\(i) \(padding)") }
    let size = try FileManager.default.attributesOfItem(atPath: file.url.path)[.size] as? Int ?? 0
    #expect(size <= HistoryFile.maxBytes)
    let entries = file.load()
    #expect(entries.last == "699 \(padding)")
    #expect(entries.count < 700 && entries.count > 100)
    let numbers = entries.compactMap { Int($0.prefix { $0 != " " }) }
    #expect(numbers == Array(numbers.first.map { $0...699 } ?? 0...0))
  }
}
