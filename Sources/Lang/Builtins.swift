// The core builtins every interpreter has: print, display, len, str, type, assert,
// error. Numeric functions (sqrt, exp, …) belong to Bindings, for numbers and
// tensors together.

extension Interpreter {
  func registerCoreBuiltins() {
    registerConversionBuiltins()
    registerFormatBuiltins()
    register(
      NativeFunction(
        name: "print", params: [Parameter("values", variadic: true)],
        doc: "Writes the values, separated by spaces, and a newline.\n\n    print(\"rank\", 8)"
      ) { [weak self] args in
        let text = try args.list("values").map(\.description).joined(separator: " ")
        self?.output.emit(.stdout(text + "\n"))
        return .nil
      })
    register(
      NativeFunction(
        name: "display", params: [Parameter("x")],
        doc:
          "Shows x richly: records and lists of records as tables, figures as images.\n\n    display([{epoch: 1, loss: 0.5}, {epoch: 2, loss: 0.3}])"
      ) { [weak self] args in
        let x = try args.value("x")
        if let self { output.emit(.display(display(x))) }
        return .nil
      })
    register(
      NativeFunction(
        name: "len", params: [Parameter("x")],
        doc:
          "The number of items of a list, characters of a string, fields of a record, numbers of a range.\n\n    len([1, 2, 3])"
      ) { args in
        let x = try args.value("x")
        switch x {
        case .list(let items): return .number(Double(items.count))
        case .string(let s): return .number(Double(s.count))
        case .record(let r): return .number(Double(r.count))
        case .range(let r): return .number(Double(r.count))
        case .native(let n):
          if let length = n.length { return .number(Double(length)) }
        default: break
        }
        throw args.bad("x", expected: "a list, string, record or range")
      })
    register(
      NativeFunction(
        name: "str", params: [Parameter("x")],
        doc: "x as text, as print would write it.\n\n    str(0.5) + \"!\""
      ) { args in .string(try args.value("x").description) })
    register(
      NativeFunction(
        name: "type", params: [Parameter("x")],
        doc:
          "The type name of x: \"number\", \"string\", \"list\", \"record\", \"range\", \"function\", \"nil\", \"bool\", or a native type such as \"tensor\".\n\n    type([1, 2])"
      ) { args in .string(try args.value("x").typeName) })
    register(
      NativeFunction(
        name: "assert", params: [Parameter("condition"), Parameter("message", default: .nil)],
        doc:
          "Stops with message (or \"assertion failed\") unless condition is true.\n\n    assert(1 + 1 == 2, \"arithmetic works\")"
      ) { args in
        if try args.bool("condition") { return .nil }
        let message = try args.value("message")
        throw RuntimeError(message.isNil ? "assertion failed" : message.description)
      })
    register(
      NativeFunction(
        name: "error", params: [Parameter("message")],
        doc:
          "Stops with message as an error.\n\n    fn check(rank) { if rank < 1 { error(\"rank must be positive\") } }\n    check(8)"
      ) { args in
        throw RuntimeError(try args.value("message").description)
      })
  }
}
