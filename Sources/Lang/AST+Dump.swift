// A readable dump of the syntax tree with ranges, for parser tests and debugging:
//   Binary + @1:1-1:6
//     Number 1 @1:1-1:2

extension Program {
  /// One line per node, children indented by two spaces.
  func dump() -> String {
    var out = ""
    for statement in statements { statement.dump(into: &out, indent: 0) }
    return out
  }
}

private func line(_ out: inout String, _ indent: Int, _ text: String, _ range: SourceRange) {
  let r = "@\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
  out += String(repeating: "  ", count: indent) + text + " " + r + "\n"
}

extension Stmt {
  func dump(into out: inout String, indent: Int) {
    let next = indent + 1
    switch kind {
    case .expression(let e, let suppressed):
      line(&out, indent, suppressed ? "Expression ;" : "Expression", range)
      e.dump(into: &out, indent: next)
    case .declaration(let constant, let name, let value):
      line(&out, indent, "\(constant ? "Let" : "Var") \(name.text)", range)
      value?.dump(into: &out, indent: next)
    case .destructure(let constant, let pattern, let value):
      line(&out, indent, "\(constant ? "Let" : "Var") \(pattern.text)", range)
      value.dump(into: &out, indent: next)
    case .function(let decl): decl.dump(into: &out, indent: indent)
    case .assign(let target, let op, let value):
      line(&out, indent, "Assign \(op?.rawValue ?? "=")", range)
      target.dump(into: &out, indent: next)
      value.dump(into: &out, indent: next)
    case .whileLoop(let condition, let body):
      line(&out, indent, "While", range)
      condition.dump(into: &out, indent: next)
      body.dump(into: &out, indent: next)
    case .forLoop(let pattern, let sequence, let body):
      line(&out, indent, "For \(pattern.text)", range)
      sequence.dump(into: &out, indent: next)
      body.dump(into: &out, indent: next)
    case .breakLoop: line(&out, indent, "Break", range)
    case .continueLoop: line(&out, indent, "Continue", range)
    case .returnValue(let value):
      line(&out, indent, "Return", range)
      value?.dump(into: &out, indent: next)
    }
  }
}

extension Block {
  func dump(into out: inout String, indent: Int) {
    line(&out, indent, "Block", range)
    for statement in statements { statement.dump(into: &out, indent: indent + 1) }
  }
}

extension FunctionDecl {
  func dump(into out: inout String, indent: Int) {
    let params = params.map { $0.defaultValue == nil ? $0.name.text : "\($0.name.text)=" }
    line(
      &out, indent, "Fn \(name?.text ?? "<anonymous>")(\(params.joined(separator: ", ")))", range)
    for param in self.params { param.defaultValue?.dump(into: &out, indent: indent + 1) }
    body.dump(into: &out, indent: indent + 1)
  }
}

extension Expr {
  func dump(into out: inout String, indent: Int) {
    let next = indent + 1
    switch kind {
    case .number(let x): line(&out, indent, "Number \(formatNumber(x))", range)
    case .string(let s): line(&out, indent, "String \(quoteString(s))", range)
    case .interpolation(let parts):
      line(&out, indent, "Interpolation", range)
      for part in parts {
        switch part {
        case .text(let s): out += String(repeating: "  ", count: next) + "Text \(quoteString(s))\n"
        case .expr(let e): e.dump(into: &out, indent: next)
        }
      }
    case .bool(let b): line(&out, indent, "Bool \(b)", range)
    case .nil: line(&out, indent, "Nil", range)
    case .variable(let name): line(&out, indent, "Variable \(name.text)", range)
    case .list(let items):
      line(&out, indent, "List", range)
      for item in items { item.dump(into: &out, indent: next) }
    case .record(let fields):
      line(&out, indent, "Record", range)
      for field in fields {
        line(&out, next, "Field \(field.key)", field.keyRange)
        field.value.dump(into: &out, indent: next + 1)
      }
    case .unary(let op, let operand):
      line(&out, indent, "Unary \(op.symbol)", range)
      operand.dump(into: &out, indent: next)
    case .binary(let op, let l, let r):
      line(&out, indent, "Binary \(op.symbol)", range)
      l.dump(into: &out, indent: next)
      r.dump(into: &out, indent: next)
    case .logical(let op, let l, let r):
      line(&out, indent, "Logical \(op.rawValue)", range)
      l.dump(into: &out, indent: next)
      r.dump(into: &out, indent: next)
    case .range(let l, let r, let closed):
      line(&out, indent, "Range \(closed ? "..." : "..<")", range)
      l.dump(into: &out, indent: next)
      r.dump(into: &out, indent: next)
    case .slice(let l, let r, let closed):
      line(&out, indent, "Slice \(closed ? "..." : "..<")", range)
      l?.dump(into: &out, indent: next)
      r?.dump(into: &out, indent: next)
    case .importModule(let path): line(&out, indent, "Import \(quoteString(path))", range)
    case .call(let callee, let args):
      line(&out, indent, "Call", range)
      callee.dump(into: &out, indent: next)
      dumpArguments(args, into: &out, indent: next)
    case .methodCall(let object, let name, let args):
      line(&out, indent, "MethodCall \(name.text)", range)
      object.dump(into: &out, indent: next)
      dumpArguments(args, into: &out, indent: next)
    case .index(let object, let index):
      line(&out, indent, "Index", range)
      object.dump(into: &out, indent: next)
      index.dump(into: &out, indent: next)
    case .member(let object, let name):
      line(&out, indent, "Member \(name.text)", range)
      object.dump(into: &out, indent: next)
    case .function(let decl): decl.dump(into: &out, indent: indent)
    case .ifElse(let condition, let then, let otherwise):
      line(&out, indent, "If", range)
      condition.dump(into: &out, indent: next)
      then.dump(into: &out, indent: next)
      otherwise?.dump(into: &out, indent: next)
    case .block(let block): block.dump(into: &out, indent: indent)
    }
  }

  private func dumpArguments(_ args: [Argument], into out: inout String, indent: Int) {
    for arg in args {
      if let label = arg.label {
        line(&out, indent, "Named \(label.text)", label.range)
        arg.value.dump(into: &out, indent: indent + 1)
      } else {
        arg.value.dump(into: &out, indent: indent)
      }
    }
  }
}

extension Pattern {
  /// The pattern as written: `x`, `_`, `(a, (b, c))`, `{loss, acc: a}`.
  var text: String {
    switch self {
    case .name(let name): return name.text
    case .ignore: return "_"
    case .list(let items, _): return "(" + items.map(\.text).joined(separator: ", ") + ")"
    case .record(let fields, _):
      let parts = fields.map { f in
        if case .name(let n) = f.pattern, n.text == f.field.text { return n.text }
        return "\(f.field.text): \(f.pattern.text)"
      }
      return "{" + parts.joined(separator: ", ") + "}"
    }
  }
}
