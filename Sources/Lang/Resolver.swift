// The resolver: binds every name to a slot, a box, a capture or a global cell before
// anything runs, and reports misplaced `break`/`return`, assignments to constants and
// top-level declarations of reserved names (a notebook's parameters).

/// Where a variable lives at run time.
enum Storage {
  /// A slot in the frame of the function that declared it.
  case local(Int)
  /// A box in that frame, because a closure captures it.
  case boxed(Int)
  /// A box the running closure captured from an enclosing function.
  case capture(Int)
  case global(GlobalCell)
}

/// How a closure obtains one captured box when it is created.
enum CaptureSource {
  /// A box of the enclosing frame.
  case box(Int)
  /// A box the enclosing closure captured itself.
  case capture(Int)
}

struct VariableInfo {
  var storage: Storage
  /// Known constant at compile time (globals are also checked at run time).
  var constant: Bool
}

/// The frame layout of one function (or of top-level code).
struct FunctionLayout {
  var slotCount = 0
  var boxCount = 0
  var captures: [CaptureSource] = []
  var boxedParams: [(slot: Int, box: Int)] = []
  /// The slot a local `fn` finds itself in when its body calls it by name: filled at
  /// each call, so the function need not capture (and keep alive) its own box.
  var selfSlot: Int?
}

/// What the resolver found: side tables keyed by `Name.id` and `FunctionDecl.id`.
struct Resolution {
  var variables: [Int: VariableInfo] = [:]
  var functions: [Int: FunctionLayout] = [:]
  var script = FunctionLayout()
  var diagnostics: [Diagnostic] = []
}

/// The resolver's view of a function being resolved.
final class FunctionScope {
  struct Decl {
    var name: String
    var constant: Bool
    var box: Int?
    var slot = 0
    var used = false
  }

  let enclosing: FunctionScope?
  let isScript: Bool
  var decls: [Decl] = []
  var paramCount = 0
  /// The decl of a local function's own name inside its body, declared after the
  /// parameters; nil for anonymous and global functions.
  var selfDecl: Int?
  var boxCount = 0
  var captures: [CaptureSource] = []
  /// (declaring scope, decl index) → capture index, so each variable is captured once.
  var captureIndex: [String: Int] = [:]
  /// Block scopes, innermost last: name → decl index.
  var scopes: [[String: Int]] = [[:]]
  /// Names whose storage is known only once the function is complete.
  var pending: [(nameID: Int, decl: Int)] = []
  var loopDepth = 0

  init(enclosing: FunctionScope?, isScript: Bool) {
    self.enclosing = enclosing
    self.isScript = isScript
  }

  /// Top-level code outside any block declares globals.
  var declaresGlobals: Bool { isScript && scopes.count == 1 }

  func lookup(_ name: String) -> Int? {
    for scope in scopes.reversed() {
      if let d = scope[name] { return d }
    }
    return nil
  }

  func declare(_ name: String, constant: Bool) -> Int {
    decls.append(Decl(name: name, constant: constant))
    scopes[scopes.count - 1][name] = decls.count - 1
    return decls.count - 1
  }

  func box(_ d: Int) -> Int {
    if let b = decls[d].box { return b }
    decls[d].box = boxCount
    boxCount += 1
    return boxCount - 1
  }

  /// Assigns slots (parameters first, in order) and returns the layout; fills in
  /// the storage of every name recorded as pending.
  func finish(into resolution: inout Resolution) -> FunctionLayout {
    var layout = FunctionLayout(captures: captures)
    for d in decls.indices {
      // Parameters and the self name always get a slot: the call fills them.
      let filledAtEntry = d < paramCount || d == selfDecl
      if filledAtEntry || decls[d].box == nil {
        decls[d].slot = layout.slotCount
        layout.slotCount += 1
      }
      if filledAtEntry, let b = decls[d].box { layout.boxedParams.append((decls[d].slot, b)) }
    }
    if let d = selfDecl, decls[d].used { layout.selfSlot = decls[d].slot }
    layout.boxCount = boxCount
    for (nameID, d) in pending {
      let storage: Storage = decls[d].box.map { .boxed($0) } ?? .local(decls[d].slot)
      resolution.variables[nameID] = VariableInfo(storage: storage, constant: decls[d].constant)
    }
    return layout
  }
}

/// Resolves a program against an interpreter's globals.
struct Resolver {
  let globals: Globals
  var resolution = Resolution()
  var function: FunctionScope
  /// Globals declared so far in this source, with their constness.
  var declaredGlobals: [String: Bool] = [:]
  /// Globals this source may read but not declare at its top level, by name.
  let reserved: [String: ReservedName]

  init(globals: Globals, reserved: [ReservedName] = []) {
    self.globals = globals
    self.reserved = Dictionary(
      reserved.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    function = FunctionScope(enclosing: nil, isScript: true)
  }

  static func resolve(_ program: Program, globals: Globals, reserved: [ReservedName] = [])
    -> Resolution
  {
    var resolver = Resolver(globals: globals, reserved: reserved)
    for statement in program.statements { resolver.resolve(statement) }
    resolver.resolution.script = resolver.function.finish(into: &resolver.resolution)
    return resolver.resolution
  }

  mutating func report(_ message: String, _ range: SourceRange) {
    resolution.diagnostics.append(.syntax(message, at: range))
  }
}
