// CondLR (Savostianova et al., NeurIPS 2023): fixed-rank training with κ(S) ≤ κ_max = 1 + τ.
import Tensors

/// The CondLR integrator (DESIGN §6, integrator 4). Each step, with κ = κ(S) of the current
/// core (≤ κ_max after the previous step):
///
///     U ← qr(U − h·κ⁻²·(I − UUᵀ)·∂L/∂U),   V ← qr(V − h·κ⁻²·(I − VVᵀ)·∂L/∂V)
///     S ← S − h·(∂L/∂S + ∇R(S)),  then  S = P·diag(s)·Qᵀ,  m = mean(s),
///     e = m·(κ_max − 1)/(κ_max + 1),  sᵢ ← clamp(sᵢ, m − e, m + e),  S ← P·diag(s)·Qᵀ
///
/// so κ(S) ≤ (m + e)/(m − e) = κ_max. With τ = 0 the core becomes the scaled orthogonal
/// matrix S ← √(‖S‖²_F / r)·P·Qᵀ (the nearest orthogonal matrix, scaled to keep ‖S‖_F).
final class CondLRIntegrator: LayerIntegrator {
  let layer: any LowRankLayer
  let kappaMax: Double
  let regularizer: SpectralRegularizer?

  init(_ layer: any LowRankLayer, tau: Double, regularizer: SpectralRegularizer?) {
    self.layer = layer
    self.kappaMax = 1 + tau
    self.regularizer = regularizer
  }

  func frozenParameters() -> [Parameter] { [] }

  func update(name: String, optimizer: Optimizer) throws {
    // κ(S)⁻² scales the basis directions; the optimiser then tangent-projects them.
    let sigma = try layer.s.value.singularValues().scalars
    if let top = sigma.first, let bottom = sigma.last, top > 0 {
      let scale = (bottom / top) * (bottom / top)
      for p in [layer.u, layer.v] { p.grad = p.grad.map { $0 * scale } }
    }
    try addRegularizerGradient(regularizer, to: layer.s)
    for p in [layer.u, layer.s, layer.v] { try optimizer.apply(to: p, name: "\(name).\(p.name)") }
    layer.s.value = try Self.condition(layer.s.value, kappaMax: kappaMax)
  }

  func finish(name: String, optimizer: Optimizer) throws {}

  /// The core with its singular values clamped into [m − e, m + e] (scaled orthogonal for
  /// κ_max = 1). A zero core is returned unchanged (its κ is undefined).
  static func condition(_ s: Tensor, kappaMax: Double) throws -> Tensor {
    let (p, sigma, qt) = try s.svd()
    var values = sigma.scalars
    guard !values.isEmpty else { return s }
    let m = values.reduce(0, +) / Float(values.count)
    guard m > 0 else { return s }
    if kappaMax <= 1 {
      // τ = 0: S ← √(‖S‖²_F / r)·P·Qᵀ.
      let rms = (values.reduce(0) { $0 + $1 * $1 } / Float(values.count)).squareRoot()
      values = values.map { _ in rms }
    } else {
      // e = m(κ_max − 1)/(κ_max + 1), sᵢ ← clamp(sᵢ, m − e, m + e).
      let e = m * Float((kappaMax - 1) / (kappaMax + 1))
      values = values.map { Swift.min(Swift.max($0, m - e), m + e) }
    }
    return try p.scalingColumns(by: values).matmul(qt)
  }
}

extension Tensor {
  /// The matrix with column j multiplied by `factors[j]` (A·diag(f), without forming diag(f)).
  func scalingColumns(by factors: [Float]) throws -> Tensor {
    guard rank == 2, shape[1] == factors.count else {
      throw TensorError.shapeMismatch(
        operation: "scalingColumns", lhs: shape, rhs: [factors.count], reason: "differ in columns")
    }
    var out = self
    let columns = shape[1]
    out.withUnsafeMutableBufferPointer { p in
      for i in 0..<shape[0] {
        for j in 0..<columns { p[i * columns + j] *= factors[j] }
      }
    }
    return out
  }
}
