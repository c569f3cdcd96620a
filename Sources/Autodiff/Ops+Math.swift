// Elementwise math and activations: exp, log, pow, sqrt, relu, leaky ReLU, tanh, sigmoid.
import Tensors

extension Variable {
  /// eˣ; backward g·eˣ.
  public func exp() throws -> Variable {
    let (a, y) = (ref, value.exp())
    return try tape.record(y, inputs: [self]) {
      { g, grads in try grads.accumulate(try g * y, into: a) }
    }
  }

  /// ln x; backward g/x.
  public func log() throws -> Variable {
    let (a, x) = (ref, value)
    return try tape.record(x.log(), inputs: [self]) {
      { g, grads in try grads.accumulate(try g / x, into: a) }
    }
  }

  /// xᵖ for a constant exponent; backward g·p·xᵖ⁻¹.
  public func pow(_ p: Float) throws -> Variable {
    let (a, x) = (ref, value)
    return try tape.record(x.pow(p), inputs: [self]) {
      { g, grads in
        let derivative = p == 2 ? x * 2 : x.pow(p - 1) * p
        try grads.accumulate(try g * derivative, into: a)
      }
    }
  }

  /// √x; backward g/(2√x).
  public func sqrt() throws -> Variable {
    let (a, y) = (ref, value.sqrt())
    return try tape.record(y, inputs: [self]) {
      { g, grads in try grads.accumulate(try zipMap(g, y, SqrtGradient()), into: a) }
    }
  }

  /// max(x, 0); backward passes g where x > 0.
  public func relu() throws -> Variable {
    let (a, x) = (ref, value)
    return try tape.record(x.relu(), inputs: [self]) {
      { g, grads in try grads.accumulate(try zipMap(g, x, LeakyReluGradient()), into: a) }
    }
  }

  /// x for x > 0, `slope`·x otherwise; backward g or `slope`·g.
  public func leakyRelu(slope: Float = 0.01) throws -> Variable {
    let (a, x) = (ref, value)
    return try tape.record(x.map { $0 > 0 ? $0 : slope * $0 }, inputs: [self]) {
      { g, grads in
        try grads.accumulate(try zipMap(g, x, LeakyReluGradient(slope: slope)), into: a)
      }
    }
  }

  /// tanh x; backward g·(1 − tanh² x).
  public func tanh() throws -> Variable {
    let (a, y) = (ref, value.tanh())
    return try tape.record(y, inputs: [self]) {
      { g, grads in try grads.accumulate(try zipMap(g, y, TanhGradient()), into: a) }
    }
  }

  /// 1/(1 + e⁻ˣ); backward g·σ(x)(1 − σ(x)).
  public func sigmoid() throws -> Variable {
    let (a, y) = (ref, value.sigmoid())
    return try tape.record(y, inputs: [self]) {
      { g, grads in try grads.accumulate(try zipMap(g, y, SigmoidGradient()), into: a) }
    }
  }
}
