// Randomised robustness: token soup and mutated spec files go through lexing,
// parsing, resolving, running and highlighting. Nothing may crash; every problem
// must come back as a diagnostic pointing inside the source.
import Foundation
import Testing

@testable import Lang

/// SplitMix64: a tiny seeded generator, so a failure reproduces from its seed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

let soupVocabulary = [
  "let", "var", "fn", "if", "else", "for", "in", "while", "break", "continue", "return", "true",
  "false", "nil", "and", "or", "not", "x", "y", "xs", "f", "print", "len", "str", "error", "assert",
  "0", "1", "2.5", "-1", "1e308", "\"s\"", "\"a\\(x)b\"", "\"", "\\(", "(", ")", "[", "]", "{", "}",
  ",", ":", ";", ".", "+", "-", "*", "/", "%", "**", "@", "==", "!=", "<", "<=", ">", ">=", "=",
  "+=", "-=", "*=", "/=", "|>", "..<", "...", "\n", "\n", "#", "$", "!", "&&", "é", "map",
  "append",
]

/// Runs `text` with a watchdog that interrupts it after a short while, then checks
/// that every diagnostic is well-formed.
func survive(_ text: String, _ label: String) {
  let source = Source(name: "fuzz.lr", text: text)
  _ = highlight(text)
  let interp = Interpreter(output: CollectingSink())
  let lineCount = source.lineCount
  let checked = interp.check(source)
  let watchdog = DispatchWorkItem { [handle = interp.interruptSwitch] in handle.fire() }
  DispatchQueue.global().asyncAfter(deadline: .now() + 0.2, execute: watchdog)
  defer { watchdog.cancel() }
  var diagnostics = checked
  do {
    _ = try interp.run(source)
  } catch {
    diagnostics += error.diagnostics
  }
  for d in diagnostics {
    #expect(!d.message.isEmpty, "\(label): empty message")
    #expect(d.range.start.line >= 1 && d.range.start.line <= lineCount, "\(label): \(d)")
    #expect(d.range.start.column >= 1, "\(label): \(d)")
  }
}

@Test func tokenSoupNeverCrashes() {
  var rng = SeededGenerator(state: 42)
  for i in 0..<1500 {
    let count = Int.random(in: 1...40, using: &rng)
    let text = (0..<count).map { _ in soupVocabulary.randomElement(using: &rng) ?? "" }
      .joined(separator: Bool.random(using: &rng) ? " " : "")
    survive(text, "soup \(i)")
  }
}

@Test(arguments: specFiles)
func mutatedSpecsNeverCrash(_ file: String) throws {
  let text = try String(contentsOf: specRoot().appendingPathComponent(file), encoding: .utf8)
  var rng = SeededGenerator(state: UInt64(truncatingIfNeeded: file.hashValueStable))
  let pieces = ["(", ")", "{", "}", "[", "]", "\"", "\\(", "\n", ",", ".", "-", "fn", "0", "x"]
  for i in 0..<12 {
    var chars = Array(text)
    for _ in 0..<Int.random(in: 1...4, using: &rng) where !chars.isEmpty {
      let at = Int.random(in: 0..<chars.count, using: &rng)
      switch Int.random(in: 0..<3, using: &rng) {
      case 0: chars.remove(at: at)
      case 1: chars.insert(contentsOf: pieces.randomElement(using: &rng) ?? "", at: at)
      default: chars.insert(chars[at], at: at)
      }
    }
    survive(String(chars), "\(file) mutation \(i)")
  }
}

@Test func deepNestingIsAnErrorNotACrash() {
  for opener in ["(", "[", "{a: ", "-", "not ", "f(", "if true { ", "fn() { "] {
    survive(String(repeating: opener, count: 5000) + "1", "nesting \(opener)")
  }
  survive(Array(repeating: "1", count: 20000).joined(separator: " + "), "long chain")
  survive(String(repeating: "x.", count: 5000) + "y", "member chain")
  survive(String(repeating: "\"\\(", count: 2000), "interpolation nesting")
}

@Test func hugeAndOddNumbersAreChecked() {
  for text in [
    "[1][1e300]", "[1][-1e300]", "[1][0/0]", "0..<1e300", "for i in 0..<(1/0) { }",
    "\"x\" * (0/0)", "\"x\" * -1", "len(0..<9007199254740993)", "[1, 2][1..<(0 - 1)]",
  ] {
    survive(text, text)
  }
}

extension String {
  /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
  var hashValueStable: UInt64 {
    utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
  }
}

/// The fuzzer's regression cases: inputs that once crashed or leaked, kept so they never
/// come back (fuzz/README.md).
let fuzzRegressions: [String] = {
  let dir = specRoot().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("fuzz/regressions")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
  return names.filter { $0.hasSuffix(".lr") }.sorted().map { dir.appendingPathComponent($0).path }
}()

@Test(arguments: fuzzRegressions)
func fuzzRegressionsSurvive(_ path: String) throws {
  let text = try String(contentsOfFile: path, encoding: .utf8)
  survive(text, path)
}

@Test func fuzzRegressionsExist() {
  #expect(fuzzRegressions.count >= 5)
}

@Test func framesWithManyLocalsExhaustTheValueStackWithAnError() throws {
  // 1,100 locals × 1,000 calls is more than the value stack's 2^20 slots.
  let locals = (0..<1100).map { "  let v\($0) = \($0)" }.joined(separator: "\n")
  let program = "fn deep(n) {\n\(locals)\n  if n == 0 { 0 } else { deep(n - 1) }\n}\ndeep(999)"
  let interp = Interpreter(output: CollectingSink())
  do {
    _ = try interp.run(Source(name: "locals.lr", text: program))
    Issue.record("expected a stack overflow")
  } catch {
    #expect(
      error.diagnostics.first?.message
        == "stack overflow: too many local variables in active calls")
  }
}
