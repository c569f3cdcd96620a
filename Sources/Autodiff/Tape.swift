// The tape: records each primitive op's backward rule in execution order, then replays them in reverse.
import Tensors

/// A recording of a computation for reverse-mode differentiation.
///
/// Every op on `Variable`s appends one node: whether it needs a gradient and, if so, a
/// backward rule that maps the gradient of its output to gradients of its inputs. Nodes
/// are appended in execution order, which is a topological order, so `backward(from:)`
/// only has to walk the tape once from the end. Values are not stored on the tape: each
/// rule captures exactly the tensors it needs, and the rest is freed as soon as it dies.
///
/// ```swift
/// let tape = Tape()
/// let x = tape.variable(input, requiresGrad: true)
/// let w = tape.variable(weights, requiresGrad: true)
/// let loss = try x.matmul(w).relu().sum()
/// try tape.backward(from: loss)
/// let dx = tape.gradient(of: x)   // ∂loss/∂x, same shape as x
/// ```
///
/// A tape is used for one forward/backward pass and then dropped (or `reset()`).
public final class Tape {
  /// Maps an output gradient to input gradients, which it adds to `Gradients`.
  typealias Rule = (Tensor, inout Gradients) throws -> Void

  var needsGrad: [Bool] = []
  var rules: [Rule?] = []
  var hooks: [Int: [(Tensor) throws -> Void]] = [:]
  var gradients = Gradients(slots: [])
  /// Whether ops record backward rules. With `false` (inference), no rule is kept and no
  /// intermediate tensor outlives its use.
  public let isRecording: Bool

  /// A new, empty tape; pass `recording: false` for inference without gradients.
  public init(recording: Bool = true) { isRecording = recording }

  /// The number of nodes recorded so far.
  public var count: Int { needsGrad.count }

  /// A leaf holding `value`; with `requiresGrad`, its gradient is kept by `backward`.
  public func variable(_ value: Tensor, requiresGrad: Bool = false) -> Variable {
    let needs = requiresGrad && isRecording
    return Variable(
      value: value, ref: NodeRef(node: append(needs, rule: nil), needsGrad: needs), tape: self)
  }

  /// A constant: a leaf that never needs a gradient.
  public func constant(_ value: Tensor) -> Variable {
    variable(value, requiresGrad: false)
  }

  private func append(_ needs: Bool, rule: Rule?) -> Int {
    needsGrad.append(needs)
    rules.append(needs ? rule : nil)
    return needsGrad.count - 1
  }

  /// Records the result of an op on `inputs`: it needs a gradient when any input does, and
  /// only then is `rule` (built lazily, so inference pays nothing for it) kept. Rules
  /// capture `NodeRef`s, never `Variable`s, so the tape holds no reference to itself.
  func record(_ value: Tensor, inputs: [Variable], rule: () throws -> Rule) throws -> Variable {
    for input in inputs where input.tape !== self {
      throw AutodiffError.foreignVariable
    }
    let needs = isRecording && inputs.contains { $0.ref.needsGrad }
    let node = append(needs, rule: needs ? try rule() : nil)
    return Variable(value: value, ref: NodeRef(node: node, needsGrad: needs), tape: self)
  }

  /// Returns `variable` as a node that always receives its gradient, and calls `body` with
  /// that final gradient (the output gradient Δ) during `backward`, before it flows further
  /// back. Use the returned variable downstream. Low-rank layers use this to see Δ for the
  /// integrators without forming the dense weight gradient — also when nothing before
  /// them needs a gradient (a first layer whose factors the integrator freezes).
  public func onGradient(of variable: Variable, _ body: @escaping (Tensor) throws -> Void)
    -> Variable
  {
    guard isRecording, variable.tape === self else { return variable }
    let input = variable.ref
    let node = append(true) { g, grads in try grads.accumulate(g, into: input) }
    hooks[node, default: []].append(body)
    return Variable(value: variable.value, ref: NodeRef(node: node, needsGrad: true), tape: self)
  }

  /// Back-propagates from `output`, seeding its gradient with `seed` (ones when nil, the
  /// usual choice for a scalar loss). Gradients of every node that needs one are then
  /// available through `gradient(of:)`.
  ///
  /// - Throws: `AutodiffError` when `output` is from another tape or the seed's shape
  ///   differs; `TensorError` from a rule (which indicates a bug in that rule).
  public func backward(from output: Variable, seed: Tensor? = nil) throws {
    guard output.tape === self else { throw AutodiffError.foreignVariable }
    let start = seed ?? Tensor.ones(like: output.value)
    guard start.shape == output.value.shape else {
      throw AutodiffError.shapeMismatch(
        operation: "backward", expected: output.value.shape, got: start.shape)
    }
    gradients = Gradients(slots: [Tensor?](repeating: nil, count: count))
    let last = output.ref.node
    guard needsGrad[last] else { return }
    gradients.slots[last] = start
    for node in stride(from: last, through: 0, by: -1) where needsGrad[node] {
      guard let upstream = gradients.slots[node] else { continue }
      if let callbacks = hooks[node] {
        for callback in callbacks { try callback(upstream) }
      }
      if let rule = rules[node] {
        try rule(upstream, &gradients)
        // Intermediate gradients are dropped once used; leaves keep theirs for the caller.
        gradients.slots[node] = nil
      }
    }
  }

  /// The gradient of the last `backward` with respect to `variable`, or nil when it does
  /// not require a gradient or the output does not depend on it.
  public func gradient(of variable: Variable) -> Tensor? {
    guard variable.tape === self, variable.ref.node < gradients.slots.count else { return nil }
    return gradients.slots[variable.ref.node]
  }

  /// Whether `variable` takes part in differentiation on this tape.
  public func requiresGrad(_ variable: Variable) -> Bool {
    variable.tape === self && variable.ref.needsGrad
  }
}

/// A node of the tape as rules capture it: its index and whether it needs a gradient.
struct NodeRef {
  let node: Int
  let needsGrad: Bool
}

/// The gradients accumulated during one backward pass, one optional slot per node.
struct Gradients {
  var slots: [Tensor?]

  /// Adds `gradient` to the slot of `ref` (summing when several paths reach it); does
  /// nothing for a node that needs no gradient.
  mutating func accumulate(_ gradient: Tensor, into ref: NodeRef) throws {
    guard ref.needsGrad else { return }
    if var existing = slots[ref.node] {
      slots[ref.node] = nil  // keep `existing` uniquely referenced for the in-place add
      try existing.addScaled(gradient, by: 1)
      slots[ref.node] = existing
    } else {
      slots[ref.node] = gradient
    }
  }
}
