// Members for completion and help: fields and methods of built-in values, and the
// optional hook through which native objects list theirs.

/// A field or method a native object answers in `member(_:)`.
public struct NativeMember: Sendable, Hashable {
  /// The member's name, e.g. `sum` or `shape`.
  public var name: String
  /// Whether `member(name)` returns a function (completion then adds `(`).
  public var isMethod: Bool

  /// A member called `name`.
  public init(_ name: String, isMethod: Bool) {
    self.name = name
    self.isMethod = isMethod
  }
}

/// A native object that can list its members, so the REPL can complete `t.` and
/// `:help` can find `t.sum`. Optional: objects without it complete to nothing.
///
///     extension TensorObject: MemberListing {
///       var memberList: [NativeMember] { [NativeMember("shape", isMethod: false)] + … }
///     }
public protocol MemberListing: NativeObject {
  /// Every name `member(_:)` answers, in any order.
  var memberList: [NativeMember] { get }
}

extension CompletionReceiver {
  /// The receiver's value: a global, then fields of records and members of natives.
  /// Function values stop the walk (they have no members).
  func evaluate(in interpreter: Interpreter) -> Value? {
    switch self {
    case .string: return .string("")
    case .list: return .list([])
    case .path(let names):
      guard let first = names.first, var value = interpreter.globalValue(first) else { return nil }
      for name in names.dropFirst() {
        switch value {
        case .record(let record):
          guard let field = record[name] else { return nil }
          value = field
        case .native(let object):
          guard let member = try? object.member(name) else { return nil }
          value = member
        default: return nil
        }
      }
      return value
    }
  }
}

extension CompletionCallee {
  /// The parameters of the function this callee names, when completion can tell.
  func evaluateCallee(in interpreter: Interpreter) -> [Parameter]? {
    guard let receiver else { return interpreter.globalValue(name)?.asFunction?.parameters }
    guard let value = receiver.evaluate(in: interpreter) else { return nil }
    if let method = interpreter.machine.methods.lookup(value, name) { return method.parameters }
    switch value {
    case .record(let record): return record[name]?.asFunction?.parameters
    case .native(let object): return (try? object.member(name))?.asFunction?.parameters
    default: return nil
    }
  }
}

extension Interpreter {
  /// Fields and methods of `value`, sorted by name.
  func memberCandidates(_ value: Value) -> [CompletionCandidate] {
    var result: [CompletionCandidate] = []
    if case .record(let record) = value {
      for (key, field) in record.fields {
        let isFunction = field.asFunction != nil
        result.append(
          CompletionCandidate(
            name: key, insertion: isFunction ? key + "(" : key, kind: isFunction ? .method : .field)
        )
      }
    }
    let typeName = value.typeName
    for method in builtinMethods where method.typeName == typeName {
      result.append(
        CompletionCandidate(name: method.name, insertion: method.name + "(", kind: .method))
    }
    if case .native(let object) = value, let listing = object as? any MemberListing {
      for member in listing.memberList {
        result.append(
          CompletionCandidate(
            name: member.name, insertion: member.isMethod ? member.name + "(" : member.name,
            kind: member.isMethod ? .method : .field))
      }
    }
    return result.sorted { $0.name < $1.name }
  }
}
