// Running a `cache: true` cell: restore it from its entry, or run it and store one.
import Foundation

extension NotebookRunner {
  /// Restores `cell` from the cache when an entry with the same key exists and the
  /// kernel can put its values back; otherwise runs it, and stores its outputs and the
  /// values it changed when it succeeds. The result's `cache` says which happened and why.
  /// - Parameter restorable: false after an earlier cell failed in this run, when the
  ///   globals an entry assumes may not be there.
  func executeCached(_ cell: Cell, key: CacheKey, cache: CellCache, restorable: Bool)
    -> CellResult
  {
    var status = cache.status(of: cell, key: key)
    let caching = kernel as? any CachingKernel
    if caching == nil {
      status.note = "this kernel cannot restore values"
    } else if cache.refresh {
      status.note = "run again (--refresh)"
    } else if !restorable {
      status.note = "an earlier cell failed"
    } else if let caching {
      let lookupStarted = ContinuousClock.now
      switch cache.lookup(cell, key: key) {
      case .found(let entry):
        if let restored = restore(
          cell, from: entry, kernel: caching, since: lookupStarted, status: &status)
        {
          cache.record(cell, key: key)
          return restored
        }
      case .unusable(let reason):
        status.note = reason
      case .absent:
        if status.miss == nil { status.note = "no stored values" }
      }
    }

    let mark = caching?.markGlobals()
    var result = execute(cell)
    if result.status == .succeeded {
      cache.record(cell, key: key)
      if let caching, let mark {
        store(result, key: key, cache: cache, kernel: caching, mark: mark, status: &status)
      }
    }
    result.cache = status
    return result
  }

  /// The cell's result from `entry`, or nil (with a note in `status`) when the kernel
  /// cannot take the stored values back. Its time counts from `start`, before the entry
  /// was read, so a restored cell shows what restoring cost.
  private func restore(
    _ cell: Cell, from entry: CacheEntry, kernel: any CachingKernel,
    since start: ContinuousClock.Instant, status: inout CacheStatus
  ) -> CellResult? {
    do {
      try kernel.restore(entry.state)
    } catch {
      status.note = "the stored values could not be restored (\(error.reason))"
      return nil
    }
    status.miss = nil
    status.restored = true
    status.note =
      entry.state.names.isEmpty
      ? "outputs restored" : "restored " + entry.state.names.joined(separator: ", ")
    return CellResult(
      cell: cell, status: .succeeded, outputs: entry.outputs, duration: .now - start,
      cache: status)
  }

  /// Saves what the cell changed, or notes why not (and drops an entry under the same
  /// key, which a damaged or older-format file may still occupy).
  private func store(
    _ result: CellResult, key: CacheKey, cache: CellCache, kernel: any CachingKernel,
    mark: GlobalsMark, status: inout CacheStatus
  ) {
    let state: StoredState
    do {
      state = try kernel.saveChanges(since: mark)
    } catch {
      status.note = error.reason
      cache.removeEntry(for: result.cell, key: key)
      return
    }
    do {
      try cache.store(
        CacheEntry(key: key.digest, outputs: result.outputs, state: state), for: result.cell)
      status.stored = true
    } catch {
      status.note = "the cache entry could not be written: \(error.localizedDescription)"
    }
  }
}
