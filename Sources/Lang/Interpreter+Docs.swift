// What the interpreter can tell `lrnb docs`, the REPL's `:help` and completion: its
// global functions (natives and lr functions), the methods of built-in types, and the
// methods of native types that Bindings registers.

/// A method of a built-in type, for documentation and completion.
public struct MethodInfo: Sendable, Hashable {
  /// The receiver's type: "list", "range", "record" or "string".
  public var typeName: String
  /// The method's name, e.g. "map".
  public var name: String
  /// How a call reads, e.g. `map(f)`.
  public var signature: String
  /// What the method does.
  public var doc: String
  /// Whether it updates the receiver in place (and so needs a `var`).
  public var isMutating: Bool
}

extension Interpreter {
  /// Every method of the built-in types, sorted by type and name.
  ///
  ///     interp.builtinMethods.filter { $0.typeName == "range" }.map(\.name)
  ///     // ["by", "contains", "filter", "map", "reversed"]
  public var builtinMethods: [MethodInfo] {
    machine.methods.all.flatMap { typeName, table in
      table.values.sorted { $0.name < $1.name }.map { method in
        let params = method.parameters.map(\.description).joined(separator: ", ")
        return MethodInfo(
          typeName: typeName, name: method.name, signature: "\(method.name)(\(params))",
          doc: method.doc, isMutating: method.isMutating)
      }
    }
  }

  /// Records the methods of a native type (e.g. the tensor's `sum`, `reshape`) so docs
  /// and completion can list them; each is named `typeName.method` in the docs.
  public func documentMethods(of typeName: String, _ methods: [NativeFunction]) {
    nativeMethods[typeName] = methods
  }

  /// The methods registered with `documentMethods(of:_:)`, by type name.
  public var nativeMethodNames: [String: [String]] {
    nativeMethods.mapValues { $0.map(\.name).sorted() }
  }

  /// Everything documented, in the order `lrnb docs` lists it: builtins, native
  /// groups, methods of built-in and native types, then lr functions (the stdlib) by
  /// file. Names starting with `_` are private and left out.
  public var documentation: [DocEntry] {
    var ranked: [(rank: Int, entry: DocEntry)] = []
    for name in globals.definedNames where !name.hasPrefix("_") {
      guard case .function(let f)? = globalValue(name) else { continue }
      if let native = f as? NativeFunction {
        let rank = native.group == "builtins" ? 0 : 1
        ranked.append(
          (rank, DocEntry(name: name, group: native.group, signature: f.signature, doc: f.doc)))
      } else if let user = f as? UserFunction {
        let group = Interpreter.group(ofFile: user.code.file)
        ranked.append((4, DocEntry(name: name, group: group, signature: f.signature, doc: f.doc)))
      }
    }
    for method in builtinMethods {
      let entry = DocEntry(
        name: "\(method.typeName).\(method.name)", group: "\(method.typeName) methods",
        signature: method.signature, doc: method.doc)
      ranked.append((2, entry))
    }
    for (typeName, methods) in nativeMethods {
      for method in methods {
        let short = method.name.split(separator: ".").last.map(String.init) ?? method.name
        let params = method.parameters.map(\.description).joined(separator: ", ")
        let entry = DocEntry(
          name: "\(typeName).\(short)", group: "\(typeName) methods",
          signature: "\(short)(\(params))", doc: method.doc)
        ranked.append((3, entry))
      }
    }
    return ranked.sorted {
      ($0.rank, $0.entry.group, $0.entry.name) < ($1.rank, $1.entry.group, $1.entry.name)
    }.map(\.entry)
  }

  /// "stdlib/functional.lr" → "functional"; other sources by their file name.
  static func group(ofFile file: String) -> String {
    let last = file.split(separator: "/").last.map(String.init) ?? file
    return last.hasSuffix(".lr") ? String(last.dropLast(3)) : last
  }
}
