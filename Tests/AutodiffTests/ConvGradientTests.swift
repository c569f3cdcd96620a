// Finite-difference checks of im2col, conv2d (stride, padding), pooling and dropout.
import Autodiff
import Tensors
import Testing

@Suite struct ConvGradientTests {
  @Test(arguments: [(1, 0), (1, 1), (2, 1), (2, 0)])
  func conv2d(geometry: (stride: Int, padding: Int)) throws {
    let x = try uniform([2, 2, 5, 6], seed: 20)
    let w = try uniform([3, 2, 3, 2], seed: 21)
    let b = try uniform([3], seed: 22)
    try checkGradients([x, w, b]) { v in
      try v[0].conv2d(weight: v[1], bias: v[2], stride: geometry.stride, padding: geometry.padding)
    }
  }

  @Test func conv2dMatchesADirectLoop() throws {
    let x = try uniform([2, 3, 6, 5], seed: 23)
    let w = try uniform([4, 3, 3, 3], seed: 24)
    let tape = Tape(recording: false)
    let y = try tape.constant(x).conv2d(weight: tape.constant(w), bias: nil, stride: 2, padding: 1)
      .value
    #expect(y.shape == [2, 4, 3, 3])
    let (xs, ws, ys) = (x.scalars, w.scalars, y.scalars)
    for n in 0..<2 {
      for o in 0..<4 {
        for oy in 0..<3 {
          for ox in 0..<3 {
            var total: Float = 0
            for c in 0..<3 {
              for ki in 0..<3 {
                for kj in 0..<3 {
                  let (iy, ix) = (oy * 2 - 1 + ki, ox * 2 - 1 + kj)
                  guard iy >= 0, iy < 6, ix >= 0, ix < 5 else { continue }
                  total += xs[((n * 3 + c) * 6 + iy) * 5 + ix] * ws[((o * 3 + c) * 3 + ki) * 3 + kj]
                }
              }
            }
            #expect(abs(ys[((n * 4 + o) * 3 + oy) * 3 + ox] - total) < 1e-4)
          }
        }
      }
    }
  }

  @Test func im2col() throws {
    let x = try uniform([2, 2, 4, 4], seed: 25)
    try checkGradients([x]) { v in try v[0].im2col(kernel: (2, 3), stride: 1, padding: 1) }
  }

  @Test func pooling() throws {
    // Distinct values keep each window's maximum unique under the ±ε step.
    var rng = RNG(seed: 26)
    let order = try rng.permutation(2 * 3 * 6 * 6).map { Float($0) * 0.05 }
    let x = try Tensor(shape: [2, 3, 6, 6], scalars: order)
    try checkGradients([x], epsilon: 5e-3) { v in try v[0].maxPool2d(size: 2) }
    try checkGradients([x], epsilon: 5e-3) { v in try v[0].maxPool2d(size: 3, stride: 2) }
    try checkGradients([x]) { v in try v[0].avgPool2d(size: 2) }
    try checkGradients([x]) { v in try v[0].avgPool2d(size: 3, stride: 1) }
  }

  @Test func maxPoolKeepsTheFirstMaximumAndPropagatesNaN() throws {
    let tape = Tape()
    let x = tape.variable(
      try Tensor(shape: [1, 1, 2, 4], scalars: [1, 3, Float.nan, 0, 3, 2, 5, -Float.infinity]),
      requiresGrad: true)
    let y = try x.maxPool2d(size: 2)
    #expect(y.value.scalars[0] == 3)
    #expect(y.value.scalars[1].isNaN)
    try tape.backward(from: y, seed: try Tensor.ones([1, 1, 1, 2]))
    #expect(try #require(x.grad).scalars == [0, 1, 1, 0, 0, 0, 0, 0])
  }

  @Test func wideMaxPoolMatchesADirectLoop() throws {
    // Width 10 → 5 outputs per row: four in SIMD lanes, one scalar; a NaN in one chunk.
    var rng = RNG(seed: 30)
    var x = try Tensor.randn([2, 3, 6, 10], using: &rng)
    try x.setScalar(.nan, at: [1, 2, 3, 5])
    let tape = Tape()
    let input = tape.variable(x, requiresGrad: true)
    let y = try input.maxPool2d(size: 2)
    try tape.backward(from: y, seed: try Tensor.ones(y.shape))
    let (xs, ys, gs) = (x.scalars, y.value.scalars, try #require(input.grad).scalars)
    var expectedGrad = [Float](repeating: 0, count: xs.count)
    for plane in 0..<6 {
      for oy in 0..<3 {
        for ox in 0..<5 {
          let corners = [0, 1, 10, 11].map { plane * 60 + 2 * oy * 10 + 2 * ox + $0 }
          var best = corners[0]
          for c in corners.dropFirst() where !xs[best].isNaN && (xs[c] > xs[best] || xs[c].isNaN) {
            best = c
          }
          let got = ys[(plane * 3 + oy) * 5 + ox]
          #expect(got == xs[best] || (got.isNaN && xs[best].isNaN))
          expectedGrad[best] += 1
        }
      }
    }
    #expect(gs == expectedGrad)
  }

  @Test func threadCountDoesNotChangeResults() throws {
    // Large enough for im2col, col2im, pooling and the layout copy to split across threads.
    // (GEMMs: ThreadedMatmulTests; whole training steps: ThreadCountTests.)
    let x = try uniform([16, 8, 32, 32], seed: 31)
    let m = try uniform([8, 64 * 256], seed: 32)
    let b = try uniform([8], seed: 33)
    func run() throws -> [Tensor] {
      var results: [Tensor] = []
      for op in 0..<3 {
        let tape = Tape()
        let (vx, vm, vb) = (
          tape.variable(x, requiresGrad: true), tape.variable(m, requiresGrad: true),
          tape.variable(b, requiresGrad: true)
        )
        let y =
          switch op {
          case 0: try vx.im2col(kernel: (3, 3), padding: 1)
          case 1: try vx.maxPool2d(size: 2)
          default: try vm.channelsToBatch(n: 64, oh: 16, ow: 16, bias: vb)
          }
        try tape.backward(from: y, seed: try uniform(y.shape, seed: UInt64(40 + op)))
        results += [y.value] + [vx, vm, vb].compactMap(\.grad)
      }
      return results
    }
    let saved = BLAS.threadCount
    defer { BLAS.threadCount = saved }
    BLAS.threadCount = 2
    let parallel = try run()
    BLAS.threadCount = 1
    let serial = try run()
    #expect(parallel.count == 7)
    #expect(parallel == serial)
  }

  @Test func dropoutIsSeededAndDifferentiable() throws {
    let x = try uniform([4, 8], seed: 27)
    try checkGradients([x]) { v in
      var rng = RNG(seed: 5)
      return try v[0].dropout(rate: 0.3, using: &rng)
    }
    let tape = Tape(recording: false)
    var first = RNG(seed: 9)
    var second = RNG(seed: 9)
    let a = try tape.constant(x).dropout(rate: 0.5, using: &first).value
    let b = try tape.constant(x).dropout(rate: 0.5, using: &second).value
    #expect(a == b)
    #expect(a.scalars.contains(0))
    #expect(throws: AutodiffError.self) { try tape.constant(x).dropout(rate: 1, using: &first) }
  }

  @Test func badGeometriesAreErrors() throws {
    let tape = Tape()
    let x = tape.variable(try Tensor.zeros([1, 1, 3, 3]), requiresGrad: true)
    let w = tape.variable(try Tensor.zeros([2, 2, 3, 3]))
    #expect(throws: AutodiffError.self) { try x.conv2d(weight: w, bias: nil) }
    #expect(throws: AutodiffError.self) { try x.maxPool2d(size: 4) }
    #expect(throws: AutodiffError.self) { try x.im2col(kernel: (0, 1)) }
    #expect(throws: AutodiffError.self) { try x.reshaped([9]).maxPool2d(size: 1) }
  }

  @Test func inputGradientsFlowForAttacks() throws {
    // The attacks need ∂loss/∂input through a whole network.
    let tape = Tape()
    let x = tape.variable(try uniform([2, 1, 6, 6], seed: 28), requiresGrad: true)
    let w = tape.constant(try uniform([3, 1, 3, 3], seed: 29))
    let logits = try x.conv2d(weight: w, bias: nil).relu().maxPool2d(size: 2).flattenedBatch()
    let loss = try logits.softmaxCrossEntropy(labels: Tensor([1, 0]))
    try tape.backward(from: loss)
    #expect(try #require(x.grad).shape == [2, 1, 6, 6])
  }
}
