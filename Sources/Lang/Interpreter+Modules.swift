// `import "path.lr"`: runs a module once in a scope of its own and gives its top-level
// names as a record. Paths are relative to the importing file; a module sees the
// interpreter's globals (builtins, natives, stdlib) for names it does not define.
import Foundation

/// The modules one interpreter has imported, by absolute path.
final class ModuleLoader {
  unowned let interpreter: Interpreter
  private var loaded: [String: Value] = [:]
  /// Paths being imported, outermost first, to report cycles.
  private var loading: [String] = []
  /// The sources of imported modules, for rendering diagnostics that point into them.
  private(set) var sources: [Source] = []
  /// Every module's scope, to be cleared with the interpreter's (see `Globals.clear`).
  private var scopes: [Globals] = []

  init(interpreter: Interpreter) { self.interpreter = interpreter }

  func importModule(_ path: String, _ range: SourceRange) throws(Unwind) -> Value {
    let (key, displayName) = ModuleLoader.locate(path, from: range.file)
    if let module = loaded[key] { return module }
    if loading.contains(key) {
      let cycle = (loading.drop { $0 != key } + [key]).map {
        URL(fileURLWithPath: $0).lastPathComponent
      }
      throw .error("import cycle: \(cycle.joined(separator: " imports "))", range)
    }
    let text = try ModuleLoader.read(key, path, range)
    let source = Source(name: displayName, text: text)
    sources.append(source)
    loading.append(key)
    defer { loading.removeLast() }
    let module = try run(source, range)
    loaded[key] = module
    return module
  }

  /// Breaks the reference cycles of the modules' functions (see `Globals.clear`).
  func clear() {
    for scope in scopes { scope.clear() }
    loaded.removeAll()
  }

  /// Largest module file read (bytes): modules are source code, and a path such as
  /// `/dev/zero` must fail rather than be read forever.
  static let maxModuleBytes = 16 << 20

  /// The text of the module file at `key` (imported as `path`).
  private static func read(_ key: String, _ path: String, _ range: SourceRange) throws(Unwind)
    -> String
  {
    let attributes = try? FileManager.default.attributesOfItem(atPath: key)
    guard let attributes else { throw .error("cannot import \"\(path)\": no such file", range) }
    guard attributes[.type] as? FileAttributeType == .typeRegular else {
      throw .error("cannot import \"\(path)\": not a regular file", range)
    }
    if let size = attributes[.size] as? Int, size > maxModuleBytes {
      throw .error("cannot import \"\(path)\": larger than \(maxModuleBytes >> 20) MB", range)
    }
    guard let text = try? String(contentsOfFile: key, encoding: .utf8) else {
      throw .error("cannot import \"\(path)\": not a readable UTF-8 file", range)
    }
    return text
  }

  /// Parses, resolves and runs a module; its top-level names become the record.
  private func run(_ source: Source, _ site: SourceRange) throws(Unwind) -> Value {
    let (program, syntaxErrors) = Parser.parse(source)
    if !syntaxErrors.isEmpty { throw ModuleLoader.failure(syntaxErrors, site) }
    let names = ModuleLoader.topLevelNames(program)
    let scope = Globals(parent: interpreter.globals, own: Set(names))
    scopes.append(scope)
    let resolution = Resolver.resolve(program, globals: scope)
    if !resolution.diagnostics.isEmpty { throw ModuleLoader.failure(resolution.diagnostics, site) }
    let script = Compiler(machine: interpreter.machine, resolution: resolution).compile(program)
    do {
      _ = try interpreter.machine.runScript(script)
    } catch {
      if case .fault(let fault) = error { fault.leave("import \"\(source.name)\"", callSite: site) }
      throw error
    }
    var seen: Set<String> = []
    let fields = names.filter { seen.insert($0).inserted }.map {
      ($0, scope.existingCell($0)?.value ?? .nil)
    }
    return .record(fields)
  }

  /// A module's syntax errors reported at the import: the first one, the rest as notes.
  private static func failure(_ diagnostics: [Diagnostic], _ site: SourceRange) -> Unwind {
    guard var first = diagnostics.first else {
      return .error("internal error: empty failure", site)
    }
    first.kind = .runtime
    first.notes += diagnostics.dropFirst()
    let fault = RuntimeFault(continuing: first, at: site)
    fault.leave("import", callSite: site)
    return .fault(fault)
  }

  /// Names declared at a module's top level, in order.
  static func topLevelNames(_ program: Program) -> [String] {
    program.statements.flatMap { statement -> [String] in
      switch statement.kind {
      case .declaration(_, let name, _): return [name.text]
      case .destructure(_, let pattern, _): return pattern.names.map(\.text)
      case .function(let decl): return decl.name.map { [$0.text] } ?? []
      default: return []
      }
    }
  }

  /// The absolute path of `path` imported from the file `importer`, and the name its
  /// diagnostics show (relative like the importer's own name).
  static func locate(_ path: String, from importer: String) -> (key: String, display: String) {
    if path.hasPrefix("/") { return (URL(fileURLWithPath: path).standardizedFileURL.path, path) }
    let directory = URL(fileURLWithPath: importer).deletingLastPathComponent()
    let key = directory.appendingPathComponent(path).standardizedFileURL.path
    guard let slash = importer.lastIndex(of: "/") else { return (key, path) }
    return (key, String(importer[...slash]) + path)
  }
}

extension Interpreter {
  /// The sources of modules loaded with `import`, so a renderer can quote their lines.
  public var moduleSources: [Source] { modules.sources }
}
