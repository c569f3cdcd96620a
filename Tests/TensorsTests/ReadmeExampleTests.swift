// The example at the top of Sources/Tensors/README.md, kept compiling and checked.
import Tensors
import Testing

@Test func readmeExample() throws {
  var rng = RNG(seed: 7)
  let w = try Tensor.randn([256, 784], using: &rng) * 0.05
  let x = try Tensor.rand([128, 784], using: &rng)
  let bias = try Tensor.zeros([256])
  let h = try (x.matmul(w, transposeOther: true) + bias).relu()  // x·Wᵀ + b, no transpose copy
  let (u, s, vt) = try w.svd()
  #expect(h.shape == [128, 256])
  #expect(try h.min() >= 0)
  #expect(u.shape == [256, 256] && s.shape == [256] && vt.shape == [256, 784])
  // A wide Gaussian matrix is well conditioned: κ ≈ (√784 + √256)/(√784 − √256) ≈ 3.7.
  let kappa = try w.cond()
  #expect(kappa > 2.5 && kappa < 5)
}
