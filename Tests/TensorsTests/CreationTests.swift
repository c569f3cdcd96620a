import Tensors
// Creation helpers: zeros, ones, full, eye, arange, linspace.
import Testing

@Suite struct CreationTests {
  @Test func constantTensors() throws {
    #expect(try Tensor.zeros([2, 3]).scalars == Array(repeating: 0, count: 6))
    #expect(try Tensor.ones([3]).scalars == [1, 1, 1])
    #expect(try Tensor.full([2], 2.5).scalars == [2.5, 2.5])
    let like = Tensor.zeros(like: try Tensor.ones([2, 2]))
    #expect(like.shape == [2, 2] && like.sum() == 0)
  }

  @Test func identity() throws {
    #expect(try Tensor.eye(2).scalars == [1, 0, 0, 1])
    let wide = try Tensor.eye(2, 3)
    #expect(wide.shape == [2, 3])
    #expect(wide.scalars == [1, 0, 0, 0, 1, 0])
    #expect(throws: TensorError.self) { try Tensor.eye(-1) }
  }

  @Test func arange() throws {
    #expect(try Tensor.arange(0, 5).scalars == [0, 1, 2, 3, 4])
    #expect(try Tensor.arange(1, 0, step: -0.25).scalars == [1, 0.75, 0.5, 0.25])
    #expect(try Tensor.arange(0, 1, step: 0.3).count == 4)
    #expect(try Tensor.arange(5, 0).count == 0)
    #expect(throws: TensorError.self) { try Tensor.arange(0, 1, step: 0) }
    #expect(throws: TensorError.self) { try Tensor.arange(0, .infinity) }
    #expect(throws: TensorError.self) { try Tensor.arange(0, 1e30, step: 1e-30) }
  }

  @Test func linspace() throws {
    #expect(try Tensor.linspace(0, 1, count: 5).scalars == [0, 0.25, 0.5, 0.75, 1])
    #expect(try Tensor.linspace(2, 3, count: 1).scalars == [2])
    #expect(try Tensor.linspace(2, 3, count: 0).count == 0)
    #expect(throws: TensorError.self) { try Tensor.linspace(0, 1, count: -1) }
  }
}
