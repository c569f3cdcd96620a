// Weight initialisation: Kaiming (He) normal, and low-rank factors from a truncated SVD.
import Tensors

/// How a new low-rank layer draws its factors `U`, `S`, `V`.
///
/// ```swift
/// let plan = RankPlan(rank: 0.2, initialization: .squaredNormalSpectrum)
/// ```
public enum LowRankInitialization: String, Sendable, CaseIterable {
  /// The rank-r truncated SVD of a Kaiming-normal matrix (the default, DESIGN §6): the
  /// layer starts as the best rank-r part of a dense layer's usual start. Its kept singular
  /// values lie within a factor of ~2 of each other, so κ(S) starts near 1–2.
  case kaimingSVD = "kaiming_svd"
  /// Random orthonormal `U`, `V` (QR of Gaussian matrices) and
  /// `S = diag(z₁², …, z_r²)` sorted largest first, zᵢ ~ N(0, 1): the start of the 2025
  /// paper's code (Schotthöfer et al., RobustDLRT, `src/low_rank_layers/lr_layer_base.py`,
  /// lines 52–64). The squares of normal draws span several decades, so κ(S) starts in the
  /// hundreds or more: the ill-conditioned start the spectral regulariser is meant to fix.
  case squaredNormalSpectrum = "squared_normal"
  /// Random orthonormal `U`, `V` and `S = diag(|z₁|, …, |z_r|)` sorted largest first,
  /// zᵢ ~ N(0, 1): the start of the 2022 DLRT paper's code (Schotthöfer et al., DLRT-Net,
  /// `optimizer_KLS/my_conv.py` lines 83–89, `Linear_layer_lr_new.py` line 67). Half-normal
  /// values spread over about two decades, so ϑ cuts the small ones early in training.
  case halfNormalSpectrum = "half_normal"
}

/// Initialisers shared by the layers.
public enum Initialization {
  /// Kaiming (He) normal: N(0, 2/fan_in), which keeps ReLU activations at unit scale.
  /// - Throws: `TensorError` for an invalid shape.
  public static func kaimingNormal(_ shape: [Int], fanIn: Int, using rng: inout RNG) throws
    -> Tensor
  {
    let std = Float((2 / Double(Swift.max(fanIn, 1))).squareRoot())
    return try Tensor.normal(shape, mean: 0, standardDeviation: std, using: &rng)
  }

  /// The rank-`rank` truncated SVD `W ≈ U·S·Vᵀ` of a matrix: `U` `[m, r]`, `S` `[r, r]`
  /// diagonal, `V` `[n, r]`, with orthonormal columns in `U` and `V`.
  /// - Throws: `NeuralNetError` when `rank` exceeds min(m, n); `TensorError` from the SVD.
  public static func truncatedSVD(_ w: Tensor, rank: Int) throws -> (
    u: Tensor, s: Tensor, v: Tensor
  ) {
    guard w.rank == 2, rank >= 1, rank <= Swift.min(w.shape[0], w.shape[1]) else {
      throw NeuralNetError.invalidArgument(
        "rank \(rank) must be between 1 and \(w.shape.min() ?? 0) for a \(w.shape) matrix")
    }
    let (u, s, vt) = try w.svd()
    let uR = try u.columns(0..<rank)
    let vR = try vt.rows(0..<rank).transposed()
    var sR = try Tensor.zeros([rank, rank])
    for i in 0..<rank { try sR.setScalar(try s.scalar(at: [i]), at: [i, i]) }
    return (uR, sR, vR)
  }

  /// The factors of a rank-`rank` layer with weight shape `[outputs, inputs]` (`inputs` is
  /// the flattened fan-in of a convolution), drawn as `initialization` says.
  /// - Throws: `NeuralNetError` when `rank` exceeds min(outputs, inputs); `TensorError`.
  public static func lowRankFactors(
    outputs: Int, inputs: Int, rank: Int, initialization: LowRankInitialization,
    using rng: inout RNG
  ) throws -> (u: Tensor, s: Tensor, v: Tensor) {
    switch initialization {
    case .kaimingSVD:
      let w = try kaimingNormal([outputs, inputs], fanIn: inputs, using: &rng)
      return try truncatedSVD(w, rank: rank)
    case .squaredNormalSpectrum, .halfNormalSpectrum:
      guard rank >= 1, rank <= Swift.min(outputs, inputs) else {
        throw NeuralNetError.invalidArgument(
          "rank \(rank) must be between 1 and \(Swift.min(outputs, inputs)) for a [\(outputs), \(inputs)] matrix"
        )
      }
      // The paper's code orthonormalises Kaiming-uniform draws by QR; any i.i.d. draw gives
      // a random orthonormal basis, and QR of a Gaussian one is uniformly distributed.
      let u = try Tensor.normal([outputs, rank], mean: 0, standardDeviation: 1, using: &rng).qr().q
      let v = try Tensor.normal([inputs, rank], mean: 0, standardDeviation: 1, using: &rng).qr().q
      let z = try Tensor.normal([rank], mean: 0, standardDeviation: 1, using: &rng).scalars
      let spectrum = initialization == .squaredNormalSpectrum ? z.map { $0 * $0 } : z.map(abs)
      return (u, try diagonal(spectrum.sorted(by: >)), v)
    }
  }

  /// Resolves a rank given as a count (≥ 1) or a fraction of full rank (0 < r < 1).
  /// - Throws: `NeuralNetError` for a rank that is not positive or exceeds `fullRank`.
  public static func resolveRank(_ rank: Double, fullRank: Int) throws -> Int {
    let shown = rank == rank.rounded() && abs(rank) < 1e15 ? "\(Int(rank))" : "\(rank)"
    // Checked in Double first: converting a huge or fractional count to Int would trap.
    guard rank > 0, rank.isFinite, rank < 1 || (rank == rank.rounded() && rank <= Double(fullRank))
    else {
      throw NeuralNetError.invalidArgument(
        "rank \(shown) must be a whole number from 1 to \(fullRank) or a fraction of full rank below 1"
      )
    }
    return rank < 1 ? Swift.max(1, Int((rank * Double(fullRank)).rounded())) : Int(rank)
  }

}
