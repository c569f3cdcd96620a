// libFuzzer entry point for the lr pipeline: every input is lexed, highlighted,
// parsed, resolved and run (with a watchdog that interrupts runaway loops). Any crash,
// trap or sanitizer report is a bug; diagnostics are the expected outcome.
// Compiled into the Lang module by fuzz/run (swiftc -sanitize=fuzzer), so it can reach
// the internal stages directly.
import Dispatch

/// How long one input may run before the watchdog interrupts it.
private let watchdogMilliseconds = 20

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let source = Source(name: "fuzz.lr", text: text)
  _ = highlight(text)
  _ = Lexer.scan(source, keepComments: true)
  let interpreter = Interpreter(output: CollectingSink())
  let lineCount = source.lineCount
  var diagnostics = interpreter.check(source)
  let watchdog = DispatchWorkItem { [handle = interpreter.interruptSwitch] in handle.fire() }
  DispatchQueue.global().asyncAfter(
    deadline: .now() + .milliseconds(watchdogMilliseconds), execute: watchdog)
  do {
    _ = try interpreter.run(source)
  } catch {
    diagnostics += error.diagnostics
  }
  watchdog.cancel()
  for d in diagnostics {
    // A diagnostic outside the source would render without its line: treat as a bug.
    if d.message.isEmpty || d.range.start.line < 1 || d.range.start.line > lineCount
      || d.range.start.column < 1
    {
      if d.range.file == "fuzz.lr" { fatalError("bad diagnostic: \(d)") }
    }
    _ = DiagnosticRenderer(sources: [source]).render(d)
  }
  return 0
}
