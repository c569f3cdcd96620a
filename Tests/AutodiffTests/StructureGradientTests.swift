// Finite-difference checks of reductions, shape ops, matmul, linear and softmax rules.
import Autodiff
import Foundation
import Tensors
import Testing

@Suite struct StructureGradientTests {
  @Test func reductions() throws {
    let x = try uniform([2, 3, 4], seed: 10)
    try checkGradients([x]) { v in try v[0].sum() }
    try checkGradients([x]) { v in try v[0].mean() }
    try checkGradients([x]) { v in try v[0].sum(axes: [1]) }
    try checkGradients([x]) { v in try v[0].sum(axes: [0, -1], keepDims: true) }
    try checkGradients([x]) { v in try v[0].mean(axes: [2]) }
    let t = try uniform([2, 3, 4], seed: 11)
    try checkGradients([x, t]) { v in try v[0].mse(v[1]) }
  }

  @Test func shapeOps() throws {
    let x = try uniform([2, 3, 4], seed: 12)
    let y = try uniform([2, 2, 4], seed: 13)
    try checkGradients([x]) { v in try v[0].reshaped([6, -1]) }
    try checkGradients([x]) { v in try v[0].permuted([2, 0, 1]) }
    try checkGradients([x]) { v in try v[0].transposed() }
    try checkGradients([x]) { v in try v[0].slice(1..<3, axis: 1) }
    try checkGradients([x, y]) { v in try Variable.concat([v[0], v[1], v[0]], axis: 1) }
    try checkGradients([x]) { v in try v[0].flattenedBatch() }
  }

  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func matmulWithTransposeFlags(flags: (Bool, Bool)) throws {
    let a = try uniform(flags.0 ? [4, 3] : [3, 4], seed: 14)
    let b = try uniform(flags.1 ? [5, 4] : [4, 5], seed: 15)
    try checkGradients([a, b]) { v in
      try v[0].matmul(v[1], transposeSelf: flags.0, transposeOther: flags.1)
    }
  }

  @Test func linearMatchesMatmulPlusBias() throws {
    let x = try uniform([5, 4], seed: 16)
    let w = try uniform([3, 4], seed: 17)
    let b = try uniform([3], seed: 18)
    try checkGradients([x, w, b]) { v in try v[0].linear(weight: v[1], bias: v[2]) }
    try checkGradients([x, w]) { v in try v[0].linear(weight: v[1], bias: nil) }
    let tape = Tape(recording: false)
    let fused = try tape.constant(x).linear(weight: tape.constant(w), bias: tape.constant(b))
    let plain = try x.matmul(w, transposeOther: true) + b
    #expect(fused.value.scalars.elementsEqual(plain.scalars) { abs($0 - $1) < 1e-5 })
  }

  @Test func softmaxFamily() throws {
    let x = try uniform([3, 5], seed: 19, low: -2, high: 2)
    try checkGradients([x]) { v in try v[0].softmax() }
    try checkGradients([x]) { v in try v[0].logSoftmax() }
    let labels = Tensor([4, 0, 2])
    try checkGradients([x]) { v in try v[0].softmaxCrossEntropy(labels: labels) }
    let soft = try v2(x)
    try checkGradients([x]) { v in try v[0].softmaxCrossEntropy(labels: soft) }
  }

  /// A target distribution: the softmax of other logits.
  private func v2(_ x: Tensor) throws -> Tensor {
    let tape = Tape(recording: false)
    return try tape.constant(x * 0.5).softmax().value
  }

  @Test func crossEntropyIsStableAndMatchesTheDefinition() throws {
    let tape = Tape(recording: false)
    let huge = try tape.constant(Tensor([[1000, 0, -1000], [0, 0, 0]]))
    let loss = try huge.softmaxCrossEntropy(labels: Tensor([0, 2])).value.item()
    // Row 1: −log softmax = 0; row 2: log 3. Mean: log(3)/2.
    #expect(abs(loss - Float(log(3.0) / 2)) < 1e-5)
  }

  @Test func badLabelsAreErrors() throws {
    let tape = Tape()
    let logits = tape.variable(try Tensor.zeros([2, 3]), requiresGrad: true)
    #expect(throws: AutodiffError.self) { try logits.softmaxCrossEntropy(labels: Tensor([0, 3])) }
    #expect(throws: AutodiffError.self) {
      try logits.softmaxCrossEntropy(labels: Tensor([0.5, 1]))
    }
    #expect(throws: AutodiffError.self) { try logits.softmaxCrossEntropy(labels: Tensor([0])) }
  }
}
