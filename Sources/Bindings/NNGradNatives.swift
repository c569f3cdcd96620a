// grad(f) and value_and_grad(f): reverse-mode derivatives of lr functions, and loss helpers.
import Autodiff
import Lang
import Tensors

/// Natives' parameters (NeuralNets has a `Parameter` of its own: a trainable tensor).
private typealias Parameter = Lang.Parameter

/// Calls `f` on the arguments as variables of a fresh tape and back-propagates from its
/// scalar result; returns the value and the gradient for each argument.
private func differentiate(_ f: Value, _ inputs: [Value], _ args: Arguments) throws -> (
  Double, [Tensor]
) {
  let tape = Tape()
  let variables = try inputs.enumerated().map { i, value -> Variable in
    guard let t = try tensorValue(value) else {
      throw RuntimeError(
        "argument \(i + 1) of the differentiated function must be a tensor or a number, got \(value.typeName)"
      )
    }
    return tape.variable(t, requiresGrad: true)
  }
  let result = try args.call(f, variables.map { .native(VariableObject($0)) })
  guard case .native(let o) = result, let output = o as? VariableObject,
    output.variable.tape === tape
  else {
    throw RuntimeError(
      "the differentiated function must return a value computed from its arguments, got \(result.typeName)"
    )
  }
  guard output.variable.value.count == 1 else {
    throw RuntimeError(
      "the differentiated function must return a scalar, got shape \(output.variable.shape)")
  }
  try tape.backward(from: output.variable)
  let value = Double(try output.variable.value.item())
  return (value, variables.map { tape.gradient(of: $0) ?? Tensor.zeros(like: $0.value) })
}

func nnGradNatives() -> [NativeFunction] {
  func gradients(_ gs: [Tensor]) -> Value {
    gs.count == 1 ? .tensor(gs[0]) : .list(gs.map { .tensor($0) })
  }
  return [
    NativeFunction(
      name: "grad", params: [Parameter("f")],
      doc: """
        The gradient function of `f`, which maps tensors to a scalar: `grad(f)(x)` is ∂f/∂x (a list \
        of gradients when `f` takes several arguments). Inside `f`, use operators and methods \
        (`x.exp()`, `x.sum()`, `x @ w`, `cross_entropy(logits, y)`).

            let df = grad(fn(x) { (x * x).sum() })
            df(tensor([1, 2, 3]))   # [2, 4, 6]
        """
    ) { args in
      let f = try args.function("f")
      return .function(
        NativeFunction(
          name: "grad", params: [Parameter("inputs", variadic: true)], doc: "∂f/∂inputs"
        ) { inner in
          gradients(try differentiate(f, try inner.list("inputs"), inner).1)
        })
    },
    NativeFunction(
      name: "value_and_grad", params: [Parameter("f")],
      doc: """
        Like `grad`, but the returned function gives `[f(x), ∂f/∂x]` from one pass.

            let x = randn([8, 3])
            let y = randn([8, 1])
            let w0 = zeros([3, 1])
            let (loss, g) = value_and_grad(fn(w) { ((x @ w - y) ** 2).mean() })(w0)
        """
    ) { args in
      let f = try args.function("f")
      return .function(
        NativeFunction(
          name: "value_and_grad", params: [Parameter("inputs", variadic: true)],
          doc: "[f, ∂f/∂inputs]"
        ) { inner in
          let (value, gs) = try differentiate(f, try inner.list("inputs"), inner)
          return .list([.number(value), gradients(gs)])
        })
    },
    NativeFunction(
      name: "cross_entropy", params: [Parameter("logits"), Parameter("labels")],
      doc: """
        The mean softmax cross-entropy of `logits` [n, classes] against class labels [n] (fused and \
        stable); differentiable inside `grad`.

            let net = mlp([64, 32, 10])
            let d = digits().split(0.8)
            let x = d.test.x
            let y = d.test.y
            cross_entropy(predict(net, x), y)
        """
    ) { args in
      let labels = try args.tensor("labels")
      if case .native(let o) = try args.value("logits"), let v = o as? VariableObject {
        return .native(VariableObject(try v.variable.softmaxCrossEntropy(labels: labels)))
      }
      let tape = Tape(recording: false)
      return .tensor(
        try tape.constant(try args.tensor("logits")).softmaxCrossEntropy(labels: labels).value)
    },
  ]
}
