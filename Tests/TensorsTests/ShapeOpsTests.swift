import Tensors
// Reshape, squeeze, transpose, permute, slicing, gathering, concatenation and stacking.
import Testing
import _TestSupport

@Suite struct ShapeOpsTests {
  let t: Tensor  // arange(24) as [2, 3, 4]

  init() throws {
    t = try Tensor.arange(0, 24).reshaped([2, 3, 4])
  }

  @Test func reshape() throws {
    #expect(try t.reshaped([6, -1]).shape == [6, 4])
    #expect(try t.reshaped([-1]).shape == [24])
    #expect(t.flattened().shape == [24])
    #expect(throws: TensorError.self) { try t.reshaped([5, -1]) }
    #expect(throws: TensorError.self) { try t.reshaped([-1, -1]) }
    #expect(throws: TensorError.self) { try t.reshaped([-2, -12]) }
    #expect(
      thrownMessage { try t.reshaped([5, 5]) }
        == "reshape: shapes [2, 3, 4] and [5, 5] have different sizes")
    #expect(try Tensor.zeros([0, 3]).reshaped([3, -1]).shape == [3, 0])
  }

  @Test func squeezeAndUnsqueeze() throws {
    let s = try t.reshaped([2, 1, 12, 1])
    #expect(try s.squeezed().shape == [2, 12])
    #expect(try s.squeezed(axis: -1).shape == [2, 1, 12])
    #expect(throws: TensorError.self) { try s.squeezed(axis: 0) }
    #expect(try t.unsqueezed(axis: 0).shape == [1, 2, 3, 4])
    #expect(try t.unsqueezed(axis: -1).shape == [2, 3, 4, 1])
    #expect(throws: TensorError.self) { try t.unsqueezed(axis: 5) }
  }

  @Test func transposeMatrix() throws {
    let m = try Tensor([[1, 2, 3], [4, 5, 6]])
    #expect(m.T.shape == [3, 2])
    #expect(m.T.scalars == [1, 4, 2, 5, 3, 6])
    #expect(m.T.T == m)
    var rng = RNG(seed: 1)
    let big = try Tensor.randn([70, 45], using: &rng)
    for (i, j) in [(0, 0), (69, 44), (33, 40), (5, 31)] {
      #expect(try big.T.scalar(at: [j, i]) == big.scalar(at: [i, j]))
    }
  }

  @Test func permute() throws {
    let p = try t.permuted([2, 0, 1])
    #expect(p.shape == [4, 2, 3])
    for (i, j, k) in [(0, 0, 0), (1, 2, 3), (0, 1, 2), (1, 0, 3)] {
      #expect(try p.scalar(at: [k, i, j]) == t.scalar(at: [i, j, k]))
    }
    #expect(t.transposed().shape == [4, 3, 2])
    #expect(throws: TensorError.self) { try t.permuted([0, 0, 1]) }
    #expect(throws: TensorError.self) { try t.permuted([0, 1]) }
  }

  @Test func slicing() throws {
    let m = try t.reshaped([6, 4])
    #expect(try m.rows(1..<3).scalars == Array((4..<12).map(Float.init)))
    #expect(try m.columns(1..<2).scalars == [1, 5, 9, 13, 17, 21])
    #expect(try t.slice(1..<3, axis: 1).shape == [2, 2, 4])
    #expect(try t.slice(1..<3, axis: 1).scalars.prefix(4) == [4, 5, 6, 7])
    #expect(try m.select(-1).scalars == [20, 21, 22, 23])
    #expect(try m.select(2, axis: 1).scalars == [2, 6, 10, 14, 18, 22])
    #expect(try m.rows(2..<2).shape == [0, 4])
    #expect(throws: TensorError.self) { try m.rows(5..<7) }
    #expect(throws: TensorError.self) { try m.rows(-1..<2) }
    #expect(throws: TensorError.self) { try m.select(6) }
    #expect(throws: TensorError.self) { try Tensor(scalar: 1).rows(0..<1) }
  }

  @Test func gatherRows() throws {
    let m = try t.reshaped([6, 4])
    let g = try m.gatherRows([5, 0, -1])
    #expect(g.shape == [3, 4])
    #expect(g.scalars == [20, 21, 22, 23, 0, 1, 2, 3, 20, 21, 22, 23])
    #expect(throws: TensorError.self) { try m.gatherRows([6]) }
  }

  @Test func concatAndStack() throws {
    let a = try Tensor([[1, 2], [3, 4]])
    let b = try Tensor([[5], [6]])
    let c = try Tensor.concat([a, b], axis: 1)
    #expect(c.shape == [2, 3])
    #expect(c.scalars == [1, 2, 5, 3, 4, 6])
    #expect(try Tensor.concat([a, a]).scalars == [1, 2, 3, 4, 1, 2, 3, 4])
    #expect(
      thrownMessage { try Tensor.concat([a, b]) }
        == "concat: shapes [2, 2] and [2, 1] differ outside axis 0")
    #expect(throws: TensorError.self) { try Tensor.concat([]) }
    let s = try Tensor.stack([a, a * 10], axis: 1)
    #expect(s.shape == [2, 2, 2])
    #expect(s.scalars == [1, 2, 10, 20, 3, 4, 30, 40])
    #expect(try Tensor.stack([Tensor([1, 2]), Tensor([3, 4])]).shape == [2, 2])
    #expect(throws: TensorError.self) { try Tensor.stack([a, b]) }
  }

  @Test func broadcastTo() throws {
    let row = Tensor([1, 2, 3])
    let b = try row.broadcast(to: [2, 3])
    #expect(b.scalars == [1, 2, 3, 1, 2, 3])
    let column = try Tensor([[1], [2]]).broadcast(to: [2, 3])
    #expect(column.scalars == [1, 1, 1, 2, 2, 2])
    #expect(throws: TensorError.self) { try row.broadcast(to: [3, 2]) }
    #expect(throws: TensorError.self) { try row.broadcast(to: [-1, 3]) }
  }
}
