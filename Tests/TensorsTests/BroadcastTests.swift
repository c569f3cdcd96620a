import Tensors
// Elementwise arithmetic with NumPy broadcasting, in-place forms, and comparison masks.
import Testing
import _TestSupport

@Suite struct BroadcastTests {
  let m: Tensor

  init() throws {
    m = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
  }

  @Test func sameShape() throws {
    #expect(try (m + m).scalars == [2, 4, 6, 8, 10, 12])
    #expect(try (m - m).scalars == Array(repeating: 0, count: 6))
    #expect(try (m * m).scalars == [1, 4, 9, 16, 25, 36])
    #expect(try (m / m).scalars == Array(repeating: 1, count: 6))
  }

  @Test func scalarOperands() throws {
    #expect((m + 1).scalars == [2, 3, 4, 5, 6, 7])
    #expect((10 - m).scalars == [9, 8, 7, 6, 5, 4])
    #expect((m * 2).scalars == [2, 4, 6, 8, 10, 12])
    #expect((6 / m).scalars == [6, 3, 2, 1.5, 1.2, 1])
    #expect((-m).scalars == [-1, -2, -3, -4, -5, -6])
    #expect(try (m + Tensor(scalar: 1)).shape == [2, 3])
    #expect(try (Tensor([[1]]) + Tensor([1, 2, 3])).shape == [1, 3])
  }

  @Test func rowAndColumnBroadcast() throws {
    let row = Tensor([10, 20, 30])
    #expect(try (m + row).scalars == [11, 22, 33, 14, 25, 36])
    let column = try Tensor([[100], [200]])
    #expect(try (m + column).scalars == [101, 102, 103, 204, 205, 206])
    #expect(try (column - m).scalars == [99, 98, 97, 196, 195, 194])
  }

  @Test func outerBroadcast() throws {
    let column = try Tensor([1, 2, 3]).reshaped([3, 1])
    let row = Tensor([10, 20])
    let outer = try column * row
    #expect(outer.shape == [3, 2])
    #expect(outer.scalars == [10, 20, 20, 40, 30, 60])
  }

  @Test func higherRankBroadcastMatchesNaiveLoop() throws {
    var rng = RNG(seed: 3)
    let a = try Tensor.randn([2, 1, 4, 3], using: &rng)
    let b = try Tensor.randn([5, 1, 3], using: &rng)
    let c = try a - b
    #expect(c.shape == [2, 5, 4, 3])
    for i in 0..<2 {
      for j in 0..<5 {
        for k in 0..<4 {
          for l in 0..<3 {
            let expected = try a.scalar(at: [i, 0, k, l]) - b.scalar(at: [j, 0, l])
            #expect(try c.scalar(at: [i, j, k, l]) == expected)
          }
        }
      }
    }
  }

  @Test func incompatibleShapesThrowNamingBoth() {
    #expect(throws: TensorError.self) { try m + Tensor([1, 2]) }
    #expect(
      thrownMessage { try m * Tensor([1, 2, 3, 4]) }
        == "multiply: shapes [2, 3] and [4] cannot be broadcast together")
  }

  @Test func inPlace() throws {
    var a = m
    try a += Tensor([1, 1, 1])
    #expect(a.scalars == [2, 3, 4, 5, 6, 7])
    #expect(m.scalars == [1, 2, 3, 4, 5, 6])
    a *= 2
    #expect(a.scalars == [4, 6, 8, 10, 12, 14])
    var row = Tensor([1, 2, 3])
    #expect(throws: TensorError.self) { try row += m }
    try row.addScaled(Tensor([1, 1, 1]), by: -0.5)
    #expect(row.scalars == [0.5, 1.5, 2.5])
    #expect(throws: TensorError.self) { try row.addScaled(m, by: 1) }
  }

  @Test func comparisonsGiveMasks() throws {
    #expect((m .> 3).scalars == [0, 0, 0, 1, 1, 1])
    #expect((m .<= 2).scalars == [1, 1, 0, 0, 0, 0])
    #expect((m .== 5).scalars == [0, 0, 0, 0, 1, 0])
    #expect(try (m .< Tensor([2, 2, 4])).scalars == [1, 0, 1, 0, 0, 0])
    #expect(try (m .!= m).sum() == 0)
    #expect(try (m .>= m).sum() == 6)
  }

  @Test func emptyOperands() throws {
    let empty = try Tensor.zeros([0, 3])
    #expect(try (empty + Tensor([1, 2, 3])).shape == [0, 3])
    #expect(throws: TensorError.self) { try empty + Tensor([1, 2]) }
  }
}
