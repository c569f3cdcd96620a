// Cache keys: SHA-256 vectors, what changes a key, and the miss reasons across runs.
import Foundation
import Testing
import _TestSupport

@testable import Notebook

@Suite struct CacheTests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func sha256Vectors(_ input: String, _ digest: String) {
    #expect(SHA256.hex(input) == digest)
  }

  @Test func sha256MillionA() {
    var hasher = SHA256()
    hasher.update([UInt8](repeating: 0x61, count: 1_000_000))
    #expect(
      hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  private func statuses(_ text: String, in directory: URL, params: [Parameter]? = nil) throws
    -> [CacheStatus.MissReason?]
  {
    var options = RunOptions()
    options.cache = CellCache(directory: directory)
    options.parameters = params
    let (run, _) = try Fixtures.run(text, options: options)
    try options.cache?.save()
    return run.cells.compactMap { $0.cache.map(\.miss) }
  }

  @Test func missReasonsAcrossRuns() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let base =
      "---\nseed: 1\nparams:\n  n: 1\n---\n```lr\n#| label: a\n#| cache: true\nprint a\n```\n\n```lr\n#| label: b\n#| cache: true\nprint b\n```\n"
    #expect(try statuses(base, in: directory) == [.firstRun, .firstRun])
    #expect(try statuses(base, in: directory) == [nil, nil])
    // Display-only options do not change keys.
    let captioned = base.replacingOccurrences(
      of: "#| label: a\n", with: "#| label: a\n#| echo: false\n")
    #expect(try statuses(captioned, in: directory) == [nil, nil])
    let edited = base.replacingOccurrences(of: "print a", with: "print A")
    #expect(try statuses(edited, in: directory) == [.sourceChanged, .upstreamChanged])
    let timed = edited.replacingOccurrences(
      of: "#| label: b\n", with: "#| label: b\n#| timeout: 9\n")
    #expect(try statuses(timed, in: directory) == [nil, .optionsChanged])
    #expect(
      try statuses(timed.replacingOccurrences(of: "seed: 1", with: "seed: 2"), in: directory) == [
        .seedChanged, .seedChanged,
      ])
    let params = [Parameter(name: "n", value: .number(2))]
    #expect(
      try statuses(
        timed.replacingOccurrences(of: "seed: 1", with: "seed: 2"), in: directory, params: params)
        == [.parametersChanged, .parametersChanged])
  }

  @Test func failedCellsAreNotRecorded() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "```lr\n#| cache: true\nfail x\n```\n"
    #expect(try statuses(text, in: directory) == [.firstRun])
    #expect(try statuses(text, in: directory) == [.firstRun])
  }

  @Test func corruptManifestCountsAsEmpty() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("{not json".utf8).write(to: directory.appendingPathComponent("manifest.json"))
    #expect(try statuses("```lr\n#| cache: true\nprint a\n```\n", in: directory) == [.firstRun])
  }

  @Test func reportAndJSONSayHitOrMiss() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "```lr\n#| cache: true\nprint a\n```\n"
    func run() throws -> NotebookRun {
      var options = RunOptions()
      options.cache = CellCache(directory: directory)
      let (run, _) = try Fixtures.run(text, options: options)
      try options.cache?.save()
      return run
    }
    let first = try run()
    let html = HTMLReport(run: first).render()
    #expect(html.contains(">cache miss: no earlier run recorded</span>"))
    #expect(html.contains("stored for the next run"))
    #expect(first.json(filesDirectory: "f").contains("\"hit\": false"))
    let second = try run()
    #expect(HTMLReport(run: second).render().contains("class=\"cache cache-hit\""))
    let json = second.json(filesDirectory: "f")
    #expect(json.contains("\"hit\": true"))
    #expect(json.contains("\"restored\": true"))
  }
}
