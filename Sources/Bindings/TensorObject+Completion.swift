// Tensor members for REPL completion and `:help t.sum`.
import Lang

extension TensorObject: MemberListing {
  /// The fields `member(_:)` answers before its method table (keep the two in step),
  /// then every method.
  static let fieldNames = ["T", "shape", "ndim", "size"]

  var memberList: [NativeMember] {
    Self.fieldNames.map { NativeMember($0, isMethod: false) }
      + Self.methods.keys.map { NativeMember($0, isMethod: true) }
  }
}
