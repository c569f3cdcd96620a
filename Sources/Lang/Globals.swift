// The global scope: one cell per name, created once and captured by compiled code,
// so a global access is a pointer load rather than a dictionary lookup.

/// Values taken out of global cells while code may still be running them. A call of a
/// global function does not retain the function (see `GlobalCell.function`), so a
/// function replaced during its own call must outlive the call: it waits here until
/// the next top-level run starts.
final class RetiredValues {
  var values: [Value] = []
}

/// The storage of one global variable.
final class GlobalCell {
  let name: String
  /// Behind a pointer, like `Box`, to spare the exclusivity check of a stored `var`.
  private let storage: UnsafeMutablePointer<(value: Value?, isConstant: Bool)>
  private let retired: RetiredValues
  /// The user function the cell holds, unretained: the cell's value keeps it alive, and
  /// a replaced one is retired rather than released, so call sites may skip the
  /// retain/release pair of reading the value.
  private(set) var function: Unmanaged<UserFunction>?

  init(name: String, retired: RetiredValues = RetiredValues()) {
    self.name = name
    self.retired = retired
    storage = .allocate(capacity: 1)
    storage.initialize(to: (nil, false))
  }

  deinit {
    var old = storage.pointee.value.take() ?? .nil
    Disposal.clear(&old)
    storage.deinitialize(count: 1)
    storage.deallocate()
  }

  /// nil while the name is referenced but not (yet) defined.
  var value: Value? {
    @inline(__always) get { storage.pointee.value }
    set {
      var old = storage.pointee.value.take() ?? .nil
      storage.pointee.value = newValue
      let heldFunction = function != nil
      refreshFunction()
      if heldFunction { retired.values.append(old) } else { Disposal.clear(&old) }
    }
  }

  /// Whether the name holds a value (without copying it).
  var isDefined: Bool {
    if case .none = storage.pointee.value { return false }
    return true
  }

  /// Runs `body` on the defined value in place (no copy: lists grow in place); false
  /// when the name is undefined. Not for replacing a function value: use `value`.
  @inline(__always)
  func modifyInPlace(_ body: (inout Value) throws(Unwind) -> Void) throws(Unwind) -> Bool {
    guard var current = storage.pointee.value.take() else { return false }
    defer {
      storage.pointee.value = current
      if function != nil { refreshFunction() }
    }
    try body(&current)
    return true
  }

  private func refreshFunction() {
    if case .function(let callable)? = storage.pointee.value, let fn = callable as? UserFunction {
      function = Unmanaged.passUnretained(fn)
    } else {
      function = nil
    }
  }

  var isConstant: Bool {
    @inline(__always) get { storage.pointee.isConstant }
    @inline(__always) set { storage.pointee.isConstant = newValue }
  }

  func define(_ value: Value, constant: Bool) {
    self.value = value
    isConstant = constant
  }
}

/// All globals of an interpreter, by name; or the top-level names of a module, whose
/// other names are the interpreter's.
final class Globals {
  private var cells: [String: GlobalCell] = [:]
  let retired: RetiredValues
  private let parent: Globals?
  private let own: Set<String>

  /// The interpreter's global scope.
  init() {
    retired = RetiredValues()
    parent = nil
    own = []
  }

  /// A module's scope: `own` names live here, all others in `parent`.
  init(parent: Globals, own: Set<String>) {
    retired = parent.retired
    self.parent = parent
    self.own = own
  }

  /// The cell for `name`, created (undefined) on first use.
  func cell(_ name: String) -> GlobalCell {
    if let parent, !own.contains(name) { return parent.cell(name) }
    if let existing = cells[name] { return existing }
    let created = GlobalCell(name: name, retired: retired)
    cells[name] = created
    return created
  }

  func existingCell(_ name: String) -> GlobalCell? { cells[name] }

  /// Empties every cell. Compiled code holds the cells it uses, so a global function
  /// that calls itself (or another that calls it back) is a reference cycle through its
  /// cell; clearing the cells when the interpreter goes away breaks every such cycle.
  func clear() {
    for cell in cells.values { cell.value = nil }
    retired.values.removeAll()
  }

  /// Names that currently hold a value, sorted.
  var definedNames: [String] {
    cells.values.filter { $0.value != nil }.map(\.name).sorted()
  }
}
