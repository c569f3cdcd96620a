// The global scope: one cell per name, created once and captured by compiled code,
// so a global access is a pointer load rather than a dictionary lookup.

/// The storage of one global variable.
final class GlobalCell {
  let name: String
  /// Behind a pointer, like `Box`, to spare the exclusivity check of a stored `var`.
  private let storage: UnsafeMutablePointer<(value: Value?, isConstant: Bool)>

  init(name: String) {
    self.name = name
    storage = .allocate(capacity: 1)
    storage.initialize(to: (nil, false))
  }

  deinit {
    storage.deinitialize(count: 1)
    storage.deallocate()
  }

  /// nil while the name is referenced but not (yet) defined.
  var value: Value? {
    @inline(__always) get { storage.pointee.value }
    @inline(__always) set { storage.pointee.value = newValue }
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

/// All globals of an interpreter, by name.
final class Globals {
  private var cells: [String: GlobalCell] = [:]

  /// The cell for `name`, created (undefined) on first use.
  func cell(_ name: String) -> GlobalCell {
    if let existing = cells[name] { return existing }
    let created = GlobalCell(name: name)
    cells[name] = created
    return created
  }

  func existingCell(_ name: String) -> GlobalCell? { cells[name] }

  /// Names that currently hold a value, sorted.
  var definedNames: [String] {
    cells.values.filter { $0.value != nil }.map(\.name).sorted()
  }
}
