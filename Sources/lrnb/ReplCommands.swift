// REPL entries: *lr* code, or a command (`:help`, `:load`, `:save`, `:time`, `:vars`,
// `:reset`, `:quit`, `?name`), parsed and carried out on the session.
import Foundation
import Lang

/// What one complete entry asks for.
enum ReplEntry: Equatable {
  case code(String)
  case help(String?)
  case load(String)
  case save(String)
  case time(String)
  case vars
  case reset
  case quit
  /// A command that cannot run, with the message saying why.
  case invalid(String)

  /// The commands and what they do, for `:help`.
  static let commands: [(usage: String, summary: String)] = [
    (":help [name]", "this list, or the documentation of a function or method (also ?name)"),
    (":load NB.lrnb", "run a notebook's cells in this session"),
    (":save FILE.lrnb", "write this session's entries as a notebook `lrnb run` reproduces"),
    (":time CODE", "run CODE and print how long it took"),
    (":vars", "the variables you defined: names, types, shapes"),
    (":reset", "forget every variable and start a fresh session"),
    (":quit", "leave (also Ctrl-D)"),
  ]

  /// The command names, for completion.
  static let commandNames = ["help", "load", "save", "time", "vars", "reset", "quit"]

  /// The entry `text` asks for.
  static func parse(_ text: String) -> ReplEntry {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.hasPrefix("?") {
      let name = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
      return .help(name.isEmpty ? nil : name)
    }
    guard trimmed.hasPrefix(":") else { return .code(text) }
    let body = trimmed.dropFirst()
    let word = String(body.prefix { !$0.isWhitespace })
    let argument = body.dropFirst(word.count).trimmingCharacters(in: .whitespacesAndNewlines)
    func needs(_ what: String, _ make: (String) -> ReplEntry) -> ReplEntry {
      argument.isEmpty ? .invalid("':\(word)' needs \(what)") : make(argument)
    }
    switch word {
    case "help", "h": return .help(argument.isEmpty ? nil : argument)
    case "load", "l": return needs("a notebook, e.g. :load tour.lrnb", ReplEntry.load)
    case "save", "s": return needs("a file name, e.g. :save session.lrnb", ReplEntry.save)
    case "time", "t":
      return needs("code to time, e.g. :time svd(randn([500, 500]))", ReplEntry.time)
    case "vars", "v", "who": return argument.isEmpty ? .vars : .invalid("':vars' takes no argument")
    case "reset": return argument.isEmpty ? .reset : .invalid("':reset' takes no argument")
    case "quit", "q", "exit": return .quit
    case "": return .invalid("a command name must follow ':' (see :help)")
    default: return .invalid("unknown command ':\(word)' (see :help)")
    }
  }

  /// The *lr* code in `text` whose completeness decides whether more lines are needed:
  /// the whole text for code, the code after `:time`, nil for other commands.
  static func code(in text: String) -> String? {
    switch parse(text) {
    case .code(let code): return code
    case .time:
      // Keep everything after the word so multi-line code after `:time` stays intact.
      let afterColon = text.drop { $0 != ":" }.dropFirst()
      return String(afterColon.drop { !$0.isWhitespace })
    default: return nil
    }
  }
}

extension ReplSession {
  /// Carries out one entry. - Returns: false when the session should end.
  func handle(_ entry: ReplEntry) -> Bool {
    switch entry {
    case .code(let code): run(code: code)
    case .help(let name): console.out(help(name))
    case .load(let path): load(path)
    case .save(let path): save(to: path)
    case .time(let code): time(code)
    case .vars: console.out(variablesTable())
    case .reset: resetSession()
    case .quit: return false
    case .invalid(let message): fail(message)
    }
    return true
  }

  private func time(_ code: String) {
    let clock = ContinuousClock()
    let start = clock.now
    run(code: code)
    console.out("time: \(formatElapsed(clock.now - start))\n")
  }

  private func resetSession() {
    do {
      try reset()
      console.out("session reset: every variable is gone\n")
    } catch {
      report(error)
    }
  }
}

/// Elapsed time with three significant digits: `812 µs`, `12.3 ms`, `4.56 s`.
func formatElapsed(_ duration: Duration) -> String {
  let seconds =
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  if seconds < 1e-3 { return String(format: "%.3g µs", seconds * 1e6) }
  if seconds < 1 { return String(format: "%.3g ms", seconds * 1e3) }
  return seconds < 100 ? String(format: "%.3g s", seconds) : String(format: "%.0f s", seconds)
}
