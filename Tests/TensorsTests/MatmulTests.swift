import Tensors
// Matrix products against a naive triple loop, transpose flags, batching and errors.
import Testing
import _TestSupport

@Suite struct MatmulTests {
  @Test(arguments: [(1, 1, 1), (3, 4, 5), (7, 2, 9), (16, 33, 8), (64, 17, 65)])
  func matchesNaiveProduct(m: Int, k: Int, n: Int) throws {
    var rng = RNG(seed: UInt64(m * 10_000 + k * 100 + n))
    let a = try Tensor.randn([m, k], using: &rng)
    let b = try Tensor.randn([k, n], using: &rng)
    let c = try a.matmul(b)
    #expect(c.shape == [m, n])
    let expected = naiveMatmul(rowsOf(a), rowsOf(b)).flatMap { $0 }
    #expect(allClose(c.scalars, expected, rtol: 1e-4, atol: 1e-4))
  }

  @Test func transposeFlagsMatchExplicitTransposes() throws {
    var rng = RNG(seed: 11)
    let a = try Tensor.randn([6, 4], using: &rng)
    let b = try Tensor.randn([6, 5], using: &rng)
    let c = try Tensor.randn([3, 4], using: &rng)
    let atb = try a.matmul(b, transposeSelf: true)
    #expect(atb.shape == [4, 5])
    #expect(allClose(atb.scalars, try a.T.matmul(b).scalars, rtol: 1e-5, atol: 1e-5))
    let act = try a.matmul(c, transposeOther: true)
    #expect(act.shape == [6, 3])
    #expect(allClose(act.scalars, try a.matmul(c.T).scalars, rtol: 1e-5, atol: 1e-5))
    let d = try Tensor.randn([5, 3], using: &rng)
    let both = try Tensor.matmul(c, d, transposeA: true, transposeB: true)
    #expect(both.shape == [4, 5])
    #expect(allClose(both.scalars, try c.T.matmul(d.T).scalars, rtol: 1e-5, atol: 1e-5))
  }

  @Test func vectorsAndBatches() throws {
    let m = try Tensor([[1, 2], [3, 4], [5, 6]])
    #expect(try m.matmul(Tensor([1, 1])).scalars == [3, 7, 11])
    #expect(try m.matmul(Tensor([1, 1])).shape == [3])
    #expect(try Tensor([1, 0, 1]).matmul(m).scalars == [6, 8])
    #expect(try Tensor([1, 2]).matmul(Tensor([3, 4])).shape == [])
    let stack = try Tensor.stack([m, m * 2])
    let product = try stack.matmul(Tensor.eye(2))
    #expect(product.shape == [2, 3, 2])
    #expect(product == stack)
    let paired = try stack.matmul(Tensor.stack([Tensor.eye(2), Tensor.eye(2) * 3]))
    #expect(try paired.select(1) == m * 6)
    #expect(throws: TensorError.self) { try stack.matmul(Tensor.zeros([3, 2, 2])) }
  }

  @Test func misalignedShapesNameBoth() throws {
    let a = try Tensor.zeros([3, 4])
    let b = try Tensor.zeros([5, 2])
    #expect(
      thrownMessage { try a.matmul(b) }
        == "matmul: shapes [3, 4] and [5, 2] are not aligned (4 ≠ 5)")
    #expect(
      thrownMessage { try a.matmul(b, transposeOther: true) }
        == "matmul: shapes [3, 4] and [5, 2] are not aligned for A·Bᵀ (4 ≠ 2)")
    #expect(throws: TensorError.self) { try Tensor(scalar: 1).matmul(a) }
  }

  @Test func emptyInnerDimensionGivesZeros() throws {
    let c = try Tensor.zeros([3, 0]).matmul(Tensor.zeros([0, 2]))
    #expect(c.shape == [3, 2])
    #expect(c.scalars == Array(repeating: 0, count: 6))
  }

  @Test func gemmAccumulatesIntoExistingTensor() throws {
    var rng = RNG(seed: 5)
    let x = try Tensor.randn([8, 3], using: &rng)
    let d = try Tensor.randn([8, 2], using: &rng)
    let start = try Tensor.ones([2, 3])
    var g = start
    try Tensor.gemm(transposeA: true, alpha: 0.5, a: d, b: x, beta: 2, c: &g)
    let expected = try d.T.matmul(x) * 0.5 + start * 2
    #expect(allClose(g.scalars, expected.scalars, rtol: 1e-5, atol: 1e-5))
    #expect(start.scalars == Array(repeating: 1, count: 6))  // copy-on-write kept `start`
    var wrong = try Tensor.zeros([3, 3])
    #expect(throws: TensorError.self) { try Tensor.gemm(transposeA: true, a: d, b: x, c: &wrong) }
  }

  @Test func unsafeGEMMWritesASubBlock() throws {
    let a = try Tensor([[1, 2], [3, 4]])
    var c = try Tensor.zeros([2, 4])
    try a.withUnsafeBufferPointer { a in
      try c.withUnsafeMutableBufferPointer { c in
        guard let pa = a.baseAddress, let pc = c.baseAddress else { return }
        try Tensor.unsafeGEMM(
          transposeA: false, transposeB: false, m: 2, n: 2, k: 2, alpha: 1, a: pa, lda: 2,
          b: pa, ldb: 2, beta: 0, c: pc + 2, ldc: 4)
      }
    }
    #expect(c.scalars == [0, 0, 7, 10, 0, 0, 15, 22])
  }
}

/// Random operands of `op(A)·op(B)` (`[m, k]·[k, n]`) and their product on one thread and
/// on two.
private func productsOnOneAndTwoThreads(m: Int, k: Int, n: Int, tA: Bool, tB: Bool, seed: UInt64)
  throws -> (a: Tensor, b: Tensor, serial: Tensor, split: Tensor)
{
  var rng = RNG(seed: seed)
  let a = try Tensor.randn(tA ? [k, m] : [m, k], using: &rng)
  let b = try Tensor.randn(tB ? [n, k] : [k, n], using: &rng)
  let saved = BLAS.threadCount
  defer { BLAS.threadCount = saved }
  BLAS.threadCount = 1
  let serial = try a.matmul(b, transposeSelf: tA, transposeOther: tB)
  BLAS.threadCount = 2
  let split = try a.matmul(b, transposeSelf: tA, transposeOther: tB)
  return (a, b, serial, split)
}

@Suite(.serialized) struct ThreadedMatmulTests {
  // Big enough to split across threads (by rows when C is tall, by columns when wide),
  // with ragged sizes so the last part is not a whole tile.
  @Test(arguments: [
    (300, 70, 61, false, false), (37, 90, 700, true, false), (501, 65, 41, false, true),
    (20, 60, 1003, true, true),
  ])
  func splitProductsEqualTheSingleThreadedOne(m: Int, k: Int, n: Int, tA: Bool, tB: Bool) throws {
    let (_, _, serial, split) = try productsOnOneAndTwoThreads(
      m: m, k: k, n: n, tA: tA, tB: tB, seed: UInt64(m + k + n))
    #expect(split.shape == [m, n])
    // The split is fixed by the sizes — two parts, run in turn on one thread — so the
    // result does not depend on the thread count. (One part per thread did not do: OpenBLAS
    // lays its tiles out from each part's edge, and rounds some tiles differently.)
    #expect(split == serial)
  }

  // A product inside a parallel part stays whole. On one thread the section's parts run
  // in turn, still marked as parts, so the product stays whole there too; unmarked, it
  // would be split, and this shape then rounds ~400 elements differently.
  @Test func productsInsideParallelPartsIgnoreTheThreadCount() throws {
    var rng = RNG(seed: 90)
    let a = try Tensor.randn([64, 784], using: &rng)
    let b = try Tensor.randn([784, 256], using: &rng)
    func insideParts(threads: Int) throws -> [Tensor] {
      let saved = BLAS.threadCount
      defer { BLAS.threadCount = saved }
      BLAS.threadCount = threads
      var products = [Tensor?](repeating: nil, count: 2)
      try products.withUnsafeMutableBufferPointer { out in
        try Parallel.tryForEach(2, work: Int.max) { parts in
          for i in parts { out[i] = try a.matmul(b) }
        }
      }
      return products.compactMap { $0 }
    }
    let serial = try insideParts(threads: 1)
    #expect(serial.count == 2)
    #expect(try insideParts(threads: 2) == serial)
  }
}

@Suite(.serialized) struct DepthSplitMatmulTests {
  // C too small to split by rows or columns, K long enough to split in chunks.
  @Test(arguments: [(20, 40_000, 10, false, true), (7, 20_000, 3, true, false)])
  func thinDeepProductsMatchAndIgnoreTheThreadCount(
    m: Int, k: Int, n: Int, tA: Bool, tB: Bool
  ) throws {
    let (a, b, serial, split) = try productsOnOneAndTwoThreads(
      m: m, k: k, n: n, tA: tA, tB: tB, seed: UInt64(m * n))
    #expect(split == serial)
    let (x, y, c) = (a.scalars, b.scalars, split.scalars)
    for i in 0..<m {
      for j in 0..<n {
        var exact = 0.0
        for p in 0..<k {
          exact += Double(tA ? x[p * m + i] : x[i * k + p]) * Double(tB ? y[j * k + p] : y[p * n + j])
        }
        #expect(abs(Double(c[i * n + j]) - exact) <= 1e-3 * (1 + abs(exact)))
      }
    }
  }
}
