// Variable: a tensor value together with its place on a tape.
import Tensors

/// A tensor recorded on a `Tape`: the value of a leaf or of an op's result.
///
/// Ops on variables (`+`, `matmul`, `relu`, `conv2d`, …) compute their value at once and
/// record a backward rule when any input needs a gradient. Variables are cheap values; the
/// tensor inside is shared copy-on-write.
///
/// ```swift
/// let tape = Tape()
/// let x = tape.variable(try Tensor.randn([4, 3], using: &rng), requiresGrad: true)
/// let y = try (x * x).sum()
/// try tape.backward(from: y)   // tape.gradient(of: x) == 2x
/// ```
public struct Variable {
  /// The computed value.
  public let value: Tensor
  let ref: NodeRef
  /// The tape this variable was recorded on; ops combine only variables of one tape.
  public let tape: Tape

  init(value: Tensor, ref: NodeRef, tape: Tape) {
    self.value = value
    self.ref = ref
    self.tape = tape
  }

  /// The value's shape.
  public var shape: [Int] { value.shape }

  /// Whether a gradient flows to or through this variable.
  public var requiresGrad: Bool { ref.needsGrad }

  /// The gradient from the tape's last `backward`, if this variable received one.
  public var grad: Tensor? { tape.gradient(of: self) }

  /// A new leaf on the same tape holding `value` without gradient (a constant operand).
  public func constant(_ value: Tensor) -> Variable { tape.constant(value) }
}
