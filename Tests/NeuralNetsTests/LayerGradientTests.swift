// Finite-difference checks of every layer, against its parameters and its input.
import Autodiff
import NeuralNets
import Tensors
import Testing

/// Checks ∂L/∂(input, parameters) of `model` against central differences, where
/// L = Σ model(x) ⊙ R for a fixed random R.
func checkModelGradients(
  _ model: Sequential, input: Tensor, epsilon: Float = 1e-2, rtol: Double = 3e-2,
  atol: Double = 3e-3,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  var rng = RNG(seed: 3)
  let pass = ForwardPass(training: true)
  let x = pass.input(input, requiresGrad: true)
  let y = try model.forward(x, in: pass)
  let projection = try Tensor.uniform(y.shape, low: -1, high: 1, using: &rng)
  let loss = try (y * pass.tape.constant(projection)).sum()
  try pass.backward(from: loss)

  func objective(_ value: Tensor) throws -> Double {
    let out = try model.predict(value)
    return zip(out.scalars, projection.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
  }
  func compare(_ analytic: Tensor, _ what: String, perturb: (Int, Float) throws -> Double) throws {
    for i in 0..<analytic.count {
      let numeric = (try perturb(i, epsilon) - perturb(i, -epsilon)) / (2 * Double(epsilon))
      let exact = Double(analytic.scalars[i])
      if abs(numeric - exact) > atol + rtol * abs(numeric) {
        Issue.record(
          "\(what)[\(i)]: analytic \(exact), numeric \(numeric)", sourceLocation: sourceLocation)
        return
      }
    }
  }
  try compare(try #require(x.grad), "input") { i, e in
    var moved = input
    moved.withUnsafeMutableBufferPointer { $0[i] += e }
    return try objective(moved)
  }
  for (name, parameter) in model.namedParameters {
    let original = parameter.value
    try compare(try #require(parameter.grad), name) { i, e in
      defer { parameter.value = original }
      parameter.value.withUnsafeMutableBufferPointer { $0[i] += e }
      return try objective(input)
    }
  }
}

@Suite struct LayerGradientTests {
  @Test func denseAndActivations() throws {
    var rng = RNG(seed: 1)
    for function in Activation.Function.allCases {
      let model = try Sequential(
        inputShape: [5],
        [
          Dense(5, 4, using: &rng), Activation(function), Dense(4, 3, bias: false, using: &rng),
        ])
      // A small step: ReLU's kink must not fall between x ± ε for any pre-activation.
      try checkModelGradients(model, input: try Tensor.randn([3, 5], using: &rng), epsilon: 1e-3)
    }
  }

  @Test func lowRankDense() throws {
    var rng = RNG(seed: 2)
    let model = try Sequential(inputShape: [6], [LowRankDense(6, 5, rank: 2, using: &rng)])
    try checkModelGradients(model, input: try Tensor.randn([4, 6], using: &rng))
  }

  @Test func convolutionsPoolingFlatten() throws {
    var rng = RNG(seed: 3)
    let model = try Sequential(
      inputShape: [2, 6, 6],
      [
        Conv2d(2, 3, kernel: 3, padding: 1, using: &rng), Activation(.tanh),
        LowRankConv2d(3, 4, kernel: 3, rank: 2, stride: 2, padding: 1, using: &rng),
        try Pool2d(.average, size: 3), Flatten(), Dense(4, 2, using: &rng),
      ])
    try checkModelGradients(model, input: try Tensor.randn([2, 2, 6, 6], using: &rng))
  }

  @Test func maxPoolAndDropoutInAModel() throws {
    var rng = RNG(seed: 4)
    let model = try Sequential(
      inputShape: [1, 4, 4],
      [
        Conv2d(1, 2, kernel: 2, using: &rng), try Pool2d(.max, size: 3), Flatten(),
        try Dropout(rate: 0.0), Dense(2, 2, using: &rng),
      ])
    try checkModelGradients(
      model, input: try Tensor.randn([2, 1, 4, 4], using: &rng), epsilon: 2e-3)
  }

  @Test func shapeErrorsNameTheLayerAndBothShapes() throws {
    var rng = RNG(seed: 5)
    #expect(throws: NeuralNetError.self) {
      try Sequential(inputShape: [5], [Dense(5, 4, using: &rng), Dense(3, 2, using: &rng)])
    }
    let model = try Sequential(inputShape: [5], [Dense(5, 4, using: &rng)])
    do {
      _ = try model.predict(try Tensor.zeros([2, 7]))
      Issue.record("expected a shape error")
    } catch {
      #expect("\(error)" == "layer Dense(5 => 4) expects input [batch] + [5], but got [2, 7]")
    }
  }
}
