// What a kernel adds so cached cells restore their values instead of running again.

/// A kernel that can save the values a cell changed and put them back in a later run.
///
/// The runner calls `markGlobals()` before a `cache: true` cell runs and
/// `saveChanges(since:)` after it succeeds; the saved state goes into the cache with the
/// cell's outputs. When a later run finds the same cache key, `restore(_:)` puts the
/// state back and the cell does not run.
///
/// A kernel that cannot tell what a cell changed must refuse (throw `CacheRefusal`)
/// rather than save too little: a wrong restore is worse than running the cell.
public protocol CachingKernel: Kernel {
  /// A note of every global as it is now, taken just before a cached cell runs.
  func markGlobals() -> GlobalsMark
  /// The globals the cell changed since `mark` and any other state later cells depend
  /// on (the random stream), as bytes for the cache.
  /// - Throws: `CacheRefusal` naming what cannot be stored.
  func saveChanges(since mark: GlobalsMark) throws(CacheRefusal) -> StoredState
  /// Puts state saved by `saveChanges` back. Either everything is restored or, when it
  /// throws, nothing has changed.
  /// - Throws: `CacheRefusal` when the stored bytes cannot be read back.
  func restore(_ state: StoredState) throws(CacheRefusal)
}

/// Every global's fingerprint at one moment, and the values themselves: holding them
/// keeps their objects alive, so a new object cannot reuse an old one's identity.
public final class GlobalsMark {
  /// A fingerprint per global name; a change means the global changed.
  public let fingerprints: [String: Int]
  private let retained: [Any]

  /// A mark of `fingerprints`, keeping `retained` alive as long as the mark lives.
  public init(fingerprints: [String: Int], retained: [Any] = []) {
    self.fingerprints = fingerprints
    self.retained = retained
  }
}

/// A kernel's saved state for one cell, in the kernel's own format.
public struct StoredState: Sendable, Hashable {
  /// The kernel's description of what was saved (JSON for `InterpreterKernel`).
  public var manifest: [UInt8]
  /// Binary payloads the manifest refers to by position (tensors, figures, random state).
  public var blobs: [[UInt8]]
  /// The names of the globals saved, for notes in the report.
  public var names: [String]

  /// Creates a stored state.
  public init(manifest: [UInt8], blobs: [[UInt8]] = [], names: [String] = []) {
    self.manifest = manifest
    self.blobs = blobs
    self.names = names
  }
}

/// Why a cell's values cannot be cached or restored, in words for the report.
public struct CacheRefusal: Error, Sendable, Hashable, CustomStringConvertible {
  /// E.g. `'f' is a function, which the cache cannot store`.
  public var reason: String

  /// A refusal for `reason`.
  public init(_ reason: String) { self.reason = reason }

  /// The reason.
  public var description: String { reason }
}
