// The fixed-rank integrator: Riemannian gradient steps on U, S, V at a constant rank.
import Tensors

/// Fixed-rank training (DESIGN §6, integrator 2). Autodiff gives ∂L/∂U, ∂L/∂S, ∂L/∂V; the
/// optimiser steps all three, projecting the steps of the bases onto the tangent space and
/// retracting them by QR (both done by `Optimizer` for `.orthonormalColumns` parameters):
///
///     U ← qr(U − h·(I − UUᵀ)·∂L/∂U),   V ← qr(V − h·(I − VVᵀ)·∂L/∂V),
///     S ← S − h·(∂L/∂S + ∇R(S))
final class FixedRankIntegrator: LayerIntegrator {
  let layer: any LowRankLayer
  let regularizer: SpectralRegularizer?

  init(_ layer: any LowRankLayer, regularizer: SpectralRegularizer?) {
    self.layer = layer
    self.regularizer = regularizer
  }

  func frozenParameters() -> [Parameter] { [] }

  func update(name: String, optimizer: Optimizer) throws {
    try addRegularizerGradient(regularizer, to: layer.s)
    for p in [layer.u, layer.s, layer.v] { try optimizer.apply(to: p, name: "\(name).\(p.name)") }
  }

  func finish(name: String, optimizer: Optimizer) throws {}
}

/// Adds ∇R(S) to the core's gradient (no-op without a regulariser or a gradient).
func addRegularizerGradient(_ regularizer: SpectralRegularizer?, to s: Parameter) throws {
  guard let regularizer, regularizer.beta > 0, let g = s.grad else { return }
  s.grad = try g + regularizer.gradient(s.value)
}
