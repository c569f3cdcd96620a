// The rank-adaptive augmented BUG integrator of DLRT: K-, L- and Galerkin S-steps, truncation by ϑ.
import Tensors

/// Rank-adaptive BUG (DESIGN §6, integrator 3; Schotthöfer et al., NeurIPS 2022; the
/// augmented form of Ceruti, Kusch & Lubich). One forward/backward at W₀ = U₀S₀V₀ᵀ gives
/// the layer input X and output gradient Δ; G = ∂L/∂W is never formed, only its thin
/// products G·M and Gᵀ·M. With learning rate h:
///
///     K-step:  K₁ = U₀S₀ − h·G·V₀,    Û = orth([U₀, K₁])      (w = min(2r, n_out, n_in) columns)
///     L-step:  L₁ = V₀S₀ᵀ − h·Gᵀ·U₀,  V̂ = orth([V₀, L₁])
///     S-step:  S̃ = (ÛᵀU₀)·S₀·(V₀ᵀV̂),  S₁ = S̃ − h·(Ûᵀ·G·V̂ + ∇R)
///     truncate: S₁ = P·Σ·Qᵀ, keep the smallest r₁ with ‖(σ_{r₁+1}, …)‖₂ ≤ ϑ‖σ‖₂, clamped
///               to [r_min, r_max];  U₁ = Û·P₁, V₁ = V̂·Q₁, S₁ = Σ₁
///
/// The S-step uses the optimiser's rule (SGD with momentum, Adam…); its moments live in
/// the coordinates of S and are carried through every change of basis by the same
/// projection as S (Adam's second moment through its square root, as the 2025 code does).
///
/// With an augmentation period k > 1, the layer holds the augmented factors for k steps:
/// the first augments and takes the Galerkin S-step, the next ones train only S (U and V
/// fixed), and the last truncates.
final class RankAdaptiveBUG: LayerIntegrator {
  let layer: any LowRankLayer
  let settings: RankAdaptiveSettings
  let regularizer: SpectralRegularizer?
  /// The rank bounds for this layer, resolved against its sizes.
  let minRank: Int, maxRank: Int
  /// The step within the augmentation period (0: the next step augments).
  private(set) var position = 0
  /// The singular values kept and discarded by the last truncation (for tests and metrics).
  private(set) var lastTruncation: (kept: [Float], discarded: [Float])?

  init(_ layer: any LowRankLayer, settings: RankAdaptiveSettings, regularizer: SpectralRegularizer?)
    throws
  {
    self.layer = layer
    self.settings = settings
    self.regularizer = regularizer
    let full = Swift.min(layer.u.value.shape[0], layer.v.value.shape[0])
    maxRank = Swift.min(full, settings.maxRank ?? Swift.max(full / 2, layer.rank))
    minRank = Swift.min(settings.minRank, maxRank)
  }

  /// U and V are updated from X and Δ, never from their own gradients; so is S in a step
  /// that augments (its Galerkin step uses Ûᵀ·G·V̂), which leaves the tape without the
  /// product Δ·(VᵀX)ᵀ that ∂L/∂S would cost — the same product as G·V₀, taken once below.
  /// Only the S-only steps of an augmentation period use ∂L/∂S from autodiff.
  func frozenParameters() -> [Parameter] {
    position == 0 ? [layer.u, layer.s, layer.v] : [layer.u, layer.v]
  }

  func update(name: String, optimizer: Optimizer) throws {
    let last = position == settings.period - 1
    if position == 0 {
      let (uHat, vHat, sHat) = try augmentAndStep(name: name, optimizer: optimizer)
      if last {
        try truncate(s: sHat, uHat: uHat, vHat: vHat, name: name, optimizer: optimizer)
      } else {
        (layer.u.value, layer.s.value, layer.v.value) = (uHat, sHat, vHat)
      }
    } else {
      // S-only step in the augmented bases: ∂L/∂S = ÛᵀGV̂ comes from autodiff.
      try addRegularizerGradient(regularizer, to: layer.s)
      if let g = layer.s.grad {
        try optimizer.update(&layer.s.value, gradient: g, name: "\(name).S")
      }
      if last {
        try truncate(
          s: layer.s.value, uHat: layer.u.value, vHat: layer.v.value, name: name,
          optimizer: optimizer)
      }
    }
    position = last ? 0 : position + 1
  }

  /// Truncates bases left augmented in the middle of a period.
  func finish(name: String, optimizer: Optimizer) throws {
    guard position != 0 else { return }
    try truncate(
      s: layer.s.value, uHat: layer.u.value, vHat: layer.v.value, name: name, optimizer: optimizer)
    position = 0
  }

  /// The K-, L- and Galerkin S-steps: the augmented bases Û, V̂ and the updated core S₁.
  private func augmentAndStep(name: String, optimizer: Optimizer) throws -> (
    Tensor, Tensor, Tensor
  ) {
    let (u0, s0, v0) = (layer.u.value, layer.s.value, layer.v.value)
    let r = s0.shape[0]
    let w = Swift.min(2 * r, u0.shape[0], v0.shape[0])
    let gv0 = try layer.gradientTimesV()  // G·V₀ [n_out, r]
    let gtu0 = try layer.gradientTransposeTimes(u0)  // Gᵀ·U₀ [n_in, r]
    // K- and L-steps. span[U₀, K₁] = span[U₀, G·V₀] (K₁'s part along U₀ is U₀S₀), so the
    // gradient itself is orthonormalised: the same basis without the cancellation of U₀S₀.
    // qr() makes R's diagonal non-negative, so Û's first r columns are U₀ up to rounding;
    // the QR of the whole [U₀, G·V₀] also re-orthonormalises U₀ itself every step, so
    // rounding errors do not pile up in the bases over a run. The two bases are
    // independent, and LAPACK runs one thread per call: they are built concurrently.
    var bases = [try Tensor.concat([u0, gv0], axis: 1), try Tensor.concat([v0, gtu0], axis: 1)]
    try bases.withUnsafeMutableBufferPointer { out in
      let work = (u0.shape[0] + v0.shape[0]) * w * w
      try Parallel.tryForEach(2, work: work) { parts in
        for i in parts { out[i] = try out[i].qr().q.columns(0..<w) }
      }
    }
    let (uHat, vHat) = (bases[0], bases[1])
    // S̃ = (ÛᵀU₀)·S₀·(V₀ᵀV̂) = M·S₀·Nᵀ with M = ÛᵀU₀, N = V̂ᵀV₀ (w × r).
    let m = try uHat.matmul(u0, transposeSelf: true)
    let n = try vHat.matmul(v0, transposeSelf: true)
    var sHat = try m.matmul(s0).matmul(n, transposeOther: true)
    // Ûᵀ·G·V̂ with G·V̂ = [G·V₀ | G·V̂₂]: the first r columns of V̂ are V₀ (to rounding), so
    // only the w − r new directions cost a product with X.
    var gvHat = gv0
    if w > r {
      gvHat = try Tensor.concat([gv0, layer.gradientTimes(vHat.columns(r..<w))], axis: 1)
    }
    var g = try uHat.matmul(gvHat, transposeSelf: true)
    if let regularizer, regularizer.beta > 0 {
      // ∇R at the layer's core S₀, carried into the augmented basis like S₀ itself.
      try g.addScaled(try m.matmul(regularizer.gradient(s0)).matmul(n, transposeOther: true), by: 1)
    }
    transformMoments(of: "\(name).S", in: optimizer) { x in
      try m.matmul(x).matmul(n, transposeOther: true)
    }
    try optimizer.update(&sHat, gradient: g, name: "\(name).S")
    return (uHat, vHat, sHat)
  }

  /// Truncation: the SVD of the augmented core, the smallest rank within ϑ (clamped), and
  /// the new factors U₁ = Û·P₁, S₁ = Σ₁, V₁ = V̂·Q₁ with the moments rotated alike.
  private func truncate(s: Tensor, uHat: Tensor, vHat: Tensor, name: String, optimizer: Optimizer)
    throws
  {
    let (p, sigma, qt) = try s.svd()
    let values = sigma.scalars
    let r1 = Self.truncationRank(values, theta: settings.theta, minRank: minRank, maxRank: maxRank)
    let p1 = try p.columns(0..<r1)
    let q1t = try qt.rows(0..<r1)
    layer.u.value = try uHat.matmul(p1)
    layer.v.value = try vHat.matmul(q1t, transposeOther: true)
    layer.s.value = try diagonal(Array(values[..<r1]))
    lastTruncation = (Array(values[..<r1]), Array(values[r1...]))
    transformMoments(of: "\(name).S", in: optimizer) { x in
      try p1.matmul(x, transposeSelf: true).matmul(q1t, transposeOther: true)
    }
  }

  /// The smallest r₁ with ‖(σ_{r₁+1}, …)‖₂ ≤ ϑ‖σ‖₂ (σ descending), clamped to
  /// [r_min, r_max] and to the number of values.
  static func truncationRank(_ sigma: [Float], theta: Double, minRank: Int, maxRank: Int) -> Int {
    var tail = [Double](repeating: 0, count: sigma.count + 1)  // tail[k] = Σ_{i≥k} σᵢ²
    for k in stride(from: sigma.count - 1, through: 0, by: -1) {
      tail[k] = tail[k + 1] + Double(sigma[k]) * Double(sigma[k])
    }
    let tolerance = theta * theta * tail[0]
    let r1 = tail.firstIndex { $0 <= tolerance } ?? sigma.count
    return Swift.max(1, Swift.min(Swift.max(r1, minRank), maxRank, sigma.count))
  }

  /// Applies a change of basis to the optimiser's moments of S: `project` maps a matrix in
  /// the old coordinates to the new ones. First moments (SGD velocity, Adam's m) transform
  /// like S; Adam's second moment v through its square root, (project(√v))², so it stays a
  /// non-negative estimate of squared gradient entries.
  private func transformMoments(
    of name: String, in optimizer: Optimizer, _ project: (Tensor) throws -> Tensor
  ) {
    guard let moments = optimizer.state[name] else { return }
    let isAdam = if case .sgd = optimizer.rule { false } else { true }
    // A moment that cannot be carried (e.g. NaN in it) is dropped: the optimiser restarts it.
    optimizer.state[name] = try? moments.enumerated().map { i, x in
      if isAdam && i == 1 { return try project(x.map { $0.squareRoot() }).map { $0 * $0 } }
      return try project(x)
    }
  }
}

/// A square diagonal matrix with `values` on its diagonal.
func diagonal(_ values: [Float]) throws -> Tensor {
  let n = values.count
  return try Tensor(shape: [n, n]) { out in
    out.update(repeating: 0)
    for i in 0..<n { out[i * n + i] = values[i] }
  }
}
