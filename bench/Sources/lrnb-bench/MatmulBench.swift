// GEMM: Tensor.matmul against raw cblas_sgemm on the same buffers (DESIGN §10: ≥ 95%).
import COpenBLAS
import Tensors

func matmulBench(repeats: Int) throws {
  var rng = RNG(seed: 1)
  for n in [256, 1024] {
    let a = try Tensor.randn([n, n], using: &rng)
    let b = try Tensor.randn([n, n], using: &rng)
    var c = try Tensor.zeros([n, n])
    let flops = 2 * Double(n) * Double(n) * Double(n) / 1e9
    // Alternate the two sides so machine noise hits both alike.
    var raw: [Double] = []
    var tensor: [Double] = []
    for _ in 0..<repeats {
      raw += time(repeats: 1, warmup: 1) {
        a.withUnsafeBufferPointer { pa in
          b.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
              cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1,
                pa.baseAddress, Int32(n), pb.baseAddress, Int32(n), 0, pc.baseAddress, Int32(n))
            }
          }
        }
      }
      tensor += try time(repeats: 1, warmup: 1) { _ = try a.matmul(b) }
    }
    emit(suite: "matmul", case: "n=\(n)", impl: "raw cblas_sgemm", samples: raw, work: flops, rateUnit: "GFLOP/s")
    emit(suite: "matmul", case: "n=\(n)", impl: "lrnb Tensor.matmul", samples: tensor, work: flops, rateUnit: "GFLOP/s")
  }
}
