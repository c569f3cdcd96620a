// Releasing values: deeply nested values are taken apart without deep recursion, and
// a local function that calls itself does not keep itself (or what it captured) alive.
import Foundation
import Testing

@testable import Lang

/// Runs `body` on a thread with a small native stack, where releasing a list nested
/// 100,000 levels deep recursively would crash.
func onSmallStack(_ body: @escaping @Sendable () -> Void) {
  let done = DispatchSemaphore(value: 0)
  let thread = Thread {
    body()
    done.signal()
  }
  thread.stackSize = 1 << 20
  thread.start()
  done.wait()
}

@Test(arguments: [
  "var x = []\nfor i in 0..<100000 { x = [x] }\nx = nil",
  "var x = []\nfor i in 0..<100000 { x = [x] }",
  "var x = nil\nfor i in 0..<100000 { x = {value: i, next: x} }",
  "fn build() {\n var x = []\n for i in 0..<100000 { x = [1, x] }\n x\n}\nlet y = build()",
  "fn build() {\n var x = []\n for i in 0..<100000 { x = [x] }\n x\n}\nlen(build())",
  "fn build() {\n var x = []\n for i in 0..<100000 { x = [x] }\n x\n}\nfn id(a) { a }\nid(build())\n1",
  "var x = []\nfor i in 0..<100000 { x = [x, x] }",
  "var r = {a: []}\nfor i in 0..<100000 { r.a = [r.a] }\nr = 0",
  "var xs = [[]]\nfor i in 0..<100000 { xs[0] = [xs[0]] }",
  "fn f() {\n var x = []\n let g = fn() { x }\n for i in 0..<100000 { x = [x] }\n 0\n}\nf()",
  "var x = []\nvar y = []\nfor i in 0..<100000 {\n x = [x]\n y = [y]\n}\nassert(x == y)",
  "var x = []\nfor i in 0..<100000 { x = [x] }\nprint(str(x).count(\"[\"))",
  "var x = []\nfor i in 0..<100000 { x = [x] }\n[x] < [x]",
])
func deeplyNestedValuesAreReleasedWithoutRecursion(_ program: String) {
  onSmallStack {
    let interp = Interpreter(output: CollectingSink())
    _ = try? interp.run(Source(name: "deep.lr", text: program))
  }
}

@Test func uniquenessOfListStorageIsDetected() {
  var items: [Value] = (0..<3).map { .number(Double($0)) }
  #expect(Disposal.isUnique(&items))
  let copy = items
  // The copy must outlive the check, or an optimised build releases it first.
  withExtendedLifetime(copy) { #expect(!Disposal.isUnique(&items)) }
}

/// A native object that records its release.
final class Tracker: NativeObject {
  let released: @Sendable () -> Void
  init(_ released: @escaping @Sendable () -> Void) { self.released = released }
  deinit { released() }
  var typeName: String { "tracker" }
}

@Test func localRecursiveFunctionsDoNotLeak() throws {
  final class Flag: @unchecked Sendable { var released = false }
  let flag = Flag()
  do {
    let interp = Interpreter(output: CollectingSink())
    interp.define("tracker", .native(Tracker { flag.released = true }))
    _ = try interp.run(
      Source(
        name: "t.lr",
        text: """
          fn outer(t) {
            fn walk(n) { if n == 0 { t } else { walk(n - 1) } }
            walk(3)
          }
          outer(tracker)
          """))
    interp.define("tracker", .nil)
  }
  #expect(flag.released)
}
