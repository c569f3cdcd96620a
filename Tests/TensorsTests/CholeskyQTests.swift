// Tensor.choleskyQ: Q = A·R⁻¹ from the Cholesky factor of AᵀA.
import Testing

@testable import Tensors

@Suite struct CholeskyQTests {
  @Test func reproducesTheQROfAWellConditionedMatrix() throws {
    var rng = RNG(seed: 1)
    let a = try Tensor.randn([200, 12], using: &rng)
    let q = try #require(try a.choleskyQ())
    let householder = try a.qr().q  // same signs: both have R with a positive diagonal
    for (x, y) in zip(q.scalars, householder.scalars) { #expect(abs(x - y) <= 1e-4) }
  }

  @Test func rankDeficientGivesNil() throws {
    var rng = RNG(seed: 2)
    let column = try Tensor.randn([50, 1], using: &rng)
    let a = try Tensor.concat([column, column, try Tensor.zeros([50, 1])], axis: 1)
    #expect(try a.choleskyQ() == nil)
  }

  @Test func badInputsThrow() throws {
    #expect(throws: TensorError.self) { try Tensor.zeros([2, 5]).choleskyQ() }
    #expect(throws: TensorError.self) { try Tensor([[.nan, 1], [2, 3]]).choleskyQ() }
  }
}
