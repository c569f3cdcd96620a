// orth([U₀, B]) of the K- and L-steps: U₀ kept, new columns orthonormal, the fallback when B is degenerate.
import Foundation
import Tensors
import Testing

@testable import NeuralNets

@Suite struct AugmentedBasisTests {
  /// max |ÛᵀÛ − I|.
  func orthonormalityDefect(_ q: Tensor) throws -> Float {
    let gram = try q.matmul(q, transposeSelf: true)
    let k = q.shape[1]
    var worst: Float = 0
    for i in 0..<k {
      for j in 0..<k { worst = max(worst, abs(gram.scalars[i * k + j] - (i == j ? 1 : 0))) }
    }
    return worst
  }

  /// max |(I − ÛÛᵀ)·B|: how much of B the basis misses.
  func missedPart(of b: Tensor, by q: Tensor) throws -> Float {
    var rest = b
    try rest.addScaled(try q.matmul(q.matmul(b, transposeSelf: true)), by: -1)
    return rest.scalars.map(abs).max() ?? 0
  }

  func orthonormal(_ n: Int, _ r: Int, seed: UInt64) throws -> Tensor {
    var rng = RNG(seed: seed)
    return try Tensor.randn([n, r], using: &rng).qr().q
  }

  @Test(arguments: [(800, 38, 76), (50, 25, 50), (20, 10, 20), (12, 8, 12)])
  func keepsU0AndSpansB(n: Int, r: Int, width: Int) throws {
    let u0 = try orthonormal(n, r, seed: 1)
    var rng = RNG(seed: 2)
    let b = try Tensor.randn([n, r], using: &rng)
    let q = try augmentedBasis(u0, b, width: width)
    #expect(q.shape == [n, width])
    #expect(try q.columns(0..<r).scalars == u0.scalars)
    #expect(try orthonormalityDefect(q) <= 1e-5)
    if width == 2 * r { #expect(try missedPart(of: b, by: q) <= 1e-4) }
  }

  /// Columns of B scaled from 1 down to 1e-6, as gradient directions are: the QR of the
  /// remainder leaves traces of U₀ that the Cholesky re-orthonormalisation removes.
  @Test func illConditionedDirections() throws {
    let (n, r) = (300, 20)
    let u0 = try orthonormal(n, r, seed: 5)
    var rng = RNG(seed: 6)
    let scales = try Tensor(shape: [r, r]) { out in
      out.update(repeating: 0)
      for j in 0..<r { out[j * r + j] = Float(pow(10, -6 * Double(j) / Double(r - 1))) }
    }
    let b = try Tensor.randn([n, r], using: &rng).matmul(scales)
    let q = try augmentedBasis(u0, b, width: 2 * r)
    #expect(try q.columns(0..<r).scalars == u0.scalars)
    #expect(try orthonormalityDefect(q) <= 1e-5)
    #expect(try missedPart(of: b, by: q) <= 1e-5)
  }

  /// B = 0, B inside span(U₀), B with equal columns: the QR of the remainder has arbitrary
  /// columns there, and the basis must still be orthonormal (the fallback path).
  @Test(arguments: ["zero", "inside", "repeated"])
  func degenerateDirectionsStillGiveAnOrthonormalBasis(_ kind: String) throws {
    let (n, r) = (40, 6)
    let u0 = try orthonormal(n, r, seed: 3)
    var rng = RNG(seed: 4)
    let b: Tensor
    switch kind {
    case "zero": b = try Tensor.zeros([n, r])
    case "inside": b = try u0.matmul(try Tensor.randn([r, r], using: &rng))
    default:
      let column = try Tensor.randn([n, 1], using: &rng)
      b = try Tensor.concat(Array(repeating: column, count: r), axis: 1)
    }
    let q = try augmentedBasis(u0, b, width: 2 * r)
    #expect(q.shape == [n, 2 * r])
    #expect(try orthonormalityDefect(q) <= 1e-5)
    #expect(try missedPart(of: u0, by: q) <= 1e-5)
    #expect(try missedPart(of: b, by: q) <= 1e-4)
  }
}
