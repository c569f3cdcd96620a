import Tensors
// SVD, QR and symmetric eigendecomposition: reconstructions, orthonormality, order, signs.
import Testing
import _TestSupport

@Suite struct DecompositionTests {
  @Test(arguments: [[5, 3], [3, 5], [8, 8], [1, 4], [40, 12]])
  func svdReconstructs(shape: [Int]) throws {
    var rng = RNG(seed: 42)
    let a = try Tensor.randn(shape, using: &rng)
    let (u, s, vt) = try a.svd()
    let k = shape.min() ?? 0
    #expect(u.shape == [shape[0], k])
    #expect(s.shape == [k])
    #expect(vt.shape == [k, shape[1]])
    let rebuilt = try u.matmul(diagonal(s)).matmul(vt)
    #expect(try (rebuilt - a).frobeniusNorm() / a.frobeniusNorm() < 1e-5)
    #expect(try orthonormalityError(columnsOf: u) < 1e-5)
    #expect(try orthonormalityError(columnsOf: vt.T) < 1e-5)
    let values = s.scalars
    #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 })
    #expect(values.allSatisfy { $0 >= 0 })
    #expect(allClose(try a.singularValues().scalars, values, rtol: 1e-5, atol: 1e-6))
  }

  @Test func svdOfKnownMatrix() throws {
    let a = try Tensor([[3, 0], [0, -4]])
    #expect(allClose(try a.svd().s.scalars, [4, 3], rtol: 1e-6))
  }

  @Test func svdRejectsBadInput() throws {
    #expect(throws: TensorError.self) { try Tensor([1, 2, 3]).svd() }
    #expect(
      thrownMessage { try Tensor([[1, .nan], [0, 1]]).svd() }
        == "svd: the input contains NaN or infinity")
    let (u, s, vt) = try Tensor.zeros([0, 3]).svd()
    #expect(u.shape == [0, 0] && s.shape == [0] && vt.shape == [0, 3])
  }

  @Test(arguments: [[6, 4], [4, 6], [5, 5], [30, 8]])
  func qrReconstructs(shape: [Int]) throws {
    var rng = RNG(seed: 9)
    let a = try Tensor.randn(shape, using: &rng)
    let (q, r) = try a.qr()
    let k = shape.min() ?? 0
    #expect(q.shape == [shape[0], k])
    #expect(r.shape == [k, shape[1]])
    #expect(try (q.matmul(r) - a).abs().max() < 1e-5)
    #expect(try orthonormalityError(columnsOf: q) < 1e-5)
    for i in 0..<k {
      #expect(try r.scalar(at: [i, i]) >= 0)
      for j in 0..<i { #expect(try r.scalar(at: [i, j]) == 0) }
    }
  }

  @Test func qrOfOrthonormalBasisIsIdentityRetraction() throws {
    var rng = RNG(seed: 2)
    let (basis, _) = try Tensor.randn([10, 3], using: &rng).qr()
    let (q, r) = try basis.qr()
    #expect(try (q - basis).abs().max() < 1e-5)
    #expect(try (r - Tensor.eye(3)).abs().max() < 1e-5)
  }

  @Test func eighDiagonalisesSymmetricMatrix() throws {
    var rng = RNG(seed: 4)
    let x = try Tensor.randn([7, 5], using: &rng)
    let a = try x.matmul(x, transposeSelf: true)  // 5 × 5, symmetric positive semidefinite
    let (values, vectors) = try a.eigh()
    #expect(values.shape == [5] && vectors.shape == [5, 5])
    let w = values.scalars
    #expect(zip(w, w.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(try orthonormalityError(columnsOf: vectors) < 1e-5)
    let lhs = try a.matmul(vectors)
    let rhs = try vectors * values  // scales column i by λᵢ
    #expect(try (lhs - rhs).abs().max() < 1e-4)
    #expect(allClose(try Tensor([[2, 1], [1, 2]]).eigh().values.scalars, [1, 3], rtol: 1e-6))
    #expect(throws: TensorError.self) { try Tensor.zeros([2, 3]).eigh() }
  }

  @Test func eighReadsOnlyTheLowerTriangle() throws {
    let lower = try Tensor([[2, 99], [1, 2]])
    #expect(allClose(try lower.eigh().values.scalars, [1, 3], rtol: 1e-6))
  }
}
