// Central finite differences against the tape's gradients, for every input of an op.
import Autodiff
import Tensors
import Testing

/// Checks ∂L/∂inputs from `backward` against central differences, where
/// L = Σ f(inputs) ⊙ R for a fixed random R (so every output element is exercised).
/// Float32 forward passes limit the accuracy, hence the relative step `epsilon`.
func checkGradients(
  _ inputs: [Tensor], epsilon: Float = 1e-2, rtol: Double = 2e-2, atol: Double = 2e-3,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ f: ([Variable]) throws -> Variable
) throws {
  let tape = Tape()
  let variables = inputs.map { tape.variable($0, requiresGrad: true) }
  let output = try f(variables)
  var rng = RNG(seed: 99)
  let projection = try Tensor.uniform(output.shape, low: -1, high: 1, using: &rng)
  try tape.backward(from: output, seed: projection)

  func loss(_ values: [Tensor]) throws -> Double {
    let inference = Tape(recording: false)
    let y = try f(values.map { inference.constant($0) }).value
    return zip(y.scalars, projection.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
  }

  for (k, input) in inputs.enumerated() {
    let analytic = try #require(tape.gradient(of: variables[k]), sourceLocation: sourceLocation)
    #expect(analytic.shape == input.shape, sourceLocation: sourceLocation)
    var worst = 0.0
    for i in 0..<input.count {
      var plus = inputs
      var minus = inputs
      plus[k].withUnsafeMutableBufferPointer { $0[i] += epsilon }
      minus[k].withUnsafeMutableBufferPointer { $0[i] -= epsilon }
      let numeric = (try loss(plus) - loss(minus)) / (2 * Double(epsilon))
      let exact = Double(analytic.scalars[i])
      let error = abs(numeric - exact) - (atol + rtol * abs(numeric))
      worst = max(worst, error)
      if error > 0 {
        Issue.record(
          "input \(k) element \(i): analytic \(exact), numeric \(numeric)",
          sourceLocation: sourceLocation)
        return
      }
    }
  }
}

/// Normal samples pushed away from 0 by `margin`, so kinks (relu, abs) are not straddled
/// by the finite-difference step.
func awayFromZero(_ shape: [Int], seed: UInt64, margin: Float = 0.1) throws -> Tensor {
  var rng = RNG(seed: seed)
  return try Tensor.randn(shape, using: &rng).map { $0 >= 0 ? $0 + margin : $0 - margin }
}

/// Uniform samples in `low..<high`.
func uniform(_ shape: [Int], seed: UInt64, low: Float = -1, high: Float = 1) throws -> Tensor {
  var rng = RNG(seed: seed)
  return try Tensor.uniform(shape, low: low, high: high, using: &rng)
}
