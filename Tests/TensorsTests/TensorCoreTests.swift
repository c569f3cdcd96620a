// Construction, validation, element access and copy-on-write semantics of Tensor.
import Testing
import _TestSupport

@testable import Tensors

@Suite struct TensorCoreTests {
  @Test func constructsFromShapeAndScalars() throws {
    let t = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(t.shape == [2, 3])
    #expect(t.count == 6)
    #expect(t.rank == 2)
    #expect(t.strides == [3, 1])
    #expect(try t.scalar(at: [1, 2]) == 6)
    #expect(try t.scalar(at: [-1, 0]) == 4)
  }

  @Test func rejectsScalarCountMismatch() {
    #expect(throws: TensorError.self) { try Tensor(shape: [2, 2], scalars: [1, 2, 3]) }
    #expect(
      thrownMessage { try Tensor(shape: [2, 2], scalars: [1, 2, 3]) }
        == "Tensor: shape [2, 2] needs 4 scalars, got 3")
  }

  @Test func rejectsNegativeDimensions() {
    #expect(throws: TensorError.self) { try Tensor.zeros([3, -1]) }
  }

  @Test func refusesAbsurdAllocations() {
    #expect(throws: TensorError.self) { try Tensor.zeros([100_000, 100_000]) }
    #expect(throws: TensorError.self) { try Tensor.zeros([Int.max, Int.max, 2]) }
    #expect(
      thrownMessage { try Tensor.ones([1 << 20, 1 << 20]) }
        == "full: shape [1048576, 1048576] has 1099511627776 elements, more than the limit"
        + " of 1073741824 (Tensor.maxElements)")
  }

  @Test func zeroSizedDimensionsAreAllowed() throws {
    let t = try Tensor.zeros([0, 5])
    #expect(t.count == 0)
    #expect(t.sum() == 0)
    #expect(try Tensor.zeros([Int.max, 0, Int.max]).count == 0)
  }

  @Test func elementCapIsSettable() throws {
    let saved = Tensor.maxElements
    defer { Tensor.maxElements = saved }
    Tensor.maxElements = saved * 2
    #expect(try checkedElementCount([saved + 1], operation: "test") == saved + 1)
    Tensor.maxElements = saved
    #expect(throws: TensorError.self) { try checkedElementCount([saved + 1], operation: "test") }
  }

  @Test func nestedArrays() throws {
    let t = try Tensor([[1, 2], [3, 4], [5, 6]])
    #expect(t.shape == [3, 2])
    #expect(t.scalars == [1, 2, 3, 4, 5, 6])
    #expect(throws: TensorError.self) { try Tensor([[1, 2], [3]]) }
    #expect(Tensor([7, 8]).shape == [2])
    #expect(Tensor(scalar: 3).shape == [])
    #expect(try Tensor(scalar: 3).item() == 3)
    #expect(throws: TensorError.self) { try Tensor([1, 2]).item() }
  }

  @Test func indexErrorsAreThrownNotTrapped() throws {
    let t = try Tensor.zeros([2, 3])
    #expect(throws: TensorError.self) { try t.scalar(at: [2, 0]) }
    #expect(throws: TensorError.self) { try t.scalar(at: [0, -4]) }
    #expect(throws: TensorError.self) { try t.scalar(at: [0]) }
    #expect(
      thrownMessage { try t.scalar(at: [0, 3]) } == "index: index 3 is out of range for size 3")
  }

  @Test func copyOnWrite() throws {
    let original = try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
    var copy = original
    try copy.setScalar(9, at: [0, 0])
    #expect(original.scalars == [1, 2, 3, 4])
    #expect(copy.scalars == [9, 2, 3, 4])

    var shared = original
    let sharedBefore = shared.sharesStorage
    #expect(sharedBefore)
    shared.withUnsafeMutableBufferPointer { $0[3] = -1 }
    let sharedAfter = shared.sharesStorage
    #expect(!sharedAfter)
    #expect(original.scalars == [1, 2, 3, 4])

    var view = try original.reshaped([4])
    view += 1
    #expect(original.scalars == [1, 2, 3, 4])
    #expect(view.scalars == [2, 3, 4, 5])
  }

  @Test func uniqueTemporariesAreReused() throws {
    let a = try Tensor.ones([4])
    var b = a * 2
    let shared = b.sharesStorage
    #expect(!shared)
    b.fill(with: 5)
    #expect(a.scalars == [1, 1, 1, 1])
    #expect(b.scalars == [5, 5, 5, 5])
  }

  @Test func initializingWithWritesInPlace() throws {
    let t = try Tensor(shape: [3]) { buffer in
      for i in buffer.indices { buffer[i] = Float(i * i) }
    }
    #expect(t.scalars == [0, 1, 4])
  }

  @Test func equality() throws {
    #expect(try Tensor.ones([2, 2]) == Tensor.full([2, 2], 1))
    #expect(try Tensor.ones([4]) != Tensor.ones([2, 2]))
    let nan = Tensor([.nan])
    #expect(nan != nan)
  }
}

@Suite struct SVDFallbackTests {
  // sgesvd is the fallback when sgesdd does not converge; it must give the same factors
  // (up to the signs of singular vector pairs).
  @Test(arguments: [(7, 5), (5, 7), (40, 40)])
  func gesvdAgreesWithGesdd(m: Int, n: Int) throws {
    var rng = RNG(seed: UInt64(m * 100 + n))
    let a = try Tensor.randn([m, n], using: &rng)
    let (u, s, vt) = try a.svd(routines: ["sgesvd"])
    let reference = try a.svd(routines: ["sgesdd"])
    #expect(zip(s.scalars, reference.s.scalars).allSatisfy { abs($0 - $1) < 1e-4 })
    let rebuilt = try (u * s.reshaped([1, -1])).matmul(vt)
    #expect(zip(rebuilt.scalars, a.scalars).allSatisfy { abs($0 - $1) < 1e-4 })
    let values = try a.singularValues(routines: ["sgesvd"])
    #expect(zip(values.scalars, s.scalars).allSatisfy { abs($0 - $1) < 1e-4 })
  }
}
