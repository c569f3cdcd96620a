// The cache folder of one notebook: the key manifest and one entry file per cell.
import Foundation

/// The cache of one notebook: the last run's key per cell (by label or number) in
/// `manifest.json`, and per cell an entry with its outputs and values in `cells/`.
public final class CellCache {
  /// Where the cache lives, e.g. `notebooks/.lrnb-cache/tour/`.
  public let directory: URL
  /// Run every cached cell again instead of restoring it (`--refresh`); what the cells
  /// produce replaces the stored entries.
  public var refresh = false
  /// The slugs of the notebook's cells, set by the runner, so `save` can drop entries
  /// of cells that no longer exist.
  var liveSlugs: Set<String>?
  private var previous: [String: CacheKey] = [:]
  private var current: [String: CacheKey] = [:]

  private struct Manifest: Codable {
    var format = 1
    var cells: [String: CacheKey]
  }

  /// What `lookup` found for a cell.
  enum Lookup {
    /// An entry made under the same key.
    case found(CacheEntry)
    /// No entry, or one made under another key.
    case absent
    /// An entry that cannot be used, and why.
    case unusable(String)
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

  /// Entries kept per cell: switching a parameter back and forth, or undoing an edit,
  /// restores instead of running, while a cell edited many times does not fill the disk.
  static let maxEntriesPerCell = 3

  private var manifestURL: URL { directory.appendingPathComponent("manifest.json") }
  private var entriesDirectory: URL { directory.appendingPathComponent("cells", isDirectory: true) }
  /// `cells/SLUG-KEY.lrcache`: slugs are labels (letters, digits, `-`, `_`) or numbers,
  /// and the key's first 16 hex digits tell entries of one cell apart.
  private func entryURL(_ slug: String, _ key: String) -> URL {
    entriesDirectory.appendingPathComponent("\(slug)-\(key.prefix(16)).lrcache")
  }
  /// The entry files of `slug`, by file name.
  private func entryNames(_ slug: String) -> [String] {
    entryFileNames().filter { Self.slug(ofEntry: $0) == slug }
  }
  private func entryFileNames() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: entriesDirectory.path)) ?? []
    return names.filter { $0.hasSuffix(".lrcache") }
  }
  private static func slug(ofEntry name: String) -> String? {
    let stem = name.dropLast(".lrcache".count)
    guard let dash = stem.lastIndex(of: "-") else { return nil }
    return String(stem[..<dash])
  }

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

  /// The stored entry for `cell` if one was made under `key`.
  func lookup(_ cell: Cell, key: CacheKey) -> Lookup {
    let url = entryURL(cell.slug, key.digest)
    guard FileManager.default.fileExists(atPath: url.path) else { return .absent }
    do {
      let entry = try CacheEntry.decode(try Data(contentsOf: url, options: .mappedIfSafe))
      guard entry.key == key.digest else { return .unusable("the stored entry has another key") }
      // Entries are dropped oldest first; a restored one counts as new.
      try? FileManager.default.setAttributes(
        [.modificationDate: Date()], ofItemAtPath: url.path)
      return .found(entry)
    } catch let refusal as CacheRefusal {
      return .unusable("the stored entry is damaged (\(refusal.reason))")
    } catch {
      return .unusable("the stored entry cannot be read")
    }
  }

  /// Writes `entry` for `cell` (atomically) and drops the cell's oldest entries beyond
  /// `maxEntriesPerCell`.
  func store(_ entry: CacheEntry, for cell: Cell) throws {
    let manager = FileManager.default
    try manager.createDirectory(at: entriesDirectory, withIntermediateDirectories: true)
    let url = entryURL(cell.slug, entry.key)
    try AtomicFile.write(try entry.encoded(), to: url)
    let others = entryNames(cell.slug).map { entriesDirectory.appendingPathComponent($0) }
      .filter { $0.lastPathComponent != url.lastPathComponent }
    let newestFirst = others.sorted { modified($0) > modified($1) }
    for old in newestFirst.dropFirst(Self.maxEntriesPerCell - 1) {
      try? manager.removeItem(at: old)
    }
  }

  private func modified(_ url: URL) -> Date {
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    return attributes?[.modificationDate] as? Date ?? .distantPast
  }

  /// Forgets the entry of `cell` under `key` (the cell ran and could not be stored).
  func removeEntry(for cell: Cell, key: CacheKey) {
    try? FileManager.default.removeItem(at: entryURL(cell.slug, key.digest))
  }

  /// Remembers `key` as the one `cell` ran with.
  func record(_ cell: Cell, key: CacheKey) { current[cell.slug] = key }

  /// Writes the manifest of this run (atomically). Cells not run this time keep their
  /// old entries, so a failed run does not forget what a later one can compare with;
  /// cells no longer in the notebook are forgotten, entries included.
  public func save() throws {
    // A notebook without cached cells leaves no cache folder behind.
    guard !previous.isEmpty || !current.isEmpty else { return }
    var merged = previous.merging(current) { _, new in new }
    if let liveSlugs {
      merged = merged.filter { liveSlugs.contains($0.key) }
      for name in entryFileNames() where !liveSlugs.contains(Self.slug(ofEntry: name) ?? "") {
        try? FileManager.default.removeItem(at: entriesDirectory.appendingPathComponent(name))
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try AtomicFile.write(try encoder.encode(Manifest(cells: merged)), to: manifestURL)
  }
}
