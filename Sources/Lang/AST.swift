// The syntax tree: value types with a SourceRange on every node. Names that the
// resolver binds carry a unique id, so resolution is a side table keyed by id.

/// A name as written, with its range and an id unique within one parse.
struct Name {
  var text: String
  var range: SourceRange
  var id: Int
}

/// An expression node.
struct Expr {
  var kind: ExprKind
  var range: SourceRange
}

/// The binary operators with eager operands; `and`/`or` are `ExprKind.logical`.
typealias BinaryOp = BinaryOperator

enum LogicalOp: String { case and, or }

indirect enum ExprKind {
  case number(Double)
  case string(String)
  /// `"a \(x) b"`: literal text and expressions, in order.
  case interpolation([InterpolationPart])
  case bool(Bool)
  case `nil`
  case variable(Name)
  case list([Expr])
  case record([RecordField])
  case unary(UnaryOperator, Expr)
  case binary(BinaryOp, Expr, Expr)
  case logical(LogicalOp, Expr, Expr)
  case range(Expr, Expr, closed: Bool)
  /// A range with a missing bound, allowed only as an index: `xs[2...]`, `xs[..<3]`.
  case slice(Expr?, Expr?, closed: Bool)
  /// `import "path.lr"`: the module's top-level names as a record.
  case importModule(String)
  case call(Expr, [Argument])
  /// `object.name(args)`: kept apart from field access plus call so mutating list
  /// methods (`xs.append(4)`) can update the variable in place.
  case methodCall(Expr, Name, [Argument])
  case index(Expr, Expr)
  case member(Expr, Name)
  case function(FunctionDecl)
  /// `if c { … } else …`; the else branch is a block or another `if`.
  case ifElse(Expr, Block, Expr?)
  case block(Block)
}

enum InterpolationPart {
  case text(String)
  case expr(Expr)
}

struct RecordField {
  var key: String
  var keyRange: SourceRange
  var value: Expr
}

/// A call argument, positional or named (`by: 10`).
struct Argument {
  var label: Name?
  var value: Expr
}

/// A function literal or declaration.
struct FunctionDecl {
  /// nil for an anonymous `fn(x) { … }`.
  var name: Name?
  var params: [ParamDecl]
  var body: Block
  var range: SourceRange
  /// Unique id of the function, keying its resolution (slots, captures).
  var id: Int
  /// The `##` doc comment right above the declaration, or "".
  var doc = ""
}

/// What `let`, `var`, `for` and destructuring assignments bind: a name, `_` (ignored),
/// a list of patterns matched against a list's items, `(loss, grads)`, or fields of a
/// record matched by name, `{loss, acc: accuracy}`.
indirect enum Pattern {
  case name(Name)
  case ignore(SourceRange)
  case list([Pattern], SourceRange)
  case record([FieldPattern], SourceRange)

  var range: SourceRange {
    switch self {
    case .name(let name): return name.range
    case .ignore(let range), .list(_, let range), .record(_, let range): return range
    }
  }

  /// The names bound, in order.
  var names: [Name] {
    switch self {
    case .name(let name): return [name]
    case .ignore: return []
    case .list(let items, _): return items.flatMap(\.names)
    case .record(let fields, _): return fields.flatMap(\.pattern.names)
    }
  }
}

/// One field of a record pattern: `acc` (bound to a variable of the same name) or
/// `acc: pattern`.
struct FieldPattern {
  var field: Name
  var pattern: Pattern
}

struct ParamDecl {
  var name: Name
  var defaultValue: Expr?
  /// `rest...`: takes every remaining positional argument as a list (last only).
  var isVariadic = false
}

/// `{ statements }`; its value is that of its last expression statement.
struct Block {
  var statements: [Stmt]
  var range: SourceRange
}

struct Stmt {
  var kind: StmtKind
  var range: SourceRange
}

enum AssignOp: String {
  case add = "+=", subtract = "-=", multiply = "*=", divide = "/="

  var binary: BinaryOperator {
    switch self {
    case .add: return .add
    case .subtract: return .subtract
    case .multiply: return .multiply
    case .divide: return .divide
    }
  }
}

enum StmtKind {
  /// An expression; `suppressed` when it ends in `;` (no display).
  case expression(Expr, suppressed: Bool)
  /// `let name = value` or `var name = value` (`var name` alone starts as nil).
  case declaration(constant: Bool, Name, Expr?)
  /// `let (a, b) = value`: the items of a list bound to several names.
  case destructure(constant: Bool, Pattern, Expr)
  case function(FunctionDecl)
  /// `target = value` or `target op= value`.
  case assign(Expr, AssignOp?, Expr)
  case whileLoop(Expr, Block)
  case forLoop(Pattern, Expr, Block)
  case breakLoop
  case continueLoop
  case returnValue(Expr?)
}

/// A parsed source: its top-level statements.
struct Program {
  var statements: [Stmt]
  var source: Source
}
