// The fake kernel's cache support: its string globals and counter as stored state.
import Foundation
import Notebook

/// Globals whose value is `fn` stand for functions, which cannot be stored.
extension FakeKernel: CachingKernel {
  private struct Saved: Codable {
    var globals: [String: String]
    var counter: Int
  }

  func markGlobals() -> GlobalsMark {
    GlobalsMark(fingerprints: globals.mapValues { $0.hashValue })
  }

  func saveChanges(since mark: GlobalsMark) throws(CacheRefusal) -> StoredState {
    let changed = globals.filter { mark.fingerprints[$0.key] != $0.value.hashValue }
    if let function = changed.first(where: { $0.value == "fn" }) {
      throw CacheRefusal("'\(function.key)' is a function")
    }
    guard let data = try? JSONEncoder().encode(Saved(globals: changed, counter: counter)) else {
      throw CacheRefusal("cannot encode")
    }
    return StoredState(manifest: [UInt8](data), names: changed.keys.sorted())
  }

  func restore(_ state: StoredState) throws(CacheRefusal) {
    guard let saved = try? JSONDecoder().decode(Saved.self, from: Data(state.manifest)) else {
      throw CacheRefusal("unreadable")
    }
    globals.merge(saved.globals) { _, new in new }
    counter = saved.counter
    restores += 1
  }
}
