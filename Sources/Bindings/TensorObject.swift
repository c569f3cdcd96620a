// A tensor as an lr value: a reference box around the copy-on-write Tensor struct.
import Lang
import Tensors

/// The native object *lr* sees for a tensor. The box is immutable: every operation
/// returns a new box, so tensors behave as values in *lr* like numbers do.
final class TensorObject: NativeObject {
  let tensor: Tensor

  init(_ tensor: Tensor) { self.tensor = tensor }

  var typeName: String { "tensor" }
  var description: String { tensor.description }
  func display() -> Display { .text(tensor.description) }
  var length: Int? { tensor.shape.first ?? 0 }

  func equals(_ other: Value) -> Bool? {
    guard case .native(let object) = other, let rhs = object as? TensorObject else {
      return false
    }
    return tensor == rhs.tensor
  }
}

extension Value {
  /// A tensor wrapped as an *lr* value; 0-d tensors become plain numbers, so indexing a
  /// vector or reducing a matrix gives a number users can format and compare.
  static func tensor(_ t: Tensor) -> Value {
    if t.rank == 0, let x = try? t.item() { return .number(double(x)) }
    return .native(TensorObject(t))
  }
}
