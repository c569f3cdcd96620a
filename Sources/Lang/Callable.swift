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
  /// What the function does.
  public let doc: String
  let body: (Arguments) throws -> Value

  /// A native named `name` with parameters `params`, documentation `doc`, and `body`.
  public init(
    name: String, params: [Parameter], doc: String,
    body: @escaping (Arguments) throws -> Value
  ) {
    self.name = name
    self.parameters = params
    self.doc = doc
    self.body = body
  }
}
