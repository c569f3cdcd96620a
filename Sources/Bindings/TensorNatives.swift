// Natives that create tensors: tensor, zeros, ones, eye, arange, linspace, randn, rand, diag.
import Lang
import Tensors

func tensorNatives(_ session: Session) -> [NativeFunction] {
  [
    NativeFunction(
      name: "tensor", params: [Parameter("data")],
      doc: """
        A tensor from a number, a range or a (nested) list of numbers.

            tensor([[1, 2], [3, 4]])
        """
    ) { args in .native(TensorObject(try args.tensor("data"))) },
    NativeFunction(
      name: "zeros", params: [Parameter("shape")],
      doc: "A tensor of zeros with `shape` (a list of sizes).\n\n    zeros([2, 3])"
    ) { args in .tensor(try Tensor.zeros(try args.shape("shape"))) },
    NativeFunction(
      name: "ones", params: [Parameter("shape")],
      doc: "A tensor of ones with `shape`.\n\n    ones([2, 3])"
    ) { args in .tensor(try Tensor.ones(try args.shape("shape"))) },
    NativeFunction(
      name: "full", params: [Parameter("shape"), Parameter("value")],
      doc: "A tensor with `shape` filled with `value`.\n\n    full([2, 2], 0.5)"
    ) { args in
      .tensor(try Tensor.full(try args.shape("shape"), Float(try args.number("value"))))
    },
    NativeFunction(
      name: "eye", params: [Parameter("n"), Parameter("m", default: .nil)],
      doc: "The n×n identity matrix (n×m when `m` is given).\n\n    eye(3)"
    ) { args in
      let n = try args.nonNegativeInt("n")
      let m = args.isGiven("m") ? try args.nonNegativeInt("m") : n
      return .tensor(try Tensor.eye(n, m))
    },
    NativeFunction(
      name: "arange", params: [Parameter("start"), Parameter("end", default: .nil), Parameter("step", default: .number(1))],
      doc: "Evenly spaced numbers in [start, end) (or [0, start) with one argument).\n\n    arange(0, 1, 0.25)"
    ) { args in
      var start = try args.number("start")
      var end = 0.0
      if args.isGiven("end") { end = try args.number("end") } else { swap(&start, &end) }
      let step = try args.number("step")
      guard step != 0, step.isFinite else { throw args.bad("step", expected: "a non-zero number") }
      return .tensor(try Tensor.arange(Float(start), Float(end), step: Float(step)))
    },
    NativeFunction(
      name: "linspace", params: [Parameter("start"), Parameter("end"), Parameter("count", default: .number(50))],
      doc: "`count` evenly spaced numbers from start to end, both included.\n\n    linspace(0, 1, 5)"
    ) { args in
      .tensor(
        try Tensor.linspace(
          Float(try args.number("start")), Float(try args.number("end")),
          count: try args.nonNegativeInt("count")))
    },
    NativeFunction(
      name: "randn", params: [Parameter("shape")],
      doc: """
        Standard normal samples with `shape`, from the notebook's seeded generator
        (same seed, same numbers).

            randn([3, 4])
        """
    ) { args in .tensor(try Tensor.randn(try args.shape("shape"), using: &session.random.rng)) },
    NativeFunction(
      name: "rand", params: [Parameter("shape")],
      doc: "Uniform samples in [0, 1) with `shape`, from the seeded generator.\n\n    rand([2, 2])"
    ) { args in .tensor(try Tensor.rand(try args.shape("shape"), using: &session.random.rng)) },
    NativeFunction(
      name: "seed", params: [Parameter("n")],
      doc: "Restarts the random generator from seed `n`: what follows repeats exactly.\n\n    seed(7)"
    ) { args in
      session.seed(UInt64(try args.nonNegativeInt("n")))
      return .nil
    },
    NativeFunction(
      name: "diag", params: [Parameter("x")],
      doc: """
        A square matrix with vector `x` on its diagonal, or the diagonal of matrix `x`.

            diag([3, 2, 1])
        """
    ) { args in .tensor(try diagonal(try args.tensor("x"))) },
  ]
}

/// `diag(v)` for a vector builds a matrix; `diag(M)` for a matrix reads its diagonal.
func diagonal(_ x: Tensor) throws -> Tensor {
  let values = x.scalars
  switch x.rank {
  case 1:
    let n = x.count
    var out = try Tensor.zeros([n, n])
    out.withUnsafeMutableBufferPointer { buffer in
      for i in 0..<n { buffer[i * n + i] = values[i] }
    }
    return out
  case 2:
    let (rows, cols) = (x.shape[0], x.shape[1])
    return Tensor((0..<min(rows, cols)).map { values[$0 * cols + $0] })
  default:
    throw RuntimeError("diag needs a vector or a matrix, got shape \(x.shape)")
  }
}
