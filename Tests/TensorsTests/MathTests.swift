// Elementwise math functions against closed forms.
import Foundation
import Tensors
import Testing
import _TestSupport

@Suite struct MathTests {
  let x = Tensor([-2, -0.5, 0, 0.5, 2])

  @Test func transcendental() throws {
    #expect(allClose(x.exp().scalars, x.scalars.map { Foundation.exp($0) }, rtol: 1e-6))
    #expect(allClose(x.abs().log().scalars.suffix(2), [logf(0.5), logf(2)], rtol: 1e-6))
    #expect(allClose(x.tanh().scalars, x.scalars.map { Foundation.tanh($0) }, rtol: 1e-6))
    #expect(
      allClose(x.sigmoid().scalars, x.scalars.map { 1 / (1 + Foundation.exp(-$0)) }, rtol: 1e-6))
    #expect(x.abs().sqrt().scalars == [sqrtf(2), sqrtf(0.5), 0, sqrtf(0.5), sqrtf(2)])
  }

  @Test func tanhAndSigmoidAcrossTheRange() throws {
    let grid =
      try Tensor.linspace(-30, 30, count: 6001) * Tensor([1, 1e-3, 1e-6]).reshaped([3, 1])
    let expected = grid.scalars.map { Float(Foundation.tanh(Double($0))) }
    #expect(allClose(grid.tanh().scalars, expected, rtol: 2e-7, atol: 0))
    let s = Tensor([-200, -20, 0, 20, 200]).sigmoid().scalars
    #expect(s[0] == 0 && s[2] == 0.5 && s[4] == 1)
    #expect(Tensor([.nan]).tanh().scalars[0].isNaN)
    #expect(Tensor([.infinity, -.infinity]).tanh().scalars == [1, -1])
  }

  @Test func piecewise() throws {
    #expect(x.abs().scalars == [2, 0.5, 0, 0.5, 2])
    #expect(x.sign().scalars == [-1, -1, 0, 1, 1])
    #expect(x.relu().scalars == [0, 0, 0, 0.5, 2])
    #expect(try x.clamp(min: -1, max: 1).scalars == [-1, -0.5, 0, 0.5, 1])
    #expect(x.clamped(to: 0...1).scalars == [0, 0, 0, 0.5, 1])
    #expect(throws: TensorError.self) { try x.clamp(min: 1, max: 0) }
    #expect(throws: TensorError.self) { try x.clamp(min: .nan, max: 0) }
    #expect(x.maximum(0).scalars == x.relu().scalars)
    #expect(x.minimum(0).scalars == [-2, -0.5, 0, 0, 0])
    #expect(try x.maximum(Tensor([0])).scalars == [0, 0, 0, 0.5, 2])
    #expect(try x.minimum(-x).scalars == [-2, -0.5, 0, -0.5, -2])
  }

  @Test func customMap() throws {
    #expect(x.map { $0 * $0 + 1 }.scalars == [5, 1.25, 1, 1.25, 5])
    #expect(x.map { $0 }.shape == [5])
  }

  @Test func powers() throws {
    #expect(x.pow(2).scalars == [4, 0.25, 0, 0.25, 4])
    #expect(x.pow(3).scalars == [-8, -0.125, 0, 0.125, 8])
    #expect(x.abs().pow(0.5).scalars == x.abs().sqrt().scalars)
    #expect(try Tensor([2, 3]).pow(Tensor([3, 2])).scalars == [8, 9])
  }

  @Test func nanPropagatesAndIsDetected() throws {
    let y = Tensor([1, .nan, -1])
    #expect(y.relu().scalars[1].isNaN)
    #expect(y.sign().scalars[1].isNaN)
    #expect(y.maximum(0).scalars[1].isNaN)
    #expect(try y.maximum(Tensor([0, 0, 0])).scalars[1].isNaN)
    #expect(try Tensor([0, 0, 0]).maximum(y).scalars[1].isNaN)
    #expect(!y.isFinite)
    #expect(!Tensor([1, .infinity]).isFinite)
    #expect(x.isFinite)
  }
}
