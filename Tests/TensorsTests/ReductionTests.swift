import Tensors
// Reductions over all scalars and along an axis, and summing back to a broadcast shape.
import Testing
import _TestSupport

@Suite struct ReductionTests {
  let m: Tensor  // [[1, 5, 3], [4, 2, 6]]

  init() throws {
    m = try Tensor([[1, 5, 3], [4, 2, 6]])
  }

  @Test func wholeTensor() throws {
    #expect(m.sum() == 21)
    #expect(m.mean() == 3.5)
    #expect(try m.max() == 6)
    #expect(try m.min() == 1)
    #expect(try m.argmax() == 5)
    #expect(try m.argmin() == 0)
    #expect(isClose(Double(m.variance()), 35.0 / 12.0, rtol: 1e-6))
    #expect(isClose(Double(m.variance(correction: 1)), 3.5, rtol: 1e-6))
    #expect(isClose(Double(m.std()), (35.0 / 12.0).squareRoot(), rtol: 1e-6))
    #expect(m.variance(correction: 6).isNaN)
    #expect(m.variance(correction: Int.min) < 1e-15)  // no overflow, just a huge divisor
    #expect(try m.variance(axis: 0, correction: Int.min).max() < 1e-15)
  }

  @Test func alongAxes() throws {
    #expect(try m.sum(axis: 0).scalars == [5, 7, 9])
    #expect(try m.sum(axis: 1).scalars == [9, 12])
    #expect(try m.sum(axis: -1, keepDims: true).shape == [2, 1])
    #expect(try m.mean(axis: 0).scalars == [2.5, 3.5, 4.5])
    #expect(try m.max(axis: 0).scalars == [4, 5, 6])
    #expect(try m.min(axis: 1).scalars == [1, 2])
    #expect(try m.argmax(axis: 1).scalars == [1, 2])
    #expect(try m.argmin(axis: 0).scalars == [0, 1, 0])
    #expect(try m.argmax(axis: 0, keepDims: true).shape == [1, 3])
    #expect(try m.variance(axis: 0).scalars == [2.25, 2.25, 2.25])
    #expect(try m.std(axis: 1, correction: 1).scalars == [2, 2])
  }

  @Test func threeDimensionalAxis() throws {
    let t = try Tensor.arange(0, 24).reshaped([2, 3, 4])
    let s = try t.sum(axis: 1)
    #expect(s.shape == [2, 4])
    #expect(s.scalars == [12, 15, 18, 21, 48, 51, 54, 57])
  }

  @Test func errors() throws {
    #expect(
      thrownMessage { try m.sum(axis: 2) }
        == "sum: axis 2 is out of range for a tensor of rank 2")
    let empty = try Tensor.zeros([0, 3])
    #expect(throws: TensorError.self) { try empty.max() }
    #expect(throws: TensorError.self) { try empty.argmax(axis: 0) }
    #expect(try empty.max(axis: 1).shape == [0])
    #expect(empty.mean().isNaN)
  }

  @Test func nanPropagatesThroughMax() throws {
    let t = Tensor([1, .nan, 3])
    #expect(try t.max().isNaN)
    #expect(try t.argmax() == 1)
  }

  @Test func sumIsAccurate() throws {
    // 10⁶ copies of 0.1: a Float running sum drifts by about 1%.
    let t = try Tensor.full([1_000_000], 0.1)
    #expect(isClose(Double(t.sum()), 100_000, rtol: 1e-6))
    #expect(isClose(Double(t.mean()), 0.1, rtol: 1e-6))
  }

  @Test func sumToBroadcastShape() throws {
    let g = try Tensor.ones([4, 2, 3])
    #expect(try g.sum(toShape: [3]).scalars == [8, 8, 8])
    #expect(try g.sum(toShape: [2, 1]).scalars == [12, 12])
    #expect(try g.sum(toShape: [1, 2, 3]).shape == [1, 2, 3])
    #expect(try g.sum(toShape: []).item() == 24)
    #expect(throws: TensorError.self) { try g.sum(toShape: [4]) }
  }
}
