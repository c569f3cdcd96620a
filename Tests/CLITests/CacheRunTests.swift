// The cache end to end: a second run restores tensors, figures and datasets equal to a
// fresh run's, in well under two seconds, with the same report apart from timings.
import Bindings
import Foundation
import Lang
import Notebook
import Testing
import _TestSupport

@testable import lrnb

@Suite struct CacheRunTests {
  static let notebook = """
    ---
    title: Cached
    seed: 11
    params:
      n: 300000
    ---

    # A slow cell

    ```lr
    fn step(i) { (i * 7 + 3) % 11 }
    ```

    ```lr
    #| label: slow
    #| cache: true
    var total = 0
    for i in 0..<n { total += step(i) }
    let A = randn([5, 4])
    let f = svd(A)
    let fig = lineplot([1, 4, 9, 16], title: "squares")
    let data = moons(60)
    let parts = data.split(0.5)
    print("total = \\(total)")
    fig
    ```

    ```lr
    print(total, A.shape, randn([3]))
    {rank: len(f.S), first: data[0].y, train: len(parts.train)}
    ```
    """

  func write(_ text: String = notebook) throws -> (URL, URL) {
    let directory = try makeTemporaryDirectory()
    let file = directory.appendingPathComponent("cached.lrnb")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return (directory, file)
  }

  /// The report without the parts that may differ between runs: times and cache notes.
  func comparable(_ html: String) throws -> String {
    let patterns = [
      "<span class=\"time\">[^<]*</span>",
      "<span class=\"cache [^\"]*\" title=\"[^\"]*\">[^<]*</span>",
      "<dd>(&lt;)?[0-9.]+ (ms|s|min)[^<]*</dd>", "<dt>Cache</dt><dd>[^<]*</dd>",
    ]
    var text = html
    for pattern in patterns {
      text = text.replacingOccurrences(of: pattern, with: "…", options: .regularExpression)
    }
    return text
  }

  @Test func secondRunRestoresAndIsFastWithTheSameReport() throws {
    let (directory, file) = try write()
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try runProcess(lrnbExecutable(), ["run", file.path])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("[2/3] slow (\(file.path):14) … "))
    #expect(first.stderr.contains("(cache miss: no earlier run recorded)"))
    let html = directory.appendingPathComponent("cached.html")
    let freshReport = try String(contentsOf: html, encoding: .utf8)

    let clock = ContinuousClock()
    let start = clock.now
    let second = try runProcess(lrnbExecutable(), ["run", file.path])
    let elapsed = clock.now - start
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stderr.contains("(cache hit)"))
    #expect(elapsed < .seconds(2), "second run took \(elapsed)")
    let cachedReport = try String(contentsOf: html, encoding: .utf8)
    #expect(try comparable(cachedReport) == comparable(freshReport))
    #expect(cachedReport.contains(">cache hit</span>"))

    // --refresh runs it again; --no-cache neither reads nor writes the cache.
    let refreshed = try runProcess(lrnbExecutable(), ["run", "--refresh", file.path])
    #expect(refreshed.stderr.contains("(cache miss: run again (--refresh))"))
    try FileManager.default.removeItem(at: directory.appendingPathComponent(".lrnb-cache"))
    let uncached = try runProcess(lrnbExecutable(), ["run", "--no-cache", file.path])
    #expect(uncached.status == 0)
    #expect(!uncached.stderr.contains("cache hit") && !uncached.stderr.contains("cache miss"))
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent(".lrnb-cache").path))
  }

  /// Runs the notebook in this process through a fresh kernel, as a new process would.
  func runInProcess(_ file: URL) throws -> (NotebookRun, InterpreterKernel) {
    let notebook = try NotebookReader.read(contentsOf: file, name: file.path)
    let kernel = try makeKernel()
    var options = RunOptions()
    let cache = CellCache(directory: CellCache.defaultDirectory(forNotebookAt: file))
    options.cache = cache
    let run = NotebookRunner(kernel: kernel, options: options).run(notebook)
    try cache.save()
    return (run, kernel)
  }

  @Test func restoredValuesEqualFreshOnes() throws {
    let (directory, file) = try write()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (fresh, freshKernel) = try runInProcess(file)
    let (restored, restoredKernel) = try runInProcess(file)
    #expect(fresh.cells[1].cache?.stored == true, "\(String(describing: fresh.cells[1].cache))")
    #expect(restored.cells[1].cache?.restored == true)
    #expect(restored.cells[1].cache?.note == "restored A, data, f, fig, parts, total")
    let a = freshKernel.interpreter
    let b = restoredKernel.interpreter
    for name in ["total", "A", "f", "data", "parts"] {
      let x = try #require(a.globalValue(name))
      let y = try #require(b.globalValue(name))
      #expect(a.display(x) == b.display(y), "\(name)")
      #expect(x.description == y.description, "\(name)")
    }
    #expect(a.globalValue("A") == b.globalValue("A"))  // tensors compare by content
    #expect(
      a.display(try #require(a.globalValue("fig"))) == b.display(try #require(b.globalValue("fig")))
    )
    // The random stream continues where the cached cell left it.
    #expect(restored.cells[2].outputs == fresh.cells[2].outputs)
    #expect(restored.cells[1].outputs == fresh.cells[1].outputs)
  }

  @Test func aRestoredFigureSaysItCannotBeChanged() throws {
    let (directory, file) = try write(
      "```lr\n#| cache: true\nlet fig = lineplot([1, 2, 3])\n```\n\n```lr\nfig.nothing\n```\n")
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try runInProcess(file)
    let (restored, _) = try runInProcess(file)
    #expect(restored.cells[0].cache?.restored == true)
    let message = try #require(restored.cells[1].failure?.diagnostics.first?.message)
    #expect(message.contains("restored from the notebook cache as a picture"))
  }

  @Test func batchesAndNormalisedDatasetsAreNotStored() throws {
    let (directory, file) = try write(
      """
      ```lr
      #| cache: true
      let bs = moons(20).batches(5)
      ```

      ```lr
      #| cache: true
      let normal = moons(20).normalize()
      ```
      """)
    defer { try? FileManager.default.removeItem(at: directory) }
    let (run, _) = try runInProcess(file)
    #expect(run.cells[0].cache?.note?.contains("'bs' holds a batch that cannot be stored") == true)
    #expect(run.cells[1].cache?.note?.contains("normalised datasets are not cached yet") == true)
  }

  @Test func randomStateRoundTrips() throws {
    let (kernel, session) = try makeKernelAndSession()
    let saved = session.randomState()
    let draw = Source(name: "draw", text: "randn([4])")
    let first = try kernel.interpreter.run(draw)
    #expect(throws: (any Error).self) { try session.restoreRandomState([1, 2, 3]) }
    try session.restoreRandomState(saved)
    #expect(try kernel.interpreter.run(draw) == first)
    #expect(try kernel.interpreter.run(draw) != first)
  }
}
