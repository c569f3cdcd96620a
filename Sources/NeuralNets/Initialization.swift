// Weight initialisation: Kaiming (He) normal, and low-rank factors from a truncated SVD.
import Tensors

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
