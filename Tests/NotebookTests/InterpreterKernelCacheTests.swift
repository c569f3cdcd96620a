// The real interpreter behind the cache: restored values equal fresh ones, let/var kept,
// natives changed in place are stored, what cannot be stored is refused with a reason.
import Foundation
import Lang
import Testing
import _TestSupport

@testable import Notebook

/// A native that cells change in place (`c.bump()`), like a model that training updates.
final class Counter: CacheableNative {
  var count: Int
  init(_ count: Int) { self.count = count }

  static var cacheTag: String { "counter" }
  var cacheFingerprint: Int { count }
  var typeName: String { "counter" }
  func cachePayload() throws -> [UInt8] { Array(String(count).utf8) }

  func member(_ name: String) throws -> Value? {
    switch name {
    case "count": return .number(Double(count))
    case "bump":
      return .function(
        NativeFunction(name: "bump", params: [], doc: "") { [self] _ in
          count += 1
          return .nil
        })
    default: return nil
    }
  }
}

/// A native the cache knows nothing about.
final class Opaque: NativeObject {
  var typeName: String { "opaque" }
}

/// A fresh interpreter with test natives and a "random stream" kept in `stream`, so every
/// run is like a new process.
final class TestSession {
  let kernel: InterpreterKernel

  init() {
    let interpreter = Interpreter(output: CollectingSink())
    var decoders = NativeDecoders()
    decoders.register("counter") { bytes in
      guard let n = Int(String(decoding: bytes, as: UTF8.self)) else {
        throw RuntimeError("bad counter")
      }
      return Counter(n)
    }
    let box = Box()
    kernel = InterpreterKernel(
      interpreter: interpreter, decoders: decoders,
      sessionState: SessionStateHooks(
        save: { Array(String(box.stream).utf8) },
        restore: { bytes in
          guard let n = Int(String(decoding: bytes, as: UTF8.self)) else {
            throw RuntimeError("bad stream")
          }
          box.stream = n
        }))
    let natives = [
      NativeFunction(name: "counter", params: [Parameter("n")], doc: "") { args in
        .native(Counter(try args.int("n")))
      },
      NativeFunction(name: "opaque", params: [], doc: "") { _ in .native(Opaque()) },
      NativeFunction(name: "special", params: [Parameter("name")], doc: "") { args in
        switch try args.string("name") {
        case "nan": .number(.nan)
        case "inf": .number(.infinity)
        default: .number(-0.0)
        }
      },
      NativeFunction(name: "draw", params: [], doc: "") { _ in
        box.stream += 1
        return .number(Double(box.stream))
      },
    ]
    for native in natives { interpreter.register(native) }
    self.box = box
  }

  final class Box { var stream = 0 }
  let box: Box
}

@Suite struct InterpreterKernelCacheTests {
  /// Runs `text` in a fresh session over the cache in `directory`.
  func run(_ text: String, in directory: URL) throws -> (NotebookRun, TestSession) {
    let session = TestSession()
    var options = RunOptions()
    options.cache = CellCache(directory: directory)
    let run = NotebookRunner(kernel: session.kernel, options: options).run(try Fixtures.read(text))
    try options.cache?.save()
    return (run, session)
  }

  /// Equal values, NaN equal to NaN and -0 told apart from 0; natives by their state.
  func same(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)):
      return x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
    case (.list(let xs), .list(let ys)): return xs.count == ys.count && zip(xs, ys).allSatisfy(same)
    case (.record(let r), .record(let s)):
      return r.keys == s.keys && zip(r.values, s.values).allSatisfy(same)
    case (.native(let m as Counter), .native(let n as Counter)): return m.count == n.count
    default: return a == b
    }
  }

  static let plain = """
    ```lr
    #| cache: true
    let n = 3
    var s = "héllo \\u{1F600}"
    let xs = [1, 0.1, 1e300, special("nan"), special("inf"), special("zero"), -7]
    let cfg = {rank: 8, tau: 0.1, nested: {name: "x", list: [[], [1, [2]]]}, none: nil, yes: true}
    let r = 2..<5
    let closed = 1...3
    let rows = [{a: 1, b: "x"}, {a: 2, b: "y"}]
    let d = draw()
    ```

    ```lr
    s = s + "!"
    print(s, d, draw())
    ```
    """

  @Test func restoredPlainValuesEqualFreshOnes() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (fresh, first) = try run(Self.plain, in: directory)
    #expect(fresh.succeeded, "\(fresh.cells.map(\.failure))")
    #expect(fresh.cells[0].cache?.stored == true, "\(String(describing: fresh.cells[0].cache))")
    let (restored, second) = try run(Self.plain, in: directory)
    #expect(restored.cells[0].cache?.restored == true)
    #expect(restored.succeeded)
    for name in ["n", "xs", "cfg", "r", "closed", "rows", "d"] {
      let a = try #require(first.kernel.interpreter.globalValue(name))
      let b = try #require(second.kernel.interpreter.globalValue(name))
      #expect(same(a, b), "\(name): \(a) vs \(b)")
    }
    // `var s` stays assignable, and the random stream continues where it was.
    #expect(restored.cells[1].outputs == fresh.cells[1].outputs)
    #expect(restored.cells[1].outputs == [.stdout("héllo \u{1F600}! 1 2\n")])
    #expect(second.kernel.interpreter.isGlobalConstant("n"))
    #expect(!second.kernel.interpreter.isGlobalConstant("s"))
  }

  @Test func aRestoredLetStaysConstant() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "```lr\n#| cache: true\nlet k = 1\n```\n\n```lr\nk = 2\n```\n"
    _ = try run(text, in: directory)
    let (second, _) = try run(text, in: directory)
    #expect(second.cells[0].cache?.restored == true)
    #expect(second.cells[1].status == .failed)
  }

  @Test func nativesChangedInPlaceAreStoredAndSharedObjectsStayShared() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = """
      ```lr
      let c = counter(1)
      ```

      ```lr
      #| cache: true
      c.bump()
      let same = c
      let pair = [c, c]
      ```

      ```lr
      c.bump()
      print(c.count, same.count, pair[1].count)
      ```
      """
    let (fresh, _) = try run(text, in: directory)
    #expect(fresh.cells[1].cache?.stored == true)
    #expect(fresh.cells[2].outputs == [.stdout("3 3 3\n")])
    let (restored, session) = try run(text, in: directory)
    #expect(restored.cells[1].cache?.restored == true)
    #expect(restored.cells[1].cache?.note == "restored c, pair, same")
    #expect(restored.cells[2].outputs == [.stdout("3 3 3\n")])
    let interpreter = session.kernel.interpreter
    let c = try #require(interpreter.globalValue("c")?.asNative)
    #expect(interpreter.globalValue("same")?.asNative === c)
  }

  @Test func anUnchangedGlobalIsReferencedNotCopied() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "```lr\nlet c = counter(5)\n```\n\n```lr\n#| cache: true\nlet alias = c\n```\n"
    _ = try run(text, in: directory)
    let (restored, session) = try run(text, in: directory)
    #expect(restored.cells[1].cache?.restored == true)
    let interpreter = session.kernel.interpreter
    #expect(interpreter.globalValue("alias")?.asNative === interpreter.globalValue("c")?.asNative)
  }

  @Test(arguments: [
    ("fn f(x) { x }", "'f' is a function, which the cache cannot store"),
    ("let fs = [fn(x) { x }]", "'fs' holds a function, which the cache cannot store"),
    ("let o = opaque()", "'o' holds an opaque, whose changes the cache cannot follow"),
    (
      "var deep = []\nfor i in 0..<150 { deep = [deep] }",
      "'deep' is nested more than 100 levels deep"
    ),
  ])
  func refusals(_ code: String, _ reason: String) throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "```lr\n#| cache: true\n\(code)\n```\n"
    let (fresh, _) = try run(text, in: directory)
    #expect(fresh.succeeded)
    #expect(fresh.cells[0].cache?.stored == false)
    #expect(
      fresh.cells[0].cache?.note?.hasPrefix(reason) == true,
      "\(String(describing: fresh.cells[0].cache?.note))")
    let (again, _) = try run(text, in: directory)
    #expect(again.cells[0].cache?.restored == false)
  }

  @Test func anOpaqueNativeAnywhereStopsCaching() throws {
    // The cached cell does not touch `o`, but it could have changed it in place.
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "```lr\nlet o = opaque()\n```\n\n```lr\n#| cache: true\nlet x = 1\n```\n"
    let (fresh, _) = try run(text, in: directory)
    #expect(fresh.cells[1].cache?.stored == false)
  }

  @Test func aBadStateChangesNothing() throws {
    let session = TestSession()
    let interpreter = session.kernel.interpreter
    interpreter.define("kept", .number(1))
    let mark = session.kernel.markGlobals()
    _ = try interpreter.run(Source(name: "c", text: "let kept2 = counter(3)"))
    var state = try session.kernel.saveChanges(since: mark)
    #expect(state.names == ["kept2"])
    state.blobs[0] = Array("not a number".utf8)
    let fresh = TestSession()
    #expect(throws: CacheRefusal.self) { try fresh.kernel.restore(state) }
    #expect(fresh.kernel.interpreter.globalValue("kept2") == nil)
    #expect(throws: CacheRefusal.self) {
      try fresh.kernel.restore(StoredState(manifest: Array("{".utf8)))
    }
  }
}
