// Fields and methods of tensors in lr: t.T, t.shape, t.sum(), t.rows(0..<3), …
import Lang
import Tensors

extension TensorObject {
  func member(_ name: String) throws -> Value? {
    let t = tensor
    switch name {
    case "T":
      guard t.rank <= 2 else {
        throw RuntimeError("'.T' needs a vector or matrix, got shape \(t.shape); use permute")
      }
      return .tensor(t.transposed())
    case "shape": return .list(t.shape.map { .number(Double($0)) })
    case "ndim": return .number(Double(t.rank))
    case "size": return .number(Double(t.count))
    default: break
    }
    guard let method = Self.methods[name] else { return nil }
    return .function(method.bind(to: t))
  }

  /// The methods of a tensor, each a native taking the tensor first. Immutable after
  /// initialisation and only read by the interpreter's thread.
  nonisolated(unsafe) static let methods: [String: TensorMethod] = Dictionary(
    uniqueKeysWithValues: tensorMethods.map { ($0.name, $0) })
}

/// A method of tensors: bound to a receiver it becomes an ordinary native function.
struct TensorMethod {
  let name: String
  let params: [Parameter]
  let doc: String
  let body: (Tensor, Arguments) throws -> Value

  func bind(to receiver: Tensor) -> NativeFunction {
    NativeFunction(name: "tensor.\(name)", params: params, doc: doc) { args in
      try body(receiver, args)
    }
  }
}

/// An optional axis argument, checked against the tensor's rank (negative counts back).
private func axis(_ args: Arguments, _ t: Tensor) throws -> Int? {
  guard args.isGiven("axis") else { return nil }
  let a = try args.int("axis")
  let k = a < 0 ? a + t.rank : a
  guard k >= 0, k < t.rank else {
    throw args.bad("axis", expected: "an axis of a \(t.rank)-d tensor")
  }
  return k
}

private var axisParameter: [Parameter] { [Parameter("axis", default: .nil)] }

private func reduction(
  _ name: String, _ doc: String, all: @escaping (Tensor) throws -> Float,
  along: @escaping (Tensor, Int) throws -> Tensor
) -> TensorMethod {
  TensorMethod(name: name, params: axisParameter, doc: doc) { t, args in
    if let k = try axis(args, t) { return .tensor(try along(t, k)) }
    return .number(double(try all(t)))
  }
}

private var tensorMethods: [TensorMethod] {
  [
  reduction(
    "sum", "The sum of all elements, or along `axis`.\n\n    ones([2, 3]).sum(axis: 0)",
    all: { $0.sum() }, along: { try $0.sum(axis: $1) }),
  reduction(
    "mean", "The mean of all elements, or along `axis`.\n\n    tensor([[1, 2], [3, 4]]).mean()",
    all: { $0.mean() }, along: { try $0.mean(axis: $1) }),
  reduction(
    "max", "The largest element, or the largest along `axis`.\n\n    tensor([[1, 5], [3, 4]]).max(axis: 0)",
    all: { try $0.max() }, along: { try $0.max(axis: $1) }),
  reduction(
    "min", "The smallest element, or the smallest along `axis`.\n\n    tensor([3, 1, 2]).min()",
    all: { try $0.min() }, along: { try $0.min(axis: $1) }),
  reduction(
    "argmax", "The flat index of the largest element, or indices along `axis`.\n\n    tensor([[1, 5], [3, 2]]).argmax(axis: 1)",
    all: { Float(try $0.argmax()) }, along: { try $0.argmax(axis: $1) }),
  TensorMethod(
    name: "rows", params: [Parameter("range")],
    doc: "Rows `range` of a matrix (a range like `0..<r`).\n\n    eye(3).rows(0..<2)"
  ) { t, args in .tensor(try t.rows(try clampedRange(args, "range", t.shape.first ?? 0))) },
  TensorMethod(
    name: "cols", params: [Parameter("range")],
    doc: "Columns `range` of a matrix (a range like `0..<r`).\n\n    eye(3).cols(1..<3)"
  ) { t, args in
    guard t.rank == 2 else { throw RuntimeError("cols needs a matrix, got shape \(t.shape)") }
    return .tensor(try t.columns(try clampedRange(args, "range", t.shape[1])))
  },
  TensorMethod(
    name: "reshape", params: [Parameter("shape")],
    doc: "The same elements in a new shape; one entry may be -1.\n\n    arange(0, 6).reshape([2, 3])"
  ) { t, args in
    let v = try args.value("shape")
    guard case .list(let items) = v else { throw args.bad("shape", expected: "a list of integers") }
    let shape = try items.map { item -> Int in
      guard case .number(let x) = item, let n = wholeNumber(x), n >= -1 else {
        throw args.bad("shape", expected: "a list of integers (one may be -1)")
      }
      return n
    }
    return .tensor(try t.reshaped(shape))
  },
  TensorMethod(
    name: "flatten", params: [], doc: "The elements as a 1-d tensor.\n\n    eye(2).flatten()"
  ) { t, _ in .tensor(t.flattened()) },
  TensorMethod(
    name: "tolist", params: [], doc: "The elements as nested lists of numbers.\n\n    eye(2).tolist()"
  ) { t, _ in listValue(t) },
  TensorMethod(
    name: "item", params: [], doc: "The only element of a one-element tensor, as a number.\n\n    ones([1, 1]).item()"
  ) { t, _ in .number(double(try t.item())) },
  ]
}

/// A range argument clamped to `0...count`, as Python slices are.
private func clampedRange(_ args: Arguments, _ name: String, _ count: Int) throws -> Range<Int> {
  guard case .range(let r) = try args.value(name) else {
    throw args.bad(name, expected: "a range like 0..<3")
  }
  let lower = max(0, min(r.lower, count))
  return lower..<max(lower, min(r.end, count))
}
