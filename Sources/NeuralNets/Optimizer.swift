// Optimisers: SGD (momentum, Nesterov, weight decay), Adam and AdamW, with per-parameter state.
import Tensors

/// An optimiser with per-parameter state keyed by the parameter's full name
/// (`layers.0.U`), so a later integrator can find and transform a parameter's moments
/// when its basis changes.
///
/// Parameters with orthonormal columns (low-rank `U`, `V`) take fixed-rank Riemannian
/// steps: the gradient is projected onto the tangent space, `(I − UUᵀ)·G`, before the
/// update, and the result is retracted onto orthonormal columns by QR afterwards.
///
/// ```swift
/// let opt = Optimizer(.sgd(momentum: 0.9, nesterov: false), learningRate: 0.05)
/// try opt.step(net.namedParameters)
/// ```
public final class Optimizer {
  /// The update rule.
  public enum Rule: Sendable, Equatable {
    /// SGD; `weightDecay` adds `λ·w` to the gradient (L2).
    case sgd(momentum: Float = 0, nesterov: Bool = false)
    /// Adam (Kingma & Ba); weight decay adds `λ·w` to the gradient.
    case adam(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8)
    /// AdamW (Loshchilov & Hutter): weight decay applied to the weights directly.
    case adamW(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8)
  }

  /// The update rule.
  public let rule: Rule
  /// The step size (a schedule may change it between epochs).
  public var learningRate: Float
  /// The weight-decay coefficient λ.
  public var weightDecay: Float
  /// Moment buffers per parameter name: SGD keeps `[velocity]`, Adam `[m, v]`.
  public var state: [String: [Tensor]] = [:]
  /// Steps taken (Adam's bias correction uses it).
  public private(set) var steps = 0

  /// An optimiser.
  /// - Throws: `NeuralNetError` for a negative or non-finite rate, decay or momentum.
  public init(_ rule: Rule, learningRate: Float, weightDecay: Float = 0) throws {
    guard learningRate.isFinite, learningRate >= 0, weightDecay.isFinite, weightDecay >= 0 else {
      throw NeuralNetError.invalidArgument(
        "learning rate and weight decay must be finite and non-negative (got \(learningRate), \(weightDecay))"
      )
    }
    if case .sgd(let momentum, _) = rule, !(momentum >= 0 && momentum < 1) {
      throw NeuralNetError.invalidArgument("momentum must be in [0, 1), got \(momentum)")
    }
    self.rule = rule
    self.learningRate = learningRate
    self.weightDecay = weightDecay
  }

  /// Updates every parameter that has a gradient, then retracts constrained ones.
  /// - Throws: `TensorError` from the QR retraction (e.g. NaN in a basis).
  public func step(_ parameters: [(name: String, parameter: Parameter)]) throws {
    beginStep()
    for (name, parameter) in parameters { try apply(to: parameter, name: name) }
  }

  /// Counts one optimisation step (Adam's bias correction); the training loop calls it once
  /// per step before updating parameters one by one with `apply(to:name:)` or `update`.
  func beginStep() { steps += 1 }

  /// Updates one parameter from its gradient (if it has one), respecting its constraint.
  func apply(to parameter: Parameter, name: String) throws {
    guard var g = parameter.grad else { return }
    if parameter.constraint == .orthonormalColumns {
      // Tangent projection (I − UUᵀ)G: the part of G inside span(U) is carried by S.
      let u = parameter.value
      g = try g - u.matmul(u.matmul(g, transposeSelf: true))
    }
    try update(&parameter.value, gradient: g, name: name)
    if parameter.constraint == .orthonormalColumns {
      parameter.value = try parameter.value.qr().q
    }
  }

  /// One unconstrained step of the rule on `w` with gradient `g`, using and updating the
  /// moments stored under `name` (integrators call it for their S-steps).
  func update(_ w: inout Tensor, gradient g: Tensor, name: String) throws {
    let (lr, decay, n) = (learningRate, weightDecay, w.count)
    guard g.count == n else { throw stale(name) }
    switch rule {
    case .sgd(let momentum, let nesterov):
      var buffers = state.removeValue(forKey: name) ?? (momentum > 0 ? [Tensor.zeros(like: w)] : [])
      if let velocity = buffers.first, velocity.count != n { throw stale(name) }
      try withPointers(&w, g, &buffers) { pw, pg, moments in
        // Memory-bound (a few MB per step for the MLP's first layer, more than one core's
        // L2): split over the compute threads, each streaming its own slice.
        Parallel.forEach(n, work: 4 * n) { part in
          guard let pv = moments.first else {
            for i in part { pw[i] -= lr * (pg[i] + decay * pw[i]) }
            return
          }
          // Separate loops keep the flag out of the vectorised body.
          if nesterov {
            for i in part {
              let d = pg[i] + decay * pw[i]
              let velocity = momentum * pv[i] + d
              pv[i] = velocity
              pw[i] -= lr * (d + momentum * velocity)
            }
          } else {
            for i in part {
              let velocity = momentum * pv[i] + pg[i] + decay * pw[i]
              pv[i] = velocity
              pw[i] -= lr * velocity
            }
          }
        }
      }
      if !buffers.isEmpty { state[name] = buffers }
    case .adam(let b1, let b2, let eps), .adamW(let b1, let b2, let eps):
      let decoupled = if case .adamW = rule { true } else { false }
      var buffers =
        state.removeValue(forKey: name) ?? [Tensor.zeros(like: w), Tensor.zeros(like: w)]
      guard buffers.count == 2, buffers.allSatisfy({ $0.count == n }) else { throw stale(name) }
      let t = Float(steps)
      let (c1, c2) = (1 - pow(b1, t), 1 - pow(b2, t))
      try withPointers(&w, g, &buffers) { pw, pg, moments in
        let (pm, pv) = (moments[0], moments[1])
        Parallel.forEach(n, work: 5 * n) { part in
          for i in part {
            let d = decoupled ? pg[i] : pg[i] + decay * pw[i]
            pm[i] = b1 * pm[i] + (1 - b1) * d
            pv[i] = b2 * pv[i] + (1 - b2) * d * d
            let stepSize = lr * (pm[i] / c1) / ((pv[i] / c2).squareRoot() + eps)
            pw[i] -= decoupled ? stepSize + lr * decay * pw[i] : stepSize
          }
        }
      }
      state[name] = buffers
    }
  }

  /// Calls `body` with plain pointers to the weight, gradient and moment buffers (made
  /// unique first), so the update loops keep them in registers.
  private func withPointers(
    _ w: inout Tensor, _ g: Tensor, _ moments: inout [Tensor],
    _ body: (UnsafeMutablePointer<Float>, UnsafePointer<Float>, [UnsafeMutablePointer<Float>]) ->
      Void
  ) throws {
    var pointers: [UnsafeMutablePointer<Float>] = []
    for i in moments.indices {
      moments[i].withUnsafeMutableBufferPointer { if let p = $0.baseAddress { pointers.append(p) } }
    }
    guard pointers.count == moments.count else { return }
    // The storage stays alive (and unique) in `w`, `g` and `moments` throughout.
    w.withUnsafeMutableBufferPointer { pw in
      g.withUnsafeBufferPointer { pg in
        if let w = pw.baseAddress, let g = pg.baseAddress { body(w, g, pointers) }
      }
    }
  }

  private func stale(_ name: String) -> NeuralNetError {
    .invalidArgument(
      "optimiser state for \(name) no longer matches its shape (was the layer replaced?)")
  }
}

/// xʸ for Adam's bias corrections, by repeated multiplication: exact, reproducible, and
/// free of a libm dependency (y is a small whole step count).
private func pow(_ x: Float, _ y: Float) -> Float {
  var result: Double = 1
  var base = Double(x)
  var exponent = Int(y)
  while exponent > 0 {
    if exponent & 1 == 1 { result *= base }
    base *= base
    exponent >>= 1
  }
  return Float(result)
}
