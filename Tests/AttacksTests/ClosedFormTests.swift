// FGSM on a linear softmax model equals its closed form, sign(Wᵀ(softmax(Wx + b) − e_y)).
import Attacks
import Foundation
import NeuralNets
import Tensors
import Testing

@Suite struct ClosedFormTests {
  @Test func fgsmOnALinearSoftmaxModel() throws {
    var rng = RNG(seed: 21)
    let (d, c, n) = (30, 5, 12)
    let w = try Tensor.randn([c, d], using: &rng)
    let b = try Tensor.randn([c], using: &rng)
    let model = try Sequential(inputShape: [d], [Dense(weight: w, bias: b)])
    let x = try Tensor.rand([n, d], using: &rng)
    let y = Tensor((0..<n).map { Float($0 % c) })
    let epsilon: Float = 0.07
    let adversarial = try Attack.fgsm(epsilon: epsilon).perturb(model, inputs: x, labels: y)

    let (W, B, X) = (w.scalars.map(Double.init), b.scalars.map(Double.init), x.scalars)
    var checked = 0
    for i in 0..<n {
      let z = (0..<c).map { k in
        B[k] + (0..<d).reduce(0.0) { $0 + W[k * d + $1] * Double(X[i * d + $1]) }
      }
      let top = z.max() ?? 0
      let e = z.map { Foundation.exp($0 - top) }
      let p = e.map { $0 / e.reduce(0, +) }
      for j in 0..<d {
        // ∂L/∂x_j = Σ_k W_kj (p_k − [k = y]).
        let g = (0..<c).reduce(0.0) { $0 + W[$1 * d + j] * (p[$1] - ($1 == i % c ? 1 : 0)) }
        guard abs(g) > 1e-6 else { continue }  // a sign this close to 0 is rounding's choice
        let expected = Swift.min(
          Swift.max(Double(X[i * d + j]) + Double(epsilon) * (g > 0 ? 1 : -1), 0), 1)
        #expect(abs(Double(try adversarial.scalar(at: [i, j])) - expected) < 1e-6)
        checked += 1
      }
    }
    #expect(checked > n * d * 9 / 10)
  }

  @Test func fgmL2OnALinearModelStepsAlongTheGradient() throws {
    // Away from the box edges, FGM-L2 moves each example by exactly ε along ∇ₓL/‖∇ₓL‖.
    var rng = RNG(seed: 4)
    let (d, c) = (16, 3)
    let w = try Tensor.randn([c, d], using: &rng)
    let model = try Sequential(inputShape: [d], [Dense(weight: w, bias: nil)])
    let x = try Tensor(shape: [1, d], repeating: 0.5)
    let y = Tensor([Float(2)])
    let adversarial = try Attack.fgm(epsilon: 0.3, norm: .l2).perturb(model, inputs: x, labels: y)
    let W = w.scalars.map(Double.init)
    let z = (0..<c).map { k in (0..<d).reduce(0.0) { $0 + W[k * d + $1] * 0.5 } }
    let e = z.map { Foundation.exp($0) }
    let p = e.map { $0 / e.reduce(0, +) }
    let g = (0..<d).map { j in
      (0..<c).reduce(0.0) { $0 + W[$1 * d + j] * (p[$1] - ($1 == 2 ? 1 : 0)) }
    }
    let length = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let expected = g.map { 0.5 + 0.3 * $0 / length }
    #expect(expected.allSatisfy { (0...1).contains($0) })
    for j in 0..<d {
      #expect(abs(Double(try adversarial.scalar(at: [0, j])) - expected[j]) < 1e-5)
    }
  }
}
