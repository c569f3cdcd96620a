// The lr library: installs every native table and the stdlib into an interpreter.
import Foundation
import Lang

/// Per-session state natives share: the seeded random generator, figure defaults.
public final class Session {
  /// The random generator every random native draws from (`seed(n)` resets it).
  var random: RandomState
  /// Figure size in pixels for plots that do not give one (cell options may set it).
  public var figureSize: (width: Double, height: Double)? = nil
  /// Called by long-running natives (`fit`, later attacks) after each step; the CLI
  /// turns it into a progress bar. Nil: no reports.
  public var progress: ((ProgressUpdate) -> Void)? = nil

  init(seed: UInt64) { random = RandomState(seed: seed) }

  /// Restarts the random stream from `seed`: the same seed gives the same numbers.
  public func seed(_ seed: UInt64) { random = RandomState(seed: seed) }
}

/// Builds interpreters with lrnb's natives and standard library.
public enum Library {
  /// The seed used when a script or notebook does not choose one.
  public static let defaultSeed: UInt64 = 0

  /// An interpreter with every native table and `stdlib/*.lr` loaded.
  /// - Throws: `RunFailure` when a stdlib file fails to load (a packaging bug).
  public static func makeInterpreter(
    output: any OutputSink, seed: UInt64 = defaultSeed
  ) throws(RunFailure) -> (Interpreter, Session) {
    let interpreter = Interpreter(output: output)
    let session = Session(seed: seed)
    for native in natives(session) {
      interpreter.register(native)
    }
    documentNativeMethods(interpreter)
    try loadStandardLibrary(into: interpreter)
    return (interpreter, session)
  }

  /// Every native function, in the order `lrnb docs` lists them.
  static func natives(_ session: Session) -> [NativeFunction] {
    tensorNatives(session) + linearAlgebraNatives + mathNatives + plotNatives(session)
      + datasetNatives(session) + nnNatives(session) + attackNatives(session)
  }

  /// Runs each `stdlib/*.lr` file (sorted by name) in the interpreter's global scope.
  static func loadStandardLibrary(into interpreter: Interpreter) throws(RunFailure) {
    for (name, text) in standardLibraryFiles() {
      _ = try interpreter.run(Source(name: "stdlib/\(name)", text: text))
    }
  }

  /// The stdlib sources, sorted by file name; empty when the folder cannot be found.
  static func standardLibraryFiles() -> [(String, String)] {
    guard let dir = standardLibraryDirectory(),
      let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
    else { return [] }
    return names.filter { $0.hasSuffix(".lr") }.sorted().compactMap { name in
      guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
      else { return nil }
      return (name, text)
    }
  }

  /// Where `stdlib/` is: `$LRNB_STDLIB`, the resource bundle SwiftPM copies beside the
  /// executable, or the repository's own folder (development builds). SwiftPM's
  /// generated `Bundle.module` traps when the bundle is missing, so it is not used.
  public static func standardLibraryDirectory() -> URL? {
    let fm = FileManager.default
    var candidates: [URL] = []
    if let env = ProcessInfo.processInfo.environment["LRNB_STDLIB"], !env.isEmpty {
      candidates.append(URL(fileURLWithPath: env))
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    for base in [executable.deletingLastPathComponent(), Bundle.main.bundleURL] {
      candidates.append(base.appendingPathComponent("lrnb_Bindings.resources/stdlib"))
    }
    // Sources/Bindings/Library.swift → the repository root's stdlib/.
    candidates.append(
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("stdlib"))
    return candidates.first { url in
      var isDirectory: ObjCBool = false
      return fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
  }
}
