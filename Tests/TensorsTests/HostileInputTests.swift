// Random and extreme arguments must give a result or a TensorError, never a trap.
import Tensors
import Testing

@Suite struct HostileInputTests {
  /// Sizes that break naive code: negatives, zero, one, and products that overflow Int.
  static let dimensions = [-5, -1, 0, 1, 2, 3, 1 << 31, Int.max]
  static let axes = [Int.min, -4, -3, -1, 0, 1, 2, 3, Int.max]

  @Test func creationWithHostileShapes() throws {
    var rng = RNG(seed: 0)
    for a in Self.dimensions {
      for b in Self.dimensions {
        let shape = [a, b]
        _ = try? Tensor.zeros(shape)
        _ = try? Tensor.eye(a, b)
        _ = try? Tensor.randn(shape, using: &rng)
        _ = try? Tensor.rand(shape, using: &rng)
        _ = try? Tensor(shape: shape, scalars: [1, 2, 3])
        _ = try? Tensor.linspace(0, 1, count: a)
        _ = try? Tensor.arange(Float(a % 1000), Float(b % 1000), step: 0.5)
      }
    }
  }

  @Test func shapeOpsWithHostileArguments() throws {
    let t = try Tensor.arange(0, 24).reshaped([2, 3, 4])
    for axis in Self.axes {
      _ = try? t.sum(axis: axis, keepDims: true)
      _ = try? t.argmax(axis: axis)
      _ = try? t.variance(axis: axis, correction: axis)
      _ = try? t.squeezed(axis: axis)
      _ = try? t.unsqueezed(axis: axis)
      _ = try? t.select(axis, axis: 0)
      _ = try? t.select(1, axis: axis)
      _ = try? Tensor.concat([t, t], axis: axis)
      _ = try? Tensor.stack([t, t], axis: axis)
      _ = try? t.scalar(at: [axis, 0, 0])
      _ = try? t.gatherRows([axis])
      _ = try? t.slice(0..<Swift.max(axis, 0), axis: 1)
      for d in Self.dimensions {
        _ = try? t.reshaped([d, -1])
        _ = try? t.reshaped([axis, d])
        _ = try? t.broadcast(to: [d, 3, 4])
        _ = try? t.sum(toShape: [d, 4])
        _ = try? t.permuted([axis, 0, 1])
      }
    }
  }

  @Test func linearAlgebraWithHostileShapes() throws {
    let shapes: [[Int]] = [
      [], [0], [3], [0, 0], [0, 3], [3, 0], [2, 3], [3, 2], [2, 2, 2], [1, 2, 3, 4],
    ]
    for a in shapes {
      let x = try Tensor.ones(a)
      _ = try? x.svd()
      _ = try? x.qr()
      _ = try? x.eigh()
      _ = try? x.cond()
      _ = try? x.spectralNorm()
      for b in shapes {
        let y = try Tensor.ones(b)
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
          _ = try? x.matmul(y, transposeSelf: ta, transposeOther: tb)
        }
        _ = try? x + y
        _ = try? x.maximum(y)
      }
    }
  }
}
