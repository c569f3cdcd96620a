// The REPL as a person uses it, through a real terminal (tmux): history across
// restarts, completion, multi-line entries, Ctrl-C, Ctrl-D, errors, :save → lrnb run.
import Foundation
import Testing
import _TestSupport

/// The long computation the Ctrl-C test interrupts: training that would run for hours,
/// stopped between two steps; the model stays usable.
enum LongTraining {
  static let setup = "let d = digits(); let net = mlp([64, 128, 10])"
  static let run = "print(\"training started\"); fit(net, d, epochs: 100000)"
  static let check = "predict(net, d.x).shape"
  static let checkOutput = "[1797, 10]"
}

@Suite(.serialized) struct TerminalTests {
  func withRepl(
    arguments: [String] = [], _ body: (TmuxRepl) throws -> Void
  ) throws {
    let root = try makeTemporaryDirectory("lrnb-repl")
    defer { try? FileManager.default.removeItem(at: root) }
    let repl = try TmuxRepl(root: root, arguments: arguments)
    defer { repl.close() }
    try body(repl)
  }

  @Test func historySurvivesARestart() throws {
    let root = try makeTemporaryDirectory("lrnb-repl")
    defer { try? FileManager.default.removeItem(at: root) }
    do {
      let repl = try TmuxRepl(root: root)
      defer { repl.close() }
      try repl.wait(for: "lr[1]> ")
      try repl.enter("let marker = 41")
      try repl.wait(for: "lr[2]> ")
      try repl.enter("fn bump(x) {")
      try repl.wait(for: "...> ")
      try repl.enter("  x + 1")
      try repl.enter("}")
      try repl.wait(for: "lr[3]> ")
      try repl.enter(":quit")
      let status = try repl.exitStatus()
      #expect(status == 0)
    }
    let file = root.appendingPathComponent("state/lrnb/history")
    #expect(
      try String(contentsOf: file, encoding: .utf8)
        == "let marker = 41\nfn bump(x) {\\n  x + 1\\n}\n:quit\n")

    let repl = try TmuxRepl(root: root)
    defer { repl.close() }
    try repl.wait(for: "lr[1]> ")
    try repl.press("Up", "Up")
    // The multi-line entry comes back whole.
    try repl.wait(for: "lr[1]> fn bump(x) {\n  x + 1\n}")
    try repl.press("Enter")
    try repl.wait(for: "lr[2]> ")
    try repl.press("Up", "Up", "Up", "Up", "Enter")
    try repl.wait(for: "lr[3]> ")
    try repl.enter("bump(marker)")
    try repl.wait(for: "bump(marker)\n42\n")
  }

  @Test func twoSessionsAtOnceKeepEveryEntry() throws {
    let root = try makeTemporaryDirectory("lrnb-repl")
    defer { try? FileManager.default.removeItem(at: root) }
    let first = try TmuxRepl(root: root, name: "first")
    defer { first.close() }
    let second = try TmuxRepl(root: root, name: "second")
    defer { second.close() }
    try first.wait(for: "lr[1]> ")
    try second.wait(for: "lr[1]> ")
    for round in 1...3 {
      try first.enter("let a\(round) = \(round)")
      try first.wait(for: "lr[\(round + 1)]> ")
      try second.enter("let b\(round) = \(round)")
      try second.wait(for: "lr[\(round + 1)]> ")
    }
    let file = root.appendingPathComponent("state/lrnb/history")
    let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
    #expect(
      lines == ["let a1 = 1", "let b1 = 1", "let a2 = 2", "let b2 = 2", "let a3 = 3", "let b3 = 3"])
  }

  @Test func completionAfterDotOffersATensorsMethods() throws {
    try withRepl { repl in
      try repl.wait(for: "lr[1]> ")
      try repl.enter("let t = ones([2, 3])")
      try repl.wait(for: "lr[2]> ")
      try repl.send("t.")
      try repl.press("Tab")
      let listed = try repl.wait("the list of members") { $0.contains("reshape") }
      for method in ["sum", "mean", "shape", "tolist", "T"] {
        #expect(listed.contains(method), "missing \(method) in \(listed)")
      }
      try repl.send("resh")
      try repl.press("Tab")
      try repl.wait(for: "lr[2]> t.reshape(")
      try repl.enter("[3, 2])")
      try repl.wait(for: "tensor [3, 2]")
      // Named arguments inside a call.
      try repl.send("t.sum(ax")
      try repl.press("Tab")
      try repl.wait(for: "t.sum(axis: ")
      try repl.enter("0)")
      try repl.wait(for: "tensor [3]")
    }
  }

  @Test func multiLineFunctionDefinitionAndPaste() throws {
    try withRepl { repl in
      try repl.wait(for: "lr[1]> ")
      try repl.enter("fn scale(x, by = 2) {")
      // Continuation prompts line up with the main prompt.
      try repl.wait(for: "lr[1]> fn scale(x, by = 2) {\n  ...> ")
      try repl.enter("  let y = x * by")
      try repl.enter("  y + 1")
      try repl.enter("}")
      try repl.wait(for: "lr[2]> ")
      try repl.enter("scale(3, by: 10)")
      try repl.wait(for: "\n31\n")
      // A pasted block arrives as one burst of lines.
      try repl.send("fn square(x) {\r  x * x\r}\rsquare(7)\r")
      try repl.wait(for: "\n49\n")
      try repl.wait(for: "lr[5]> ")
    }
  }

  @Test func ctrlCDuringTrainingReturnsToThePromptWithTheModel() throws {
    try withRepl { repl in
      try repl.wait(for: "lr[1]> ")
      try repl.enter(LongTraining.setup)
      try repl.wait(for: "lr[2]> ")
      try repl.enter(LongTraining.run)
      try repl.wait(for: "training started")
      try repl.press("C-c")
      try repl.wait(for: "interrupted (at lr[2]:")
      try repl.wait(for: "lr[3]> ")
      try repl.enter(LongTraining.check)
      try repl.wait(for: "\n\(LongTraining.checkOutput)\nlr[4]> ")
    }
  }

  @Test func ctrlCClearsTheLineAndCtrlDExits() throws {
    try withRepl { repl in
      try repl.wait(for: "lr[1]> ")
      try repl.send("print(\"never run\")")
      try repl.press("C-c")
      try repl.wait(for: "lr[1]> print(\"never run\")^C\nlr[1]> ")
      // Ctrl-C also abandons an unfinished multi-line entry.
      try repl.enter("let xs = [1,")
      try repl.wait(for: "...> ")
      try repl.press("C-c")
      try repl.wait(for: "lr[1]> ", count: 3)
      try repl.enter("1 + 1")
      try repl.wait(for: "\n2\nlr[2]> ")
      #expect(!(try repl.screen()).contains("never run\n"))
      try repl.press("C-d")
      let status = try repl.exitStatus()
      #expect(status == 0)
    }
  }

  @Test func errorsShowACaretUnderTheEnteredLine() throws {
    try withRepl { repl in
      try repl.wait(for: "lr[1]> ")
      try repl.enter("let y = 2 * nope + 1")
      let screen = try repl.wait(for: "^~~~")
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      #expect(lines.contains("lr[1]:1:13: error: undefined variable 'nope'"))
      let quoted = try #require(lines.first { $0.hasSuffix("| let y = 2 * nope + 1") })
      let caret = try #require(lines.first { $0.hasSuffix("^~~~") })
      #expect(
        caret.count - 4
          == quoted.distance(
            from: quoted.startIndex, to: quoted.range(of: "nope")?.lowerBound ?? quoted.endIndex))
      try repl.wait(for: "lr[2]> ")
      try repl.enter(")")
      try repl.wait(for: "lr[2]:1:1: error: expected an expression, found ')'")
      try repl.wait(for: "lr[3]> ")
    }
  }

  @Test func saveThenRunReproducesTheSession() throws {
    let root = try makeTemporaryDirectory("lrnb-repl")
    defer { try? FileManager.default.removeItem(at: root) }
    let notebook = root.appendingPathComponent("session.lrnb")
    let entries: [(code: String, shown: String)] = [
      ("let xs = [3, 1, 2]", ""),
      ("xs.map(fn(x) { x * x })", "[9, 1, 4]"),
      ("len(_)", "3"),
      ("print(\"sum: \\(xs[0] + xs[1])\")", "sum: 4"),
      ("let t = ones([2, 2])", ""),
      ("t.sum()", "4"),
    ]
    do {
      let repl = try TmuxRepl(root: root)
      defer { repl.close() }
      for (number, entry) in entries.enumerated() {
        try repl.wait(for: "lr[\(number + 1)]> ")
        try repl.enter(entry.code)
        if !entry.shown.isEmpty { try repl.wait(for: "\(entry.code)\n\(entry.shown)\n") }
      }
      try repl.enter("lineplot(xs)")
      try repl.wait(for: "[figure 640×")
      try repl.enter(":save \(notebook.path)")
      try repl.wait(for: "saved 7 cells to \(notebook.path)")
      try repl.enter(":quit")
      let status = try repl.exitStatus()
      #expect(status == 0)
    }
    let run = try runProcess(lrnbExecutable(), ["run", notebook.path])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try Data(contentsOf: root.appendingPathComponent("session.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
    let cells = try #require(json["cells"] as? [[String: Any]])
    let outputs = cells.flatMap { ($0["outputs"] as? [[String: Any]]) ?? [] }
    let texts = outputs.compactMap { $0["text"] as? String }.map {
      $0.trimmingCharacters(in: .newlines)
    }
    #expect(texts == entries.map(\.shown).filter { !$0.isEmpty })
    #expect(outputs.contains { ($0["type"] as? String) == "image" })
  }

  @Test func helpVarsAndTheViKeysOfEditrc() throws {
    let root = try makeTemporaryDirectory("lrnb-repl")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("home"), withIntermediateDirectories: true)
    try "bind -v\n".write(
      to: root.appendingPathComponent("home/.editrc"), atomically: true, encoding: .utf8)
    let repl = try TmuxRepl(root: root)
    defer { repl.close() }
    try repl.wait(for: "lr[1]> ")
    try repl.enter("?len")
    try repl.wait(for: "len(x)\n  The number of items")
    // Help and commands take no cell number; code does.
    try repl.enter("let rank = 8")
    try repl.wait(for: "lr[2]> ")
    try repl.enter(":vars")
    try repl.wait(for: "rank  number  8")
    // vi keys: Escape, then k recalls the previous entry; Tab still completes.
    try repl.press("Escape", "k")
    try repl.wait(for: "lr[2]> :vars")
    // (`0 D a`: ESC followed by a key would be read as one escape sequence.)
    try repl.press("0", "D", "a")
    try repl.send("pri")
    try repl.press("Tab")
    try repl.wait(for: "lr[2]> print(")
    try repl.enter("rank * 2)")
    try repl.wait(for: "\n16\n")
    // Ctrl-R searches the history.
    try repl.press("C-r")
    try repl.send("rank =")
    try repl.wait(for: "let rank = 8", count: 2)
    try repl.press("Enter")
    try repl.wait(for: "lr[4]> ")
  }
}
