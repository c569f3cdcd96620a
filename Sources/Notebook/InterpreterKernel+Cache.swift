// Saving and restoring the globals a cached cell changed, for the real interpreter.
import Lang

/// State outside the interpreter's globals that cached cells must carry: the bindings'
/// random stream. A restored cell leaves the stream where running it would have.
public struct SessionStateHooks {
  /// The state as bytes.
  public var save: () -> [UInt8]
  /// Puts saved bytes back; throws (changing nothing) for bytes it cannot read.
  public var restore: ([UInt8]) throws -> Void

  /// Hooks over the bindings' session.
  public init(save: @escaping () -> [UInt8], restore: @escaping ([UInt8]) throws -> Void) {
    self.save = save
    self.restore = restore
  }
}

extension InterpreterKernel: CachingKernel {
  /// Fingerprints every defined global.
  public func markGlobals() -> GlobalsMark {
    var fingerprinter = ValueFingerprinter()
    var fingerprints: [String: Int] = [:]
    for name in interpreter.globalNames {
      guard let value = interpreter.globalValue(name) else { continue }
      fingerprints[name] = fingerprinter.fingerprint(value, name: name)
    }
    return GlobalsMark(fingerprints: fingerprints, retained: fingerprinter.retained)
  }

  /// The globals whose fingerprint differs from `mark` (new ones included), with `let`
  /// or `var` kept, and the session state. Refuses when any global holds a native object
  /// whose changes cannot be followed, since the cell may have changed it in place.
  public func saveChanges(since mark: GlobalsMark) throws(CacheRefusal) -> StoredState {
    var fingerprinter = ValueFingerprinter()
    var changed: [(name: String, value: Value)] = []
    var archiver = ValueArchiver()
    for name in interpreter.globalNames {
      guard let value = interpreter.globalValue(name) else { continue }
      if mark.fingerprints[name] != fingerprinter.fingerprint(value, name: name) {
        changed.append((name, value))
      } else if case .native(let object) = value {
        archiver.unchangedHolders[ObjectIdentifier(object)] = name
      }
    }
    if let problem = fingerprinter.problem { throw CacheRefusal(problem) }
    var globals: [StoredGlobal] = []
    for (name, value) in changed {
      globals.append(
        StoredGlobal(
          name: name, constant: interpreter.isGlobalConstant(name),
          value: try archiver.encode(value, name: name)))
    }
    var manifest = StoredGlobals(globals: globals)
    if let sessionState { manifest.sessionState = archiver.add(sessionState.save()) }
    return StoredState(
      manifest: try manifest.encoded(), blobs: archiver.blobs, names: changed.map(\.name))
  }

  /// Decodes every stored global first and defines them only when all decoded, so a bad
  /// entry leaves the interpreter as it was.
  public func restore(_ state: StoredState) throws(CacheRefusal) {
    let manifest = try StoredGlobals.decode(state.manifest)
    // Only an entry stored before cells were refused from declaring a parameter can hold
    // one; restoring it would bring back the silent override. Running the cell reports it.
    if let parameter = manifest.globals.first(where: { reservedNames[$0.name] != nil }) {
      throw CacheRefusal("the stored values redefine the parameter '\(parameter.name)'")
    }
    var unarchiver = ValueUnarchiver(
      blobs: state.blobs, decoders: decoders,
      lookup: { [interpreter] in interpreter.globalValue($0) })
    var values: [(global: StoredGlobal, value: Value)] = []
    for global in manifest.globals {
      values.append((global, try unarchiver.decode(global.value)))
    }
    if let index = manifest.sessionState {
      guard let sessionState, state.blobs.indices.contains(index) else {
        throw CacheRefusal("the stored session state cannot be restored here")
      }
      do {
        try sessionState.restore(state.blobs[index])
      } catch {
        throw CacheRefusal("the stored session state cannot be read: \(error)")
      }
    }
    for (global, value) in values {
      interpreter.restoreGlobal(global.name, value, constant: global.constant)
    }
  }
}
