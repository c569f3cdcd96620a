// patchProduct (F·X without forming X whole) against im2col + matmul, across blocks and threads.
import Autodiff
import Tensors
import Testing

@Suite(.serialized) struct PatchProductTests {
  /// Values and gradients of `op(F)·im2col(x)` by the blocked op and by the plain ops.
  private func both(
    x: Tensor, f: Tensor, transposed: Bool, kernel: Int, stride: Int, padding: Int, seed: UInt64
  ) throws -> (blocked: [Tensor], plain: [Tensor]) {
    func run(blocked: Bool) throws -> [Tensor] {
      let tape = Tape()
      let (vx, vf) = (tape.variable(x, requiresGrad: true), tape.variable(f, requiresGrad: true))
      let y =
        blocked
        ? try vx.patchProduct(
          vf, transposed: transposed, kernel: (kernel, kernel), stride: stride, padding: padding)
        : try vf.matmul(
          vx.im2col(kernel: (kernel, kernel), stride: stride, padding: padding),
          transposeSelf: transposed)
      try tape.backward(from: y, seed: try uniform(y.shape, seed: seed))
      return [y.value] + [vx, vf].compactMap(\.grad)
    }
    return (try run(blocked: true), try run(blocked: false))
  }

  private func close(_ a: [Tensor], _ b: [Tensor]) -> Bool {
    a.count == b.count
      && zip(a, b).allSatisfy { p, q in
        p.shape == q.shape
          && zip(p.scalars, q.scalars).allSatisfy { abs($0 - $1) <= 1e-4 * (1 + abs($1)) }
      }
  }

  // 40 images of 16 channels, 3×3 windows: 144 × 100 scalars per image, so the batch
  // spans three blocks (18 images each) — products must be stitched and summed across them.
  @Test(arguments: [(false, 1, 0), (true, 1, 0), (false, 2, 1), (true, 1, 1)])
  func matchesIm2colThenMatmul(transposed: Bool, stride: Int, padding: Int) throws {
    let x = try uniform([40, 16, 12, 12], seed: 70)
    let patch = 16 * 9
    let f = try uniform(transposed ? [patch, 6] : [6, patch], seed: 71)
    let (blocked, plain) = try both(
      x: x, f: f, transposed: transposed, kernel: 3, stride: stride, padding: padding, seed: 72)
    #expect(blocked.count == 3)
    #expect(close(blocked, plain))
  }

  @Test func finiteDifferences() throws {
    let x = try uniform([2, 2, 5, 4], seed: 73)
    try checkGradients([x, try uniform([8, 3], seed: 74)]) { v in
      try v[0].patchProduct(v[1], transposed: true, kernel: (2, 2), stride: 1, padding: 0)
    }
    try checkGradients([x, try uniform([3, 18], seed: 75)]) { v in
      try v[0].patchProduct(v[1], transposed: false, kernel: (3, 3), stride: 2, padding: 1)
    }
  }

  @Test func threadCountDoesNotChangeResults() throws {
    let x = try uniform([40, 16, 12, 12], seed: 76)
    let f = try uniform([144, 5], seed: 77)
    let saved = BLAS.threadCount
    defer { BLAS.threadCount = saved }
    BLAS.threadCount = 2
    let parallel = try both(x: x, f: f, transposed: true, kernel: 3, stride: 1, padding: 0, seed: 78)
    BLAS.threadCount = 1
    let serial = try both(x: x, f: f, transposed: true, kernel: 3, stride: 1, padding: 0, seed: 78)
    #expect(parallel.blocked == serial.blocked)
  }

  @Test func patchMatrixProductsMatchTheFormedMatrix() throws {
    let x = try uniform([40, 16, 12, 12], seed: 79)
    let patches = try PatchMatrix(input: x, kernel: (3, 3), stride: 1, padding: 1)
    let cols = try Tape(recording: false).constant(x).im2col(kernel: (3, 3), padding: 1).value
    let m = try uniform([144, 4], seed: 80)
    let b = try uniform([cols.shape[1], 3], seed: 81)
    let bt = try uniform([3, cols.shape[1]], seed: 82)
    let pairs = [
      (try patches.timesTranspose(right: bt), try cols.matmul(bt, transposeOther: true)),
      (try patches.timesTranspose(left: bt), try bt.matmul(cols, transposeOther: true)),
    ]
    let delta = try uniform([5, cols.shape[1]], seed: 83)
    let mOut = try uniform([5, 2], seed: 84)
    let gradientPairs = [
      (
        try patches.kernelGradientTimes(outputGradient: delta, m),
        try delta.matmul(cols.matmul(m, transposeSelf: true))
      ),
      (
        try patches.kernelGradientTransposeTimes(outputGradient: delta, mOut),
        try cols.matmul(delta.matmul(mOut, transposeSelf: true))
      ),
    ]
    for (blocked, plain) in pairs + gradientPairs { #expect(close([blocked], [plain])) }
    #expect(throws: TensorError.self) { try patches.kernelGradientTimes(outputGradient: m, m) }
    #expect(throws: TensorError.self) { try patches.timesTranspose(right: b) }
    #expect(throws: TensorError.self) { try patches.leftProduct(m, transposed: false) }
  }
}
