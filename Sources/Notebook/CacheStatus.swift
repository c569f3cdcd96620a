// What the cache did for a cell: hit or miss, why, and whether values were stored.

/// What the cache did for a `cache: true` cell: how its key compares with the last run,
/// whether its values were restored instead of running it, and whether this run stored
/// them for the next.
public struct CacheStatus: Sendable, Hashable {
  /// Why a key differs from the last recorded one.
  public enum MissReason: String, Sendable, Hashable {
    case firstRun = "no earlier run recorded"
    case sourceChanged = "the code changed"
    case optionsChanged = "its options changed"
    case parametersChanged = "parameters changed"
    case seedChanged = "the seed changed"
    case toolVersionChanged = "lrnb's version or build changed"
    case upstreamChanged = "an earlier cell changed"
  }

  /// The cell's key digest.
  public var key: String
  /// nil when the inputs are unchanged since the last run; otherwise why not.
  public var miss: MissReason?
  /// True when the outputs and values came from the cache and the cell did not run.
  public var restored = false
  /// True when this run stored the cell's outputs and values for the next run.
  public var stored = false
  /// Why a cell with unchanged inputs ran anyway, or why its values were not stored.
  public var note: String?

  /// Creates a status for `key`.
  public init(
    key: String, miss: MissReason?, restored: Bool = false, stored: Bool = false,
    note: String? = nil
  ) {
    self.key = key
    self.miss = miss
    self.restored = restored
    self.stored = stored
    self.note = note
  }

  /// `cache hit` or `cache miss: why`, for progress lines and the report's cell header.
  public var summary: String {
    if restored { return "cache hit" }
    if let miss { return "cache miss: \(miss.rawValue)" }
    return "cache miss: \(note ?? "nothing was stored")"
  }

  /// The summary with what was stored or why not, for the report's tooltip and JSON.
  public var details: String {
    var parts = [summary]
    if let note, restored || miss != nil { parts.append(note) }
    if !restored {
      parts.append(stored ? "stored for the next run" : "not stored")
    }
    return parts.joined(separator: "; ")
  }
}
