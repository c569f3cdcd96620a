// Callables: user functions, closures and natives share one protocol, so calls,
// argument binding, docs and completion treat them alike.

/// Something *lr* can call: a user function, a closure or a native.
public protocol Callable: AnyObject {
  /// The name shown in messages, stack traces and docs.
  var name: String { get }
  /// The declared parameters, in order.
  var parameters: [Parameter] { get }
  /// A doc string (empty when none): what the function does, for `lrnb docs` and `:help`.
  var doc: String { get }
}

extension Callable {
  /// The signature as users write a call: `scale(x, by = 2)`, `print(values...)`.
  public var signature: String {
    "\(name)(\(parameters.map(\.description).joined(separator: ", ")))"
  }
}

/// One parameter of a callable.
///
///     Parameter("rank")                      // required
///     Parameter("tau", default: .number(0.1)) // optional
///     Parameter("values", variadic: true)    // takes the remaining positional arguments
public struct Parameter: CustomStringConvertible {
  /// The name, also used for named arguments (`f(rank: 8)`).
  public var name: String
  /// The value used when the argument is not given; nil makes the parameter required.
  public var defaultValue: Value?
  /// Whether it collects every remaining positional argument into a list.
  public var isVariadic: Bool

  /// A parameter named `name`, required unless `default` is given.
  public init(_ name: String, default defaultValue: Value? = nil, variadic: Bool = false) {
    self.name = name
    self.defaultValue = defaultValue
    self.isVariadic = variadic
  }

  /// `name`, `name = default` or `name...`.
  public var description: String {
    if isVariadic { return "\(name)..." }
    if let defaultValue { return "\(name) = \(defaultValue.quotedDescription)" }
    return name
  }
}

/// A function implemented in Swift.
///
/// The interpreter binds positional and named arguments to `params` before calling
/// `body`, so the body reads them by name through `Arguments`. Any error the body
/// throws becomes a runtime diagnostic at the call site, with the error's description.
///
///     interp.register(NativeFunction(
///       name: "twice", params: [Parameter("x")], doc: "Doubles a number."
///     ) { args in .number(try args.number("x") * 2) })
public final class NativeFunction: Callable {
  /// The name used in messages and docs.
  public let name: String
  /// The parameters arguments are bound to.
  public let parameters: [Parameter]
  /// What the function does: a summary, then examples indented by four spaces.
  public let doc: String
  /// The section `lrnb docs` lists it under, e.g. "math" or "tensor".
  public let group: String
  let body: (Arguments) throws -> Value

  /// A native named `name` with parameters `params`, documentation `doc`, and `body`.
  /// `group` names its docs section; by default it comes from the file that defines
  /// the native (`MathNatives.swift` → "math", `LinearAlgebraNatives.swift` →
  /// "linear algebra").
  public init(
    name: String, params: [Parameter], doc: String, group: String? = nil,
    fileID: String = #fileID, body: @escaping (Arguments) throws -> Value
  ) {
    self.name = name
    self.parameters = params
    self.doc = doc
    self.group = group ?? NativeFunction.group(fromFile: fileID)
    self.body = body
  }

  /// "Bindings/LinearAlgebraNatives+Solve.swift" → "linear algebra".
  static func group(fromFile fileID: String) -> String {
    var stem = Substring(fileID.split(separator: "/").last ?? "")
    if let plus = stem.firstIndex(of: "+") { stem = stem[..<plus] }
    if stem.hasSuffix(".swift") { stem = stem.dropLast(6) }
    for suffix in ["Natives", "Builtins", "Object", "Bindings"] where stem.hasSuffix(suffix) {
      stem = stem.dropLast(suffix.count)
    }
    guard !stem.isEmpty else { return "builtins" }
    var words: [String] = []
    var word = ""
    var previous: Character = " "
    for ch in stem {
      if ch.isUppercase, !word.isEmpty, previous.isLowercase {
        words.append(word)
        word = ""
      }
      word.append(ch)
      previous = ch
    }
    words.append(word)
    return words.map { $0.lowercased() }.joined(separator: " ")
  }
}
