// Norms and condition numbers on matrices with known values.
import Foundation
import Tensors
import Testing
import _TestSupport

@Suite struct NormTests {
  @Test func knownNorms() throws {
    let d = try Tensor([[3, 0], [0, 1]])
    #expect(isClose(Double(try d.spectralNorm()), 3, rtol: 1e-6))
    #expect(try Tensor.ones([2, 2]).frobeniusNorm() == 2)
    #expect(isClose(Double(try d.cond()), 3, rtol: 1e-6))
    let v = Tensor([3, -4])
    #expect(try v.norm() == 5)
    #expect(try v.norm(p: 1) == 7)
    #expect(try v.norm(p: .infinity) == 4)
    #expect(isClose(Double(try v.norm(p: 3)), Foundation.pow(91, 1.0 / 3), rtol: 1e-6))
    #expect(throws: TensorError.self) { try v.norm(p: 0) }
    #expect(throws: TensorError.self) { try v.norm(p: .nan) }
  }

  @Test func singularMatrixHasInfiniteCondition() throws {
    #expect(try Tensor([[1, 2], [2, 4]]).cond() > 1e6)
    #expect(try Tensor([[1, 0], [0, 0]]).cond() == .infinity)
    #expect(try Tensor.eye(4).cond() == 1)
    #expect(throws: TensorError.self) { try Tensor.zeros([0, 0]).cond() }
  }

  @Test func spectralNormOfRandomMatrixMatchesSVD() throws {
    var rng = RNG(seed: 8)
    let a = try Tensor.randn([9, 6], using: &rng)
    #expect(isClose(Double(try a.spectralNorm()), Double(try a.svd().s.scalars[0]), rtol: 1e-6))
    #expect(try a.spectralNorm() <= a.frobeniusNorm())
  }
}
