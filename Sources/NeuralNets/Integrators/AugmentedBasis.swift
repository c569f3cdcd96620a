// Û = orth([U₀, B]) for the K- and L-steps, keeping U₀'s columns as they are.
import Tensors

/// The augmented basis of a K- or L-step: U₀'s r orthonormal columns, then `width − r`
/// orthonormal columns orthogonal to them that span the part of `b` outside span(U₀)
/// (`width` ≤ 2r and ≤ the number of rows).
///
/// The new columns come from block Gram–Schmidt, twice ("twice is enough": the second
/// pass removes what rounding left of U₀ in the first), and a QR of the remainder: a
/// Householder QR of an `[n, r]` matrix instead of `[n, 2r]`, a quarter of the work, and
/// U₀ comes out exactly. When `b` is (numerically) rank-deficient, the QR's extra columns
/// are arbitrary and need not be orthogonal to U₀; then, and only then, the basis comes
/// from a Householder QR of the whole `[U₀, b]`, which is orthonormal whatever `b` is.
func augmentedBasis(_ u0: Tensor, _ b: Tensor, width: Int) throws -> Tensor {
  let r = u0.shape[1]
  guard width > r else { return u0 }
  var rest = b
  for _ in 0..<2 {
    try rest.addScaled(try u0.matmul(u0.matmul(rest, transposeSelf: true)), by: -1)
  }
  let extra = try rest.qr().q.columns(0..<(width - r))
  let overlap = try u0.matmul(extra, transposeSelf: true)
  if overlap.scalars.allSatisfy({ abs($0) <= augmentedBasisTolerance }) {
    return try Tensor.concat([u0, extra], axis: 1)
  }
  return try Tensor.concat([u0, b], axis: 1).qr().q.columns(0..<width)
}

/// The largest |U₀ᵀq| accepted for a new column q. Householder QR keeps the new columns
/// orthonormal to ~1e-7 in single precision; 1e-5 leaves room for that while staying far
/// below the integrators' 1e-4 bound on ‖ÛᵀÛ − I‖.
let augmentedBasisTolerance: Float = 1e-5
