// The session without a terminal: values, `_`, errors with carets, :vars, :help,
// :reset, figures, interruption.
import Dispatch
import Foundation
import Lang
import Testing
import _TestSupport

@testable import lrnb

/// What a session printed.
final class Captured {
  var out = ""
  var err = ""
}

/// A session printing into a `Captured`, with figures in `directory`.
func makeSession(figures directory: URL) throws -> (ReplSession, Captured) {
  let captured = Captured()
  let console = ReplConsole(out: { captured.out += $0 }, err: { captured.err += $0 })
  let session = try ReplSession(
    console: console, figures: FigureWriter(directory: directory, inline: nil))
  return (session, captured)
}

@Suite struct SessionTests {
  @Test func valuesShowAndUnderscoreHoldsTheLast() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, captured) = try makeSession(figures: dir)
    #expect(session.cellNumber == 1)
    session.run(code: "let x = 3")
    session.run(code: "x * 2")
    session.run(code: "print(\"hi\")")
    session.run(code: "_ + 1")
    session.run(code: "x;")
    #expect(captured.out == "6\nhi\n7\n")
    #expect(captured.err == "")
    #expect(session.cellNumber == 6)
    #expect(session.status == 0)
  }

  @Test func errorsQuoteTheEnteredLineWithACaret() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, captured) = try makeSession(figures: dir)
    session.run(code: "let y = nope + 1")
    #expect(
      captured.err
        == "lr[1]:1:9: error: undefined variable 'nope'\n  1 | let y = nope + 1\n    |         ^~~~\n"
    )
    // An error inside a function quotes the entry that defined it.
    captured.err = ""
    session.run(code: "fn f(x) {\n  x + missing\n}")
    session.run(code: "f(1)")
    #expect(
      captured.err.hasPrefix(
        "lr[2]:2:7: error: undefined variable 'missing'\n  2 |   x + missing\n"))
    #expect(captured.err.contains("lr[3]:1:1"))
    #expect(session.status == ExitStatus.runtimeError)
    // Nothing the user types crashes the session.
    for junk in [
      "}", "\u{0}", "let let", "\"\\(", "[[[[", String(repeating: "(", count: 300), "1/0", "-",
    ] {
      session.run(code: junk)
    }
    session.run(code: "40 + 2")
    #expect(captured.out.hasSuffix("42\n"))
  }

  @Test func varsListsWhatTheUserDefined() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, captured) = try makeSession(figures: dir)
    #expect(session.variablesTable() == "no variables yet\n")
    session.run(
      code: "let t = ones([2, 3])\nlet names = [\"a\", \"b\"]\nfn scale(x, by = 2) { x * by }")
    session.run(code: "let len = 5")  // redefining a builtin shows it
    session.run(code: "t")
    let table = session.variablesTable()
    #expect(table.contains("name "))
    #expect(table.contains("t      tensor    [2, 3]"))
    #expect(table.contains("names  list      2 items"))
    #expect(table.contains("scale  function  scale(x, by = 2)"))
    #expect(table.contains("len    number    5"))
    #expect(!table.contains("print"))
    #expect(!table.contains("\n_ "))
    _ = captured
  }

  @Test func helpFromDocStrings() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, _) = try makeSession(figures: dir)
    session.run(code: "let t = ones([2])\nlet x = 3\nlet cfg = {rank: 8}")
    #expect(session.help(nil).contains(":load NB.lrnb"))
    #expect(session.help("len").hasPrefix("len(x)\n  The number of items"))
    #expect(session.help("t.sum").hasPrefix("tensor.sum(axis = nil)\n  The sum of all elements"))
    #expect(session.help("list.map").hasPrefix("list.map(f)\n"))
    // A global (the stdlib's map) wins; a name that is only a method finds the method.
    #expect(session.help("map").hasPrefix("map(xs, f)"))
    #expect(session.help("append").contains("list.append("))
    #expect(session.help("x") == "x: number — 3\n")
    #expect(session.help("cfg.rank") == "cfg.rank: number — 8\n")
    #expect(session.help("for").hasPrefix("for NAME in"))
    #expect(session.help("nothing").hasPrefix("no documentation for 'nothing'"))
  }

  @Test func resetForgetsEverything() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, captured) = try makeSession(figures: dir)
    var replaced: Interpreter?
    session.onNewInterpreter = { replaced = $0 }
    session.run(code: "let x = 3")
    #expect(session.handle(.reset))
    #expect(replaced === session.interpreter)
    #expect(captured.out.contains("session reset"))
    session.run(code: "x")
    #expect(captured.err.contains("lr[2]:1:1: error: undefined variable 'x'"))
    #expect(session.record.count == 1)  // the failed `x`; `let x` went with the reset
    #expect(!session.handle(.quit))
  }

  @Test func figuresAreWrittenAndTheirPathsPrinted() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, captured) = try makeSession(figures: dir)
    session.run(code: "let xs = [1, 4, 9]")
    session.run(code: "display(lineplot(xs))\nlineplot(xs, title: \"squares\")")
    let lines = captured.out.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0] == "[figure 640×420] " + dir.appendingPathComponent("fig-2-1.png").path)
    #expect(lines[1].hasPrefix("  Line plot. x axis"))
    #expect(lines[2] == "[figure 640×420] " + dir.appendingPathComponent("fig-2-2.png").path)
    #expect(lines[3].hasPrefix("  Line plot \"squares\"."))
    let png = try Data(contentsOf: dir.appendingPathComponent("fig-2-2.png"))
    #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
  }

  @Test func interruptionStopsTheEntryAndKeepsTheState() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, captured) = try makeSession(figures: dir)
    session.run(code: "var model = {steps: 0}")
    let interruptSwitch = session.interpreter.interruptSwitch
    DispatchQueue(label: "test.interrupt").asyncAfter(deadline: .now() + 0.3) {
      interruptSwitch.fire()
    }
    session.run(code: "while true { model.steps += 1 }")
    #expect(captured.err.hasPrefix("interrupted (at lr[2]:"))
    session.run(code: "model.steps > 0")
    #expect(captured.out == "true\n")
    // Inside a function, the message names it.
    session.run(code: "fn spin() {\n  while true { model.steps += 1 }\n}")
    captured.err = ""
    DispatchQueue(label: "test.interrupt").asyncAfter(deadline: .now() + 0.3) {
      interruptSwitch.fire()
    }
    session.run(code: "spin()")
    #expect(captured.err == "interrupted (in spin at lr[4]:2:9)\n")
    #expect(
      session.record.map(\.outcome) == [
        .succeeded, .interrupted, .succeeded, .succeeded, .interrupted,
      ])
  }
}

extension SessionTests {
  @Test func inlineFiguresPrecedeTheirPath() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let writer = FigureWriter(directory: dir, inline: .iterm2)
    let image = Display.Image(data: [1, 2, 3], width: 4, height: 2, alt: "")
    #expect(
      writer.present(image, cell: 5)
        == "\u{1B}]1337;File=inline=1;size=3;preserveAspectRatio=1:AQID\u{07}\n[figure 4×2] "
        + dir.appendingPathComponent("fig-5-1.png").path + "\n")
  }
}
