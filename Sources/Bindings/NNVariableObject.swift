// Differentiable values in lr: what grad(f) passes to f, with operators and methods.
import Autodiff
import Lang
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

/// A variable on the tape of one `grad` call. Operators and methods record ops, so the
/// function `f` given to `grad(f)` is written like ordinary tensor code.
final class VariableObject: NativeObject {
  let variable: Variable

  init(_ variable: Variable) { self.variable = variable }

  var typeName: String { "variable" }
  var description: String { "<variable \(variable.shape)>" }
  func display() -> Display { .text("variable " + variable.value.description) }
  var length: Int? { variable.shape.first ?? 0 }

  /// `other` as a variable on this tape: variables as they are, tensors and numbers as
  /// constants.
  func operand(_ other: Value) throws -> Variable? {
    if case .native(let o) = other, let v = o as? VariableObject { return v.variable }
    return try tensorValue(other).map { variable.tape.constant($0) }
  }

  func binary(_ op: BinaryOperator, _ other: Value, selfOnLeft: Bool) throws -> Value? {
    guard let rhs = try operand(other) else { return nil }
    let (a, b) = selfOnLeft ? (variable, rhs) : (rhs, variable)
    let result: Variable
    switch op {
    case .add: result = try a + b
    case .subtract: result = try a - b
    case .multiply: result = try a * b
    case .divide: result = try a / b
    case .matmul: result = try a.matmul(b)
    case .power:
      guard selfOnLeft, case .number(let p) = other else {
        throw RuntimeError("'**' on variables needs a constant number exponent")
      }
      result = try a.pow(Float(p))
    default: return nil
    }
    return .native(VariableObject(result))
  }

  func unary(_ op: UnaryOperator) throws -> Value? {
    op == .negate ? .native(VariableObject(try -variable)) : nil
  }

  func member(_ name: String) throws -> Value? {
    let v = variable
    func wrap(_ body: @escaping () throws -> Variable) -> Value {
      .function(
        NativeFunction(name: "variable.\(name)", params: [], doc: "") { _ in
          .native(VariableObject(try body()))
        })
    }
    switch name {
    case "shape": return .list(v.shape.map { .number(Double($0)) })
    case "value": return .tensor(v.value)
    case "T": return .native(VariableObject(try v.transposed()))
    case "exp": return wrap { try v.exp() }
    case "log": return wrap { try v.log() }
    case "sqrt": return wrap { try v.sqrt() }
    case "relu": return wrap { try v.relu() }
    case "tanh": return wrap { try v.tanh() }
    case "sigmoid": return wrap { try v.sigmoid() }
    case "softmax": return wrap { try v.softmax() }
    case "log_softmax": return wrap { try v.logSoftmax() }
    case "sum", "mean":
      return .function(
        NativeFunction(
          name: "variable.\(name)", params: [Parameter("axis", default: .nil)], doc: ""
        ) { args in
          let axis = try args.optional("axis", args.int)
          let r: Variable =
            if let axis { try name == "sum" ? v.sum(axes: [axis]) : v.mean(axes: [axis]) } else {
              try name == "sum" ? v.sum() : v.mean()
            }
          return .native(VariableObject(r))
        })
    case "reshape":
      return .function(
        NativeFunction(name: "variable.reshape", params: [Parameter("shape")], doc: "") { args in
          let shape = try args.list("shape").map { item -> Int in
            guard case .number(let x) = item, let n = wholeNumber(x), n >= -1 else {
              throw args.bad("shape", expected: "a list of sizes (one may be -1)")
            }
            return n
          }
          return .native(VariableObject(try v.reshaped(shape)))
        })
    default: return nil
    }
  }
}
