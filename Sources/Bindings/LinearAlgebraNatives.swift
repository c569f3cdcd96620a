// Natives for linear algebra: svd, qr, eigh, norm, cond, matmul, transpose.
import Lang
import Tensors

var linearAlgebraNatives: [NativeFunction] { [
  NativeFunction(
    name: "svd", params: [Parameter("A")],
    doc: """
      The thin singular value decomposition A = U diag(S) Vt as a record {U, S, Vt}, with the
      singular values S in descending order.

          let A = randn([4, 3])
          let f = svd(A)
          f.U @ diag(f.S) @ f.Vt
      """
  ) { args in
    let a = try matrixArgument(args, "A", for: "svd")
    let (u, s, vt) = try a.svd()
    return .record([("U", .native(TensorObject(u))), ("S", .native(TensorObject(s))), ("Vt", .native(TensorObject(vt)))])
  },
  NativeFunction(
    name: "qr", params: [Parameter("A")],
    doc: """
      The reduced QR decomposition A = Q R as a record {Q, R}: Q has orthonormal columns, R is
      upper triangular with a non-negative diagonal.

          let f = qr(randn([5, 3]))
      """
  ) { args in
    let (q, r) = try matrixArgument(args, "A", for: "qr").qr()
    return .record([("Q", .native(TensorObject(q))), ("R", .native(TensorObject(r)))])
  },
  NativeFunction(
    name: "eigh", params: [Parameter("A")],
    doc: """
      Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix, as a record
      {values, vectors}.

          eigh([[2, 1], [1, 2]]).values
      """
  ) { args in
    let (values, vectors) = try matrixArgument(args, "A", for: "eigh").eigh()
    return .record([("values", .native(TensorObject(values))), ("vectors", .native(TensorObject(vectors)))])
  },
  NativeFunction(
    name: "norm", params: [Parameter("x"), Parameter("p", default: .nil)],
    doc: """
      The Frobenius norm of a matrix or the Euclidean norm of a vector; with `p`, the vector
      p-norm of all elements (`p: 1`, `p: inf`), or for a matrix with `p: 2` its spectral norm.

          norm([3, 4])        # 5
      """
  ) { args in
    let x = try args.tensor("x")
    guard args.isGiven("p") else { return .number(double(x.frobeniusNorm())) }
    let p = try args.number("p")
    if x.rank == 2 && p == 2 { return .number(double(try x.spectralNorm())) }
    return .number(double(try x.norm(p: Float(p))))
  },
  NativeFunction(
    name: "cond", params: [Parameter("A")],
    doc: "The condition number σ_max/σ_min of a matrix (inf when singular).\n\n    cond(diag([10, 1]))   # 10"
  ) { args in .number(double(try matrixArgument(args, "A", for: "cond").cond())) },
  NativeFunction(
    name: "matmul", params: [Parameter("a"), Parameter("b")],
    doc: "The matrix product a @ b.\n\n    matmul(eye(2), [[1], [2]])"
  ) { args in .tensor(try matrixProduct(try args.tensor("a"), try args.tensor("b"))) },
  NativeFunction(
    name: "transpose", params: [Parameter("x")],
    doc: "The transpose of a matrix (same as x.T).\n\n    transpose([[1, 2]])"
  ) { args in
    let x = try args.tensor("x")
    guard x.rank <= 2 else { throw args.bad("x", expected: "a vector or a matrix") }
    return .tensor(x.transposed())
  },
] }

/// The argument `name` as a 2-d tensor, with the standard message otherwise.
func matrixArgument(_ args: Arguments, _ name: String, for callee: String) throws -> Tensor {
  let t = try args.tensor(name)
  guard t.rank == 2 else {
    throw RuntimeError("bad argument '\(name)' to \(callee) (expected a matrix, got a tensor of shape \(t.shape))")
  }
  return t
}
