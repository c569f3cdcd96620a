// Û = orth([U₀, B]) for the K- and L-steps, keeping U₀'s columns as they are.
import Tensors

/// The augmented basis of a K- or L-step: U₀'s r orthonormal columns, then `width − r`
/// orthonormal columns orthogonal to them that span the part of `b` outside span(U₀)
/// (`width` ≤ 2r and ≤ the number of rows).
///
/// The new columns come from block Gram–Schmidt, twice ("twice is enough": the second
/// pass removes what rounding left of U₀ in the first), and a Householder QR of the
/// remainder: an `[n, r]` QR instead of `[n, 2r]`, a quarter of the work, and U₀ comes out
/// exactly. Gradient directions are ill-conditioned, and the QR of an ill-conditioned
/// remainder amplifies the rounding-level traces of U₀ left in it (to ~ε·κ); those are
/// projected out once more and the nearly orthonormal result re-orthonormalised by
/// Cholesky QR (cheap and exact for a well-conditioned matrix). When `b` is degenerate
/// enough that this still fails the check, the basis comes from a Householder QR of the
/// whole `[U₀, b]`, which is orthonormal whatever `b` is.
func augmentedBasis(_ u0: Tensor, _ b: Tensor, width: Int) throws -> Tensor {
  let r = u0.shape[1]
  guard width > r else { return u0 }
  var rest = b
  for _ in 0..<2 {
    try rest.addScaled(try u0.matmul(u0.matmul(rest, transposeSelf: true)), by: -1)
  }
  var extra = try rest.qr().q.columns(0..<(width - r))
  var overlap = try u0.matmul(extra, transposeSelf: true)
  if !isNegligible(overlap) {
    try extra.addScaled(try u0.matmul(overlap), by: -1)
    if let q = try extra.choleskyQ() {
      extra = q
      overlap = try u0.matmul(extra, transposeSelf: true)
    }
  }
  if isNegligible(overlap) { return try Tensor.concat([u0, extra], axis: 1) }
  return try Tensor.concat([u0, b], axis: 1).qr().q.columns(0..<width)
}

/// Whether every |U₀ᵀq| is below 1e-5: Householder QR keeps columns orthonormal to ~1e-7
/// in single precision, and 1e-5 stays far below the integrators' 1e-4 bound on
/// ‖ÛᵀÛ − I‖. (The new columns' own orthonormality comes from the QR.)
private func isNegligible(_ overlap: Tensor) -> Bool {
  overlap.scalars.allSatisfy { abs($0) <= 1e-5 }
}
