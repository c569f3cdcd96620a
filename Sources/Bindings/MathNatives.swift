// Math natives that work on numbers and tensors alike: sqrt, exp, log, abs, round, …
import Foundation
import Lang
import Tensors

/// A one-argument function applied to a number, or elementwise to a tensor.
private func elementwise(
  _ name: String, _ doc: String, number: @escaping (Double) -> Double,
  tensor: @escaping (Tensor) throws -> Tensor
) -> NativeFunction {
  NativeFunction(name: name, params: [Parameter("x")], doc: doc) { args in
    if case .number(let x) = try args.value("x") { return .number(number(x)) }
    return .tensor(try tensor(try args.tensor("x")))
  }
}

var mathNatives: [NativeFunction] { [
  elementwise("sqrt", "The square root (elementwise for tensors).\n\n    sqrt(2)", number: { $0.squareRoot() }, tensor: { $0.sqrt() }),
  elementwise("exp", "e raised to x (elementwise for tensors).\n\n    exp(1)", number: { Foundation.exp($0) }, tensor: { $0.exp() }),
  elementwise("log", "The natural logarithm (elementwise for tensors).\n\n    log(10)", number: { Foundation.log($0) }, tensor: { $0.log() }),
  elementwise("abs", "The absolute value (elementwise for tensors).\n\n    abs(-3)", number: { Swift.abs($0) }, tensor: { $0.abs() }),
  elementwise("floor", "The largest integer ≤ x.\n\n    floor(2.7)", number: { $0.rounded(.down) }, tensor: { try mapScalars($0) { $0.rounded(.down) } }),
  elementwise("ceil", "The smallest integer ≥ x.\n\n    ceil(2.1)", number: { $0.rounded(.up) }, tensor: { try mapScalars($0) { $0.rounded(.up) } }),
  NativeFunction(
    name: "round", params: [Parameter("x"), Parameter("digits", default: .number(0))],
    doc: "x rounded to `digits` decimals (half away from zero).\n\n    round(3.14159, digits: 2)"
  ) { args in
    let digits = try args.int("digits")
    guard (-15...15).contains(digits) else { throw args.bad("digits", expected: "an integer in -15...15") }
    let scale = Foundation.pow(10.0, Double(digits))
    if case .number(let x) = try args.value("x") { return .number((x * scale).rounded() / scale) }
    let s = Float(scale)
    return .tensor(try mapScalars(try args.tensor("x")) { ($0 * s).rounded() / s })
  },
  NativeFunction(
    name: "min", params: [Parameter("values", variadic: true)],
    doc: "The smallest of the arguments, of a list, or of a tensor's elements.\n\n    min(3, 1, 2)"
  ) { args in try extreme(args, "min", smallest: true) },
  NativeFunction(
    name: "max", params: [Parameter("values", variadic: true)],
    doc: "The largest of the arguments, of a list, or of a tensor's elements.\n\n    max([3, 1, 2])"
  ) { args in try extreme(args, "max", smallest: false) },
  NativeFunction(
    name: "sum", params: [Parameter("xs")],
    doc: "The sum of a list of numbers or of a tensor's elements.\n\n    sum([1, 2, 3])"
  ) { args in .number(try args.numbersOrTensor("xs").reduce(0, +)) },
  NativeFunction(
    name: "mean", params: [Parameter("xs")],
    doc: "The mean of a list of numbers or of a tensor's elements.\n\n    mean([1, 2, 3])"
  ) { args in
    let xs = try args.numbersOrTensor("xs")
    guard !xs.isEmpty else { throw args.bad("xs", expected: "a non-empty list") }
    return .number(xs.reduce(0, +) / Double(xs.count))
  },
] }

/// `min`/`max` over variadic numbers, one list, or one tensor.
private func extreme(_ args: Arguments, _ name: String, smallest: Bool) throws -> Value {
  var items = try args.list("values")
  if items.count == 1 {
    switch items[0] {
    case .list(let inner): items = inner
    case .native, .range:
      guard let t = try tensorValue(items[0]) else { break }
      guard t.count > 0 else { throw RuntimeError("\(name) of an empty tensor") }
      return .number(double(smallest ? try t.min() : try t.max()))
    default: break
    }
  }
  var best: Double?
  for item in items {
    guard case .number(let x) = item else {
      throw RuntimeError("bad argument to \(name) (expected numbers, got \(item.typeName))")
    }
    if let b = best { best = smallest ? Swift.min(b, x) : Swift.max(b, x) } else { best = x }
  }
  guard let result = best else { throw RuntimeError("\(name) of nothing (an empty list)") }
  return .number(result)
}

extension Arguments {
  /// A list of numbers, a range, or a tensor's elements, as Doubles.
  func numbersOrTensor(_ name: String) throws -> [Double] {
    if case .list = try value(name) { return try numbers(name) }
    return try tensor(name).scalars.map(Double.init)
  }
}

/// `f` applied to every element (for the few functions Tensors does not offer).
func mapScalars(_ t: Tensor, _ f: (Float) -> Float) throws -> Tensor {
  try Tensor(shape: t.shape, scalars: t.scalars.map(f))
}
