// Restoring cached cells: outputs and values come back, misses say why, damage is a miss.
import Foundation
import Lang
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
    // A rebuilt lrnb of the same version may compute other values: a miss too.
    let (rebuilt, _) = try run(text, in: directory) {
      $0.parameters = [Parameter(name: "n", value: .number(2))]
      $0.toolVersion = "9.9"
      $0.toolBuild = "123-456"
    }
    #expect(rebuilt.cells[0].cache?.miss == .toolVersionChanged)
    #expect(rebuilt.cells[0].cache?.summary == "cache miss: lrnb's version or build changed")
    let (again, _) = try run(text, in: directory) {
      $0.parameters = [Parameter(name: "n", value: .number(2))]
      $0.toolVersion = "9.9"
      $0.toolBuild = "123-456"
    }
    #expect(again.cells[0].cache?.restored == true)
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

@Suite struct CacheEntryTests {
  static let entry = CacheEntry(
    key: "abc",
    outputs: [
      .stdout("printed\n"), .display(.text("text")),
      .display(.table(Display.Table(columns: ["a"], rows: [["1"]], caption: "c"))),
      .display(
        .image(Display.Image(data: [1, 2, 3, 4], width: 10, height: 5, alt: "alt", svg: "<svg/>"))),
    ],
    state: StoredState(manifest: Array("{}".utf8), blobs: [[9, 8, 7], []], names: ["x", "y"]))

  @Test func roundTrip() throws {
    #expect(try CacheEntry.decode(Self.entry.encoded()) == Self.entry)
    let empty = CacheEntry(key: "k", outputs: [], state: StoredState(manifest: []))
    #expect(try CacheEntry.decode(empty.encoded()) == empty)
  }

  @Test func damagedBytesNeverCrash() throws {
    let bytes = try [UInt8](Self.entry.encoded())
    for length in 0..<bytes.count {
      #expect(throws: CacheRefusal.self) { try CacheEntry.decode(Data(bytes[0..<length])) }
    }
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      var damaged = bytes
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        damaged[Int.random(in: 0..<damaged.count, using: &rng)] = UInt8.random(
          in: 0...255, using: &rng)
      }
      _ = try? CacheEntry.decode(Data(damaged))
    }
  }

  @Test func hostileHeadersAreRefused() throws {
    func entry(_ header: String, blobs: [UInt8] = [0, 0]) -> Data {
      var data = Data(CacheEntry.magic)
      withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { data.append(contentsOf: $0) }
      return data + Data(header.utf8) + Data(blobs)
    }
    let base =
      #""format":1,"key":"k","names":[],"outputs":[],"checksum":"0""#
    for header in [
      #"{\#(base),"stateBlobCount":0,"blobSizes":[9223372036854775807,3]}"#,
      #"{\#(base),"stateBlobCount":0,"blobSizes":[-1,3]}"#,
      #"{\#(base),"stateBlobCount":5,"blobSizes":[2]}"#,
      #"{\#(base),"stateBlobCount":0,"blobSizes":[]}"#,
      #"{\#(base),"stateBlobCount":-1,"blobSizes":[2]}"#,
    ] {
      #expect(throws: CacheRefusal.self) { try CacheEntry.decode(entry(header)) }
    }
    var huge = Data(CacheEntry.magic)
    withUnsafeBytes(of: UInt64.max.littleEndian) { huge.append(contentsOf: $0) }
    #expect(throws: CacheRefusal.self) { try CacheEntry.decode(huge) }
  }
}
