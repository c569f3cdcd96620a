// The state of one forward pass: its tape, training mode, dropout generator, parameter bindings.
import Autodiff
import Tensors

/// What a layer needs besides its input during one forward pass.
///
/// In training mode parameters become tape variables that require gradients; after
/// `backward`, `storeGradients()` hands each parameter its gradient. In inference mode
/// nothing is recorded and dropout is the identity.
public final class ForwardPass {
  /// The tape every op of this pass records on.
  public let tape: Tape
  /// Whether the model is training (dropout active, gradients recorded).
  public let isTraining: Bool
  /// The generator dropout draws its masks from (seeded by the training loop).
  public var rng: RNG
  /// Parameters this pass treats as constants even in training (integrators that do not
  /// need their gradients freeze them, so the tape skips the products that form them).
  public var frozen: Set<ObjectIdentifier> = []
  private var bindings: [(Parameter, Variable)] = []

  /// A pass in training mode (recording) or inference mode. With `recording`, an
  /// inference pass records too, so gradients with respect to the input (attacks) flow
  /// through every layer while weights stay constants and dropout stays off.
  public init(training: Bool, recording: Bool = false, rng: RNG = RNG(seed: 0)) {
    tape = Tape(recording: training || recording)
    isTraining = training
    self.rng = rng
  }

  /// The variable standing for `parameter` in this pass (a gradient leaf when training).
  public func variable(_ parameter: Parameter) -> Variable {
    let trains = isTraining && !frozen.contains(ObjectIdentifier(parameter))
    let v = tape.variable(parameter.value, requiresGrad: trains)
    if trains { bindings.append((parameter, v)) } else if isTraining { parameter.grad = nil }
    return v
  }

  /// The input as a variable; with `requiresGrad`, its gradient is available after
  /// backward (what attacks differentiate).
  public func input(_ x: Tensor, requiresGrad: Bool = false) -> Variable {
    tape.variable(x, requiresGrad: requiresGrad)
  }

  /// Back-propagates from `loss` and stores each bound parameter's gradient.
  /// - Throws: errors of the backward rules.
  public func backward(from loss: Variable) throws {
    try tape.backward(from: loss)
    for (parameter, v) in bindings { parameter.grad = tape.gradient(of: v) }
  }
}
