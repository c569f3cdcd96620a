// The per-example arithmetic of attacks: ascent directions, steps, projections, norms.
import Tensors

/// Batches are `rows` examples of `features` values each, stored contiguously; every
/// normalisation and projection is per example (row), never over the whole batch.
enum Steps {
  /// How a gradient becomes a step direction.
  enum Direction {
    /// sign(g): steepest ascent under ‖·‖∞ (FGSM, PGD-L∞).
    case sign
    /// g / ‖g‖ per example (FGM, PGD-L2); rows with g = 0 get no direction.
    case normalized(Norm)
  }

  /// The step direction of each row of `g`.
  static func direction(_ g: Tensor, rows: Int, _ kind: Direction) throws -> Tensor {
    let features = rows == 0 ? 0 : g.count / rows
    return try Tensor(shape: g.shape) { out in
      guard let o = out.baseAddress else { return }
      g.withUnsafeBufferPointer { p in
        guard let x = p.baseAddress else { return }
        for r in 0..<rows {
          let (row, start) = (x + r * features, o + r * features)
          switch kind {
          case .sign:
            for i in 0..<features { start[i] = row[i] > 0 ? 1 : (row[i] < 0 ? -1 : 0) }
          case .normalized(let norm):
            let size = Steps.norm(row, features, norm)
            let scale = size > 0 && size.isFinite ? Float(1 / size) : 0
            for i in 0..<features { start[i] = row[i] * scale }
          }
        }
      }
    }
  }

  /// `x + α·d` projected onto the ε-ball around `x0` (in `norm`, per row) and onto [0, 1].
  ///
  /// L∞: one clamp into [max(x0 − ε, 0), min(x0 + ε, 1)], the exact projection onto the
  /// intersection. L2: δ = x′ − x0 is shrunk to length ε when longer, then clipped to
  /// [0, 1] (which only shortens δ), as PGD implementations do.
  static func stepAndProject(
    _ x: Tensor, _ d: Tensor, by alpha: Float, around x0: Tensor, epsilon: Float, norm: Norm,
    rows: Int
  ) throws -> Tensor {
    var result = try Tensor(shape: x.shape) { out in
      guard let o = out.baseAddress else { return }
      x.withUnsafeBufferPointer { px in
        d.withUnsafeBufferPointer { pd in
          x0.withUnsafeBufferPointer { p0 in
            guard let a = px.baseAddress, let b = pd.baseAddress, let c = p0.baseAddress else {
              return
            }
            for i in 0..<out.count { o[i] = a[i] + alpha * b[i] }
            if norm == .linf {
              for i in 0..<out.count {
                let low = Swift.max(c[i] - epsilon, 0)
                let high = Swift.min(c[i] + epsilon, 1)
                o[i] = Swift.min(Swift.max(o[i], low), high)
              }
            }
          }
        }
      }
    }
    if norm == .l2 { try projectL2(&result, around: x0, epsilon: epsilon, rows: rows) }
    return result
  }

  /// Shrinks each row's δ = x − x0 to length ≤ ε and clips x to [0, 1], measuring the
  /// result again: Float rounding of x0 + δ can leave ‖δ‖ a few ulps over ε, and the
  /// ball is a guarantee, so such rows are shrunk once more with a little margin.
  static func projectL2(_ x: inout Tensor, around x0: Tensor, epsilon: Float, rows: Int) throws {
    let features = rows == 0 ? 0 : x.count / rows
    x0.withUnsafeBufferPointer { p0 in
      x.withUnsafeMutableBufferPointer { px in
        guard let a = px.baseAddress, let c = p0.baseAddress else { return }
        for r in 0..<rows {
          let (row, origin) = (a + r * features, c + r * features)
          for margin in [1.0, 1 - 1e-6] {
            var total = 0.0
            for i in 0..<features {
              let delta = Double(row[i] - origin[i])
              total += delta * delta
            }
            let length = total.squareRoot()
            guard length > Double(epsilon) else { break }
            let scale = Float(Double(epsilon) / length * margin)
            for i in 0..<features {
              row[i] = Swift.min(Swift.max(origin[i] + (row[i] - origin[i]) * scale, 0), 1)
            }
          }
          for i in 0..<features { row[i] = Swift.min(Swift.max(row[i], 0), 1) }
        }
      }
    }
  }

  /// ‖x′ − x0‖ of each row in `norm`.
  static func norms(_ x: Tensor, _ x0: Tensor, rows: Int, _ norm: Norm) -> [Float] {
    let features = rows == 0 ? 0 : x.count / rows
    var delta = [Float](repeating: 0, count: features)
    return x.withUnsafeBufferPointer { px in
      x0.withUnsafeBufferPointer { p0 in
        (0..<rows).map { r in
          for i in 0..<features { delta[i] = px[r * features + i] - p0[r * features + i] }
          return delta.withUnsafeBufferPointer { d in
            d.baseAddress.map { Float(Steps.norm($0, features, norm)) } ?? 0
          }
        }
      }
    }
  }

  /// ‖row‖ in `norm`, summed in Double.
  static func norm(_ row: UnsafePointer<Float>, _ count: Int, _ norm: Norm) -> Double {
    switch norm {
    case .linf:
      var largest: Float = 0
      for i in 0..<count { largest = Swift.max(largest, Swift.abs(row[i])) }
      return Double(largest)
    case .l2:
      var total = 0.0
      for i in 0..<count { total += Double(row[i]) * Double(row[i]) }
      return total.squareRoot()
    }
  }
}
