// GEMM: Tensor.matmul against raw cblas_sgemm on the same buffers (DESIGN §10: ≥ 95%).
// lrnb keeps OpenBLAS single-threaded and splits products itself (Tensors/Parallel.swift);
// the raw side gets OpenBLAS's own threads, as many as lrnb uses.
import COpenBLAS
import Foundation
import Tensors

func matmulBench(repeats: Int) throws {
  var rng = RNG(seed: 1)
  let threads = Int32(BLAS.threadCount)
  // Square sizes, then the MLP's first layer at batch 128 (784 → 256).
  for (m, k, n) in [(256, 256, 256), (1024, 1024, 1024), (128, 784, 256)] {
    let a = try Tensor.randn([m, k], using: &rng)
    let b = try Tensor.randn([k, n], using: &rng)
    var c = try Tensor.zeros([m, n])
    let flops = 2 * Double(m) * Double(k) * Double(n) / 1e9
    let name = m == n && n == k ? "n=\(n)" : "\(m)×\(k)·\(k)×\(n)"
    // One side after the other, not alternated: OpenBLAS's worker threads spin for ~0.1 s
    // after its last threaded call and would take the core from lrnb's second thread.
    openblas_set_num_threads(threads)
    let raw = time(repeats: repeats, warmup: 2) {
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          c.withUnsafeMutableBufferPointer { pc in
            cblas_sgemm(
              CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
              pa.baseAddress, Int32(k), pb.baseAddress, Int32(n), 0, pc.baseAddress, Int32(n))
          }
        }
      }
    }
    openblas_set_num_threads(1)
    Thread.sleep(forTimeInterval: 0.3)
    let tensor = try time(repeats: repeats, warmup: 2) { _ = try a.matmul(b) }
    emit(suite: "matmul", case: name, impl: "raw cblas_sgemm", samples: raw, work: flops, rateUnit: "GFLOP/s")
    emit(suite: "matmul", case: name, impl: "lrnb Tensor.matmul", samples: tensor, work: flops, rateUnit: "GFLOP/s")
  }
}
