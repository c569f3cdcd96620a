// The public interpreter API other targets use: globals across runs, natives with
// checked arguments, native objects with operators and members, display, calls
// from Swift and interruption.
import Foundation
import Testing

@testable import Lang

/// A stand-in for a tensor: a box of numbers with `+`, `@`, indexing and members.
final class FakeVector: NativeObject {
  var items: [Double]
  init(_ items: [Double]) { self.items = items }
  var typeName: String { "vector" }
  var description: String { "vector(\(items.map(formatNumber).joined(separator: ", ")))" }
  var length: Int? { items.count }

  func binary(_ op: BinaryOperator, _ other: Value, selfOnLeft: Bool) throws -> Value? {
    switch (op, other) {
    case (.add, .number(let x)): return .native(FakeVector(items.map { $0 + x }))
    case (.matmul, .native(let o as FakeVector)):
      guard o.items.count == items.count else {
        throw RuntimeError("shape mismatch: \(items.count) vs \(o.items.count)")
      }
      return .number(zip(items, o.items).map(*).reduce(0, +))
    default: return nil
    }
  }

  func unary(_ op: UnaryOperator) throws -> Value? {
    op == .negate ? .native(FakeVector(items.map { -$0 })) : nil
  }

  func index(_ i: Value) throws -> Value? {
    guard case .number(let x) = i, let k = Int(exactly: x), items.indices.contains(k) else {
      return nil
    }
    return .number(items[k])
  }

  func settingIndex(_ i: Value, to v: Value) throws -> Value? {
    guard case .number(let x) = i, let k = Int(exactly: x), items.indices.contains(k),
      case .number(let y) = v
    else { return nil }
    var copy = items
    copy[k] = y
    return .native(FakeVector(copy))
  }

  func makeIterator() throws -> (() throws -> Value?)? {
    var next = 0
    return { [items] in
      defer { next += 1 }
      return next < items.count ? .number(items[next]) : nil
    }
  }

  func member(_ name: String) throws -> Value? {
    switch name {
    case "count": return .number(Double(items.count))
    case "scaled":
      return .function(
        NativeFunction(name: "scaled", params: [Parameter("by")], doc: "Scales.") { args in
          let by = try args.number("by")
          return .native(FakeVector(self.items.map { $0 * by }))
        })
    default: return nil
    }
  }
}

func makeInterpreter() -> (Interpreter, CollectingSink) {
  let sink = CollectingSink()
  let interp = Interpreter(output: sink)
  interp.register(
    NativeFunction(name: "vec", params: [Parameter("items", variadic: true)], doc: "A vector.") {
      args in
      .native(FakeVector(try args.list("items").map { $0.asNumber ?? .nan }))
    })
  interp.register(
    NativeFunction(
      name: "lowrank", params: [Parameter("rank"), Parameter("tau", default: .number(0.1))],
      doc: "Checks its arguments."
    ) { args in
      .record([
        ("rank", .number(Double(try args.positiveInt("rank")))), ("tau", try args.value("tau")),
      ])
    })
  return (interp, sink)
}

func run(_ interp: Interpreter, _ text: String) throws -> Value? {
  try interp.run(Source(name: "t.lr", text: text))
}

func runtimeMessage(_ interp: Interpreter, _ text: String) -> String? {
  do {
    _ = try interp.run(Source(name: "t.lr", text: text))
    return nil
  } catch {
    return error.diagnostics.first?.message
  }
}

@Test func globalsPersistAcrossRuns() throws {
  let (interp, _) = makeInterpreter()
  _ = try run(interp, "fn useLater() { later + 1 }")
  _ = try run(interp, "let later = 41")
  #expect(try run(interp, "useLater()")?.description == "42")
  #expect(interp.globalValue("later")?.asNumber == 41)
  #expect(interp.globalNames.contains("useLater"))
  #expect(interp.globalNames.contains("print"))
  #expect(!interp.globalNames.contains("nothing"))
}

@Test func runReturnsTheLastExpressionUnlessSuppressed() throws {
  let (interp, _) = makeInterpreter()
  #expect(try run(interp, "1 + 1")?.asNumber == 2)
  #expect(try run(interp, "1 + 1;") == nil)
  #expect(try run(interp, "let x = 3") == nil)
  #expect(try run(interp, "print(1)")?.isNil == true)
}

@Test func definedGlobalsAreConstants() throws {
  let (interp, _) = makeInterpreter()
  interp.define("epochs", .number(3))
  #expect(try run(interp, "epochs * 2")?.asNumber == 6)
  #expect(runtimeMessage(interp, "epochs = 4") == "cannot assign to constant 'epochs'")
  #expect(runtimeMessage(interp, "print = 4") == "cannot assign to constant 'print'")
}

@Test func nativeArgumentsAreCheckedUniformly() throws {
  let (interp, _) = makeInterpreter()
  #expect(
    runtimeMessage(interp, "lowrank(-3)")
      == "bad argument 'rank' to lowrank (expected a positive integer, got -3)")
  #expect(
    runtimeMessage(interp, "lowrank(2.5)")
      == "bad argument 'rank' to lowrank (expected a positive integer, got 2.5)")
  #expect(runtimeMessage(interp, "lowrank()") == "missing argument 'rank' to lowrank")
  #expect(runtimeMessage(interp, "lowrank(1, rnak: 2)") == "unknown argument 'rnak' to lowrank")
  #expect(try run(interp, "lowrank(4, tau: 0)")?.description == "{rank: 4, tau: 0}")
}

@Test func nativeObjectsGetOperatorsMembersAndIndexing() throws {
  let (interp, _) = makeInterpreter()
  #expect(try run(interp, "vec(1, 2) + 1")?.description == "vector(2, 3)")
  #expect(try run(interp, "vec(1, 2) @ vec(3, 4)")?.asNumber == 11)
  #expect(try run(interp, "-vec(1)")?.description == "vector(-1)")
  #expect(try run(interp, "vec(5, 6)[1]")?.asNumber == 6)
  #expect(try run(interp, "vec(5, 6).count")?.asNumber == 2)
  #expect(try run(interp, "vec(1, 2).scaled(by: 10)")?.description == "vector(10, 20)")
  #expect(try run(interp, "len(vec(1, 2, 3))")?.asNumber == 3)
  #expect(try run(interp, "type(vec())")?.asString == "vector")
  #expect(try run(interp, "let v = vec(1)\nv == v")?.asBool == true)
  #expect(runtimeMessage(interp, "vec(1) @ vec(1, 2)") == "shape mismatch: 1 vs 2")
  #expect(
    runtimeMessage(interp, "vec(1) + \"s\"") == "unsupported operands for +: vector and string")
  #expect(runtimeMessage(interp, "vec(1).nope") == "no member 'nope' on vector")
  #expect(runtimeMessage(interp, "vec(1).nope()") == "no member 'nope' on vector")
  #expect(runtimeMessage(interp, "vec(1)[7]") == "vector cannot be indexed by 7")
}

@Test func nativeObjectsCanBeIteratedAndAssignedByIndex() throws {
  let (interp, _) = makeInterpreter()
  #expect(
    try run(interp, "var t = vec(1, 2)\nt[0] = 5\nt[1] += 10\nt")?.description == "vector(5, 12)")
  #expect(
    try run(interp, "let u = vec(1, 2)\nlet w = u\nvar z = u\nz[0] = 9\n[u, z]")?.description
      == "[vector(1, 2), vector(9, 2)]")
  #expect(try run(interp, "var s = 0\nfor x in vec(1, 2, 3) { s += x }\ns")?.asNumber == 6)
  #expect(try run(interp, "list(vec(4, 5))")?.description == "[4, 5]")
  #expect(
    runtimeMessage(interp, "var t = vec(1)\nt[3] = 1")
      == "vector does not support assigning to an index")
  #expect(runtimeMessage(interp, "let t = vec(1)\nt[0] = 1") == "cannot assign to constant 't'")
  #expect(runtimeMessage(interp, "for x in display { }") == "cannot iterate over a function")
}

@Test func displayShowsRecordsAsTables() throws {
  let (interp, _) = makeInterpreter()
  #expect(
    interp.display(.record([("rank", .number(8)), ("name", .string("a"))]))
      == .table(Display.Table(columns: ["rank", "name"], rows: [["8", "a"]])))
  let rows = try #require(try run(interp, "[{epoch: 1, loss: 0.5}, {epoch: 2, acc: 0.9}]"))
  #expect(
    interp.display(rows)
      == .table(
        Display.Table(
          columns: ["epoch", "loss", "acc"], rows: [["1", "0.5", ""], ["2", "", "0.9"]])))
  #expect(interp.display(.record([("xs", .list([.number(1)]))])) == .text("xs: [1]"))
  #expect(interp.display(.string("plain")) == .text("plain"))
  #expect(interp.display(.native(FakeVector([1]))) == .text("vector(1)"))
}

@Test func printAndDisplayReachTheSink() throws {
  let (interp, sink) = makeInterpreter()
  _ = try run(interp, "print(\"a\", 1)\ndisplay({k: 1})")
  #expect(
    sink.items == [
      .stdout("a 1\n"), .display(.table(Display.Table(columns: ["k"], rows: [["1"]]))),
    ])
}

@Test func swiftCanCallLrFunctions() throws {
  let (interp, _) = makeInterpreter()
  _ = try run(interp, "fn add(a, b = 10) { a + b }")
  let add = try #require(interp.globalValue("add"))
  #expect(try interp.call(add, [.number(1)]).asNumber == 11)
  #expect(throws: (any Error).self) { try interp.call(.number(3), []) }
  _ = try run(interp, "fn bad() { error(\"inside\") }")
  let bad = try #require(interp.globalValue("bad"))
  #expect(throws: Diagnostic.self) { try interp.call(bad, []) }
}

@Test func checkReportsWithoutRunning() {
  let (interp, sink) = makeInterpreter()
  #expect(interp.check(Source(name: "t", text: "print(1)")).isEmpty)
  #expect(sink.items.isEmpty)
  let errors = interp.check(Source(name: "t", text: "let x = 1\nx = 2\nbreak"))
  #expect(errors.map(\.message) == ["cannot assign to constant 'x'", "'break' outside a loop"])
}

@Test func callablesDescribeTheirSignature() throws {
  let (interp, _) = makeInterpreter()
  _ = try run(interp, "fn scale(x, by = 2) { x * by }")
  #expect(interp.globalValue("scale")?.asFunction?.signature == "scale(x, by = 2)")
  #expect(interp.globalValue("print")?.asFunction?.signature == "print(values...)")
  #expect(interp.globalValue("lowrank")?.asFunction?.doc == "Checks its arguments.")
}

@Test func interruptStopsALoopAndTheInterpreterStaysUsable() throws {
  let (interp, _) = makeInterpreter()
  let handle = interp.interruptSwitch
  let stopper = Thread {
    Thread.sleep(forTimeInterval: 0.2)
    handle.fire()
  }
  stopper.start()
  #expect(runtimeMessage(interp, "var i = 0\nwhile true { i += 1 }") == "interrupted")
  #expect(try run(interp, "1 + 1")?.asNumber == 2)
}

@Test func interruptStopsRecursionToo() throws {
  let (interp, _) = makeInterpreter()
  interp.interrupt()
  // A pending interrupt is cleared when a run starts from Swift.
  #expect(try run(interp, "fn f(n) { if n == 0 { 0 } else { f(n - 1) } }\nf(10)")?.asNumber == 0)
}

@Test func nativeStackExhaustionIsAnError() throws {
  // A thread with little stack: the guard must stop the recursion before it crashes.
  // pthreads directly, so the stack size is exactly the one asked for.
  final class Work: @unchecked Sendable { var message: String? }
  let work = Work()
  var attributes = pthread_attr_t()
  pthread_attr_init(&attributes)
  defer { pthread_attr_destroy(&attributes) }
  // 64 KiB beyond the interpreter's reserve: far too little for 900 calls. The stack is
  // our own memory: given only a size, glibc may hand out a larger cached stack.
  let size = Machine.nativeStackReserve + 64 * 1024
  let stack = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
  defer { stack.deallocate() }
  #expect(pthread_attr_setstack(&attributes, stack, size) == 0)
  var thread = pthread_t()
  let started = pthread_create(
    &thread, &attributes,
    { argument in
      guard let argument else { return nil }
      let work = Unmanaged<Work>.fromOpaque(argument).takeUnretainedValue()
      let (interp, _) = makeInterpreter()
      do {
        let value = try interp.run(
          Source(name: "t.lr", text: "fn d(n) { if n == 0 { 0 } else { 1 + d(n - 1) } }\nd(900)"))
        work.message = "ran to the end: \(String(describing: value))"
      } catch {
        work.message = (error as? RunFailure)?.diagnostics.first?.message ?? "\(error)"
      }
      return nil
    }, Unmanaged.passUnretained(work).toOpaque())
  try #require(started == 0)
  pthread_join(thread, nil)
  #expect(
    work.message?.hasPrefix("stack overflow: native stack exhausted") == true,
    "\(work.message ?? "no message")")
}

/// A callable that is neither a user function nor a native.
final class ForeignCallable: Callable {
  var name: String { "foreign" }
  var parameters: [Parameter] { [] }
  var doc: String { "" }
}

@Test func unknownCallableKindsAreReported() {
  let (interp, _) = makeInterpreter()
  interp.define("foreign", .function(ForeignCallable()))
  #expect(runtimeMessage(interp, "foreign()") == "foreign cannot be called")
}

@Test func builtinMethodsAreDocumented() {
  let (interp, _) = makeInterpreter()
  let list = interp.builtinMethods.filter { $0.typeName == "list" }
  #expect(list.map(\.name).starts(with: ["all", "any", "append", "clear", "contains"]))
  #expect(list.allSatisfy { !$0.doc.isEmpty })
  #expect(list.first { $0.name == "append" }?.isMutating == true)
  #expect(list.first { $0.name == "join" }?.signature == "join(separator = \"\")")
}

@Test func valuesCompareStructurally() {
  #expect(Value.list([.number(1), .string("a")]) == .list([.number(1), .string("a")]))
  #expect(
    Value.record([("a", .number(1)), ("b", .nil)]) == .record([("b", .nil), ("a", .number(1))]))
  #expect(Value.number(1) != .string("1"))
  #expect(RangeValue(lower: Int.min, upper: Int.max, isClosed: true).count == Int.max)
  #expect(RangeValue(lower: Int.max, upper: Int.min, isClosed: false).count == 0)
}

@Test func editDistanceCountsSwapsAsOneEdit() {
  #expect(editDistance("pirnt", "print", limit: 2) == 1)
  #expect(editDistance("rank", "rnak", limit: 2) == 1)
  #expect(editDistance("", "abc", limit: 5) == 3)
  #expect(editDistance("kitten", "sitting", limit: 5) == 3)
  #expect(editDistance("abcdef", "uvwxyz", limit: 2) == 3)
  #expect(closestName(to: "lenght", among: ["len", "length", "left"]) == "length")
  #expect(closestName(to: "xs", among: ["ys"]) == nil)
}
