// The protocol domain objects (tensors, figures, models) adopt to live inside lr.

/// The binary operators a native object may overload.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case modulo = "%"
  case power = "**"
  case matmul = "@"
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="

  /// The operator as written in *lr*, e.g. `+`.
  public var symbol: String { rawValue }
}

/// The unary operators a native object may overload.
public enum UnaryOperator: String, Sendable, Hashable {
  /// `-x`
  case negate = "-"
  /// `not x`
  case not = "not"

  /// The operator as written in *lr*.
  public var symbol: String { rawValue }
}

/// A domain object owned by another target, seen by *lr* as an opaque value with
/// members, operators and indexing.
///
/// Every requirement except `typeName` has a default, so a conformer implements only
/// what it needs. Returning nil means "not supported" and the interpreter reports it
/// in the usual words (`no member 'x' on tensor`, `unsupported operands for +: tensor
/// and string`); throwing reports the error's description at the call site.
///
///     final class FigureBox: NativeObject {
///       var typeName: String { "figure" }
///       func display() -> Display { .image(render()) }
///     }
public protocol NativeObject: AnyObject, CustomStringConvertible {
  /// The name users see in messages and from `type(x)`, e.g. "tensor".
  var typeName: String { get }
  /// How a notebook, the REPL or `display(x)` shows the object.
  func display() -> Display
  /// A field or method: a method is returned as a bound `NativeFunction`.
  /// - Returns: nil when there is no such member.
  func member(_ name: String) throws -> Value?
  /// `self op other` (or `other op self` when `selfOnLeft` is false).
  /// - Returns: nil when the operands are not supported.
  func binary(_ op: BinaryOperator, _ other: Value, selfOnLeft: Bool) throws -> Value?
  /// `op self`. - Returns: nil when not supported.
  func unary(_ op: UnaryOperator) throws -> Value?
  /// `self[i]`. - Returns: nil when the object cannot be indexed by `i`.
  func index(_ i: Value) throws -> Value?
  /// Whether `self == other`; nil falls back to identity.
  func equals(_ other: Value) -> Bool?
  /// What `len(x)` returns; nil when the object has no length.
  var length: Int? { get }
  /// How `for x in object` walks the object: a function returning the next item, or
  /// nil at the end. Called once per loop; nil (the default) means not iterable.
  ///
  ///     func makeIterator() throws -> (() throws -> Value?)? {
  ///       var batch = 0
  ///       return { batch < self.count ? self.batch(&batch) : nil }
  ///     }
  func makeIterator() throws -> (() throws -> Value?)?
  /// `self[i] = v`: the updated object to store back in the variable (natives are
  /// values to *lr*, so an immutable object returns a changed copy; a mutable one may
  /// update itself and return `.native(self)`). nil (the default) means not supported.
  func settingIndex(_ i: Value, to v: Value) throws -> Value?
}

extension NativeObject {
  /// `<typeName>`.
  public var description: String { "<\(typeName)>" }
  /// Plain text: the object's description.
  public func display() -> Display { .text(description) }
  /// No members.
  public func member(_ name: String) throws -> Value? { nil }
  /// No operators.
  public func binary(_ op: BinaryOperator, _ other: Value, selfOnLeft: Bool) throws -> Value? {
    nil
  }
  /// No unary operators.
  public func unary(_ op: UnaryOperator) throws -> Value? { nil }
  /// No indexing.
  public func index(_ i: Value) throws -> Value? { nil }
  /// Identity.
  public func equals(_ other: Value) -> Bool? { nil }
  /// No length.
  public var length: Int? { nil }
  /// Not iterable.
  public func makeIterator() throws -> (() throws -> Value?)? { nil }
  /// No index assignment.
  public func settingIndex(_ i: Value, to v: Value) throws -> Value? { nil }
}
