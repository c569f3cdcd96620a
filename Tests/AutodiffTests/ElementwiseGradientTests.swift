// Finite-difference checks of the arithmetic and elementwise math rules.
import Autodiff
import Tensors
import Testing

@Suite struct ElementwiseGradientTests {
  @Test func broadcastingArithmetic() throws {
    let a = try uniform([3, 4], seed: 1)
    let b = try uniform([4], seed: 2, low: 0.5, high: 1.5)
    let column = try uniform([3, 1], seed: 3, low: 0.5, high: 1.5)
    try checkGradients([a, b]) { v in try v[0] + v[1] }
    try checkGradients([a, b]) { v in try v[0] - v[1] }
    try checkGradients([a, column]) { v in try v[0] * v[1] }
    try checkGradients([a, b]) { v in try v[0] / v[1] }
    try checkGradients([b, a]) { v in try v[0] / v[1].shifted(by: 3) }
    try checkGradients([a]) { v in try -(v[0] * 3 + 1) / 2 }
  }

  @Test func mathFunctions() throws {
    let x = try uniform([2, 5], seed: 4)
    let positive = try uniform([2, 5], seed: 5, low: 0.5, high: 2)
    try checkGradients([x]) { v in try v[0].exp() }
    try checkGradients([positive]) { v in try v[0].log() }
    try checkGradients([positive]) { v in try v[0].sqrt() }
    try checkGradients([positive]) { v in try v[0].pow(2) }
    try checkGradients([positive]) { v in try v[0].pow(-1.5) }
    try checkGradients([x]) { v in try v[0].tanh() }
    try checkGradients([x]) { v in try v[0].sigmoid() }
  }

  @Test func piecewiseActivations() throws {
    let x = try awayFromZero([3, 6], seed: 6)
    try checkGradients([x]) { v in try v[0].relu() }
    try checkGradients([x]) { v in try v[0].leakyRelu(slope: 0.1) }
  }

  @Test func gradientsAccumulateOverSharedInputs() throws {
    let tape = Tape()
    let x = tape.variable(Tensor([1, 2, 3]), requiresGrad: true)
    let y = try (x * x + x).sum()
    try tape.backward(from: y)
    #expect(try #require(x.grad).scalars == [3, 5, 7])
  }

  @Test func constantsGetNoGradient() throws {
    let tape = Tape()
    let x = tape.variable(Tensor([1, 2]), requiresGrad: true)
    let c = tape.constant(Tensor([5, 6]))
    try tape.backward(from: try (x * c).sum())
    #expect(c.grad == nil)
    #expect(try #require(x.grad).scalars == [5, 6])
  }

  @Test func mixingTapesIsAnError() throws {
    let x = Tape().variable(Tensor([1]), requiresGrad: true)
    let y = Tape().variable(Tensor([1]), requiresGrad: true)
    #expect(throws: AutodiffError.foreignVariable) { try x + y }
  }
}
