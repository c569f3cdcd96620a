// Cache keys for `cache: true` cells and why a key missed; the manifest lives on disk.
import Foundation

/// What a cell's cached result would depend on. Each part is a digest so the manifest
/// can say which one changed; `digest` chains them with the previous cell's key, since
/// every cell may read globals that earlier cells wrote.
public struct CacheKey: Codable, Sendable, Hashable {
  /// The cell's code (option lines excluded: `echo` or `fig-cap` do not change values).
  public var source: String
  /// Options that change what runs: `eval`, `error`, `timeout`, `fig-width`, `fig-height`.
  public var options: String
  /// The previous cell's full key (empty for the first cell).
  public var upstream: String
  /// Every parameter, by name.
  public var parameters: String
  /// The seed as text (`-` when none).
  public var seed: String
  /// The lrnb version.
  public var toolVersion: String
  /// SHA-256 over all of the above.
  public var digest: String

  /// The key of `cell` given the key of the cell before it.
  public init(
    cell: Cell, upstream: String, parameters: [Parameter], seed: UInt64?, toolVersion: String
  ) {
    let code = cell.source.text.split(separator: "\n", omittingEmptySubsequences: false)
      .dropFirst(cell.optionLineCount).joined(separator: "\n")
    source = SHA256.hex(code)
    let o = cell.options
    options = SHA256.hex(
      "eval=\(o.eval);error=\(o.error);timeout=\(o.timeout.map { "\($0)" } ?? "-");"
        + "fig-width=\(o.figWidth.map { "\($0)" } ?? "-");fig-height=\(o.figHeight.map { "\($0)" } ?? "-")"
    )
    self.upstream = upstream
    self.parameters = SHA256.hex(
      parameters.sorted { $0.name < $1.name }.map { "\($0.name)=\($0.value.lrLiteral)" }.joined(
        separator: "\n"))
    self.seed = seed.map(String.init) ?? "-"
    self.toolVersion = toolVersion
    var hasher = SHA256()
    for part in [source, options, upstream, self.parameters, self.seed, toolVersion] {
      hasher.update(field: part)
    }
    digest = hasher.hexDigest()
  }

  /// The first part that differs from `old`, in the order a reader would look for it.
  func changedPart(since old: CacheKey) -> CacheStatus.MissReason {
    if source != old.source { return .sourceChanged }
    if options != old.options { return .optionsChanged }
    if parameters != old.parameters { return .parametersChanged }
    if seed != old.seed { return .seedChanged }
    if toolVersion != old.toolVersion { return .toolVersionChanged }
    return .upstreamChanged
  }
}

/// How a `cache: true` cell's key compares with the last run's.
///
/// Restoring a cached cell's values needs value serialisation from the bindings, which
/// does not exist yet: every cell still runs, and the status only says whether its
/// inputs changed. The report and JSON say so.
public struct CacheStatus: Sendable, Hashable {
  /// Why a key differs from the last recorded one.
  public enum MissReason: String, Sendable, Hashable {
    case firstRun = "no earlier run recorded"
    case sourceChanged = "the code changed"
    case optionsChanged = "its options changed"
    case parametersChanged = "parameters changed"
    case seedChanged = "the seed changed"
    case toolVersionChanged = "lrnb's version changed"
    case upstreamChanged = "an earlier cell changed"
  }

  /// The cell's key digest.
  public var key: String
  /// nil when the inputs are unchanged since the last run; otherwise why not.
  public var miss: MissReason?

  /// Short text for the report: `inputs unchanged` or `changed: the code changed`.
  public var summary: String {
    miss.map { "inputs changed: \($0.rawValue)" } ?? "inputs unchanged since the last run"
  }
}

/// The cache manifest of one notebook: the last run's key per cell (by label or number).
public final class CellCache {
  /// Where `manifest.json` lives, e.g. `notebooks/.lrnb-cache/tour/`.
  public let directory: URL
  private var previous: [String: CacheKey] = [:]
  private var current: [String: CacheKey] = [:]

  private struct Manifest: Codable {
    var format = 1
    var cells: [String: CacheKey]
  }

  /// Opens the cache in `directory`; a missing or unreadable manifest counts as empty.
  public init(directory: URL) {
    self.directory = directory
    if let data = try? Data(contentsOf: manifestURL),
      let manifest = try? JSONDecoder().decode(Manifest.self, from: data), manifest.format == 1
    {
      previous = manifest.cells
    }
  }

  private var manifestURL: URL { directory.appendingPathComponent("manifest.json") }

  /// Where a notebook's cache lives by default: `.lrnb-cache/NAME/` next to the notebook
  /// (the repository's `.gitignore` already leaves `notebooks/.lrnb-cache/` out).
  public static func defaultDirectory(forNotebookAt url: URL) -> URL {
    let name = url.deletingPathExtension().lastPathComponent
    return url.deletingLastPathComponent().appendingPathComponent(".lrnb-cache", isDirectory: true)
      .appendingPathComponent(name.isEmpty ? "notebook" : name, isDirectory: true)
  }

  /// Compares `key` with the last run's key for `cell`.
  func status(of cell: Cell, key: CacheKey) -> CacheStatus {
    guard let old = previous[cell.slug] else {
      return CacheStatus(key: key.digest, miss: .firstRun)
    }
    return CacheStatus(
      key: key.digest, miss: old.digest == key.digest ? nil : key.changedPart(since: old))
  }

  /// Remembers `key` as the one `cell` ran with.
  func record(_ cell: Cell, key: CacheKey) { current[cell.slug] = key }

  /// Writes the manifest of this run (atomically). Cells not run this time keep their
  /// old entries, so a failed run does not forget what a later one can compare with.
  public func save() throws {
    let merged = previous.merging(current) { _, new in new }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try AtomicFile.write(try encoder.encode(Manifest(cells: merged)), to: manifestURL)
  }
}
