// Restoring cached cells: outputs and values come back, misses say why, damage is a miss.
import Foundation
import Testing
import _TestSupport

@testable import Notebook

@Suite struct CacheRestoreTests {
  static let notebook = "---\nseed: 1\n---\n" + body
  static let body = """
    ```lr
    #| label: slow
    #| cache: true
    set x = 5
    print computed
    draw
    image chart
    show done
    ```

    ```lr
    #| label: after
    print $x
    draw
    ```
    """

  /// One run in a fresh kernel (as a new process would be) over the cache in `directory`.
  func run(
    _ text: String = notebook, in directory: URL, refresh: Bool = false,
    configure: (inout RunOptions) -> Void = { _ in }
  ) throws -> (NotebookRun, FakeKernel) {
    var options = RunOptions()
    let cache = CellCache(directory: directory)
    cache.refresh = refresh
    options.cache = cache
    configure(&options)
    let result = try Fixtures.run(text, options: options)
    try cache.save()
    return result
  }

  func entryFiles(_ directory: URL) throws -> [URL] {
    let cells = directory.appendingPathComponent("cells")
    return try FileManager.default.contentsOfDirectory(atPath: cells.path).sorted().map {
      cells.appendingPathComponent($0)
    }
  }

  @Test func secondRunRestoresOutputsValuesAndState() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (first, firstKernel) = try run(in: directory)
    #expect(first.cells[0].cache?.stored == true)
    #expect(firstKernel.requests.count == 2)

    let (second, kernel) = try run(in: directory)
    let cached = try #require(second.cells[0].cache)
    #expect(cached.restored)
    #expect(cached.summary == "cache hit")
    #expect(cached.note == "restored x")
    #expect(kernel.restores == 1)
    #expect(kernel.requests.map(\.label) == ["after"])  // only the uncached cell ran
    #expect(second.cells[0].outputs == first.cells[0].outputs)
    // The value and the counter the cached cell left behind reach the next cell.
    #expect(second.cells[1].outputs == [.stdout("5\n"), .stdout("2\n")])
    #expect(second.cells[1].outputs == first.cells[1].outputs)
  }

  @Test func eachChangedInputIsAMissThatSaysWhy() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try run(in: directory)
    let cases: [(String, CacheStatus.MissReason)] = [
      (
        Self.notebook.replacingOccurrences(of: "print computed", with: "print other"),
        .sourceChanged
      ),
      (
        Self.notebook.replacingOccurrences(
          of: "#| cache: true", with: "#| cache: true\n#| timeout: 5"), .optionsChanged
      ),
      (Self.notebook.replacingOccurrences(of: "seed: 1", with: "seed: 2"), .seedChanged),
      (
        Self.notebook.replacingOccurrences(
          of: "---\n```lr", with: "---\n```lr\nprint first\n```\n\n```lr"), .upstreamChanged
      ),
    ]
    for (text, reason) in cases {
      let (restored, _) = try run(in: directory)  // back to the stored state
      #expect(restored.cells[0].cache?.restored == true)
      let slow = try #require(try run(text, in: directory).0.cells.first { $0.cell.slug == "slow" })
      #expect(slow.cache?.miss == reason, "\(reason)")
      #expect(slow.cache?.restored == false)
      #expect(slow.cache?.summary == "cache miss: \(reason.rawValue)")
    }
  }

  @Test func parametersAndToolVersionAreMisses() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "---\nparams:\n  n: 1\n---\n```lr\n#| cache: true\nprint $n\n```\n"
    _ = try run(text, in: directory)
    let (hit, _) = try run(text, in: directory)
    #expect(hit.cells[0].cache?.restored == true)
    let (changed, _) = try run(text, in: directory) {
      $0.parameters = [Parameter(name: "n", value: .number(2))]
    }
    #expect(changed.cells[0].cache?.miss == .parametersChanged)
    #expect(changed.cells[0].outputs == [.stdout("2\n")])
    let (upgraded, _) = try run(text, in: directory) {
      $0.parameters = [Parameter(name: "n", value: .number(2))]
      $0.toolVersion = "9.9"
    }
    #expect(upgraded.cells[0].cache?.miss == .toolVersionChanged)
  }

  @Test func valuesThatCannotBeStoredMakeTheCellRunEveryTime() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "```lr\n#| cache: true\nset f = fn\nprint ran\n```\n"
    let (first, _) = try run(text, in: directory)
    #expect(first.cells[0].cache?.stored == false)
    #expect(first.cells[0].cache?.note == "'f' is a function")
    let (second, kernel) = try run(text, in: directory)
    #expect(kernel.requests.count == 1)
    #expect(second.cells[0].cache?.miss == nil)
    #expect(second.cells[0].cache?.restored == false)
    #expect(second.cells[0].cache?.note == "'f' is a function")
    #expect(second.cells[0].cache?.details.contains("not stored") == true)
  }

  @Test func aDamagedEntryIsAMissWithANote() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try run(in: directory)
    let entry = try #require(entryFiles(directory).first)
    var bytes = try [UInt8](Data(contentsOf: entry))
    bytes[bytes.count - 10] ^= 0xFF
    try Data(bytes).write(to: entry)
    let (damaged, kernel) = try run(in: directory)
    #expect(kernel.requests.count == 2)
    #expect(damaged.cells[0].cache?.restored == false)
    #expect(damaged.cells[0].cache?.note?.contains("damaged") == true)
    #expect(damaged.cells[1].outputs == [.stdout("5\n"), .stdout("2\n")])
    // The run stored a good entry again.
    #expect(try run(in: directory).0.cells[0].cache?.restored == true)

    try Data("garbage".utf8).write(to: entry)
    #expect(try run(in: directory).0.cells[0].cache?.note?.contains("not a cache entry") == true)
  }

  @Test func refreshRunsAgainAndReplacesTheEntry() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try run(in: directory)
    let (refreshed, kernel) = try run(in: directory, refresh: true)
    #expect(kernel.requests.count == 2)
    #expect(refreshed.cells[0].cache?.note == "run again (--refresh)")
    #expect(refreshed.cells[0].cache?.stored == true)
    #expect(try run(in: directory).0.cells[0].cache?.restored == true)
  }

  @Test func anEarlierFailureStopsRestoring() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "```lr\n#| error: true\nfail allowed\n```\n\n" + Self.body
    _ = try run(text, in: directory)
    let (second, kernel) = try run(text, in: directory)
    #expect(kernel.restores == 0)
    #expect(second.cells[1].cache?.note == "an earlier cell failed")
  }

  @Test func severalEntriesPerCellAreKept() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "---\nparams:\n  n: 1\n---\n```lr\n#| cache: true\nprint $n\n```\n"
    func run(_ n: Double) throws -> CacheStatus? {
      try self.run(text, in: directory) {
        $0.parameters = [Parameter(name: "n", value: .number(n))]
      }.0.cells[0].cache
    }
    for n in [1.0, 2, 3] { #expect(try run(n)?.restored == false) }
    // Back to n = 1: its entry is still there, though the last run had n = 3.
    let back = try run(1)
    #expect(back?.restored == true)
    #expect(back?.miss == nil)
    #expect(try entryFiles(directory).count == 3)
    // A fourth value drops the least recently used entry (n = 2).
    #expect(try run(4)?.restored == false)
    #expect(try entryFiles(directory).count == 3)
    #expect(try run(1)?.restored == true)
    #expect(try run(3)?.restored == true)
    #expect(try run(2)?.restored == false)
  }

  @Test func removedCellsLoseTheirEntries() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try run(in: directory)
    let entry = try #require(entryFiles(directory).first)
    #expect(FileManager.default.fileExists(atPath: entry.path))
    _ = try run("```lr\nprint only\n```\n", in: directory)
    #expect(!FileManager.default.fileExists(atPath: entry.path))
  }

  @Test func progressLinesSayHitOrMiss() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    final class Lines { var all: [String] = [] }
    for expected in ["(cache miss: no earlier run recorded)", "(cache hit)"] {
      let lines = Lines()
      _ = try run(in: directory) { options in
        options.progress = { if case .finished = $0 { lines.all.append($0.line) } }
      }
      #expect(lines.all.first?.hasPrefix("[1/2] slow (nb.lrnb:4) … ") == true)
      #expect(lines.all.first?.hasSuffix(expected) == true, "\(lines.all)")
      #expect(lines.all.last?.contains("cache") == false)
    }
  }
}
