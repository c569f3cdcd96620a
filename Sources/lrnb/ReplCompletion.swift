// What Tab offers in the REPL: command names after `:`, file names after `:load` and
// `:save`, names after `?`/`:help`, and otherwise the interpreter's completions.
import Foundation
import Lang

/// Completions for the line typed so far (`before` the cursor) while `pending` holds
/// the earlier lines of an unfinished entry.
func replCompletions(_ before: String, pending: String, interpreter: Interpreter) -> Completions {
  guard pending.isEmpty else { return interpreter.completions(before: before, context: pending) }
  let trimmed = before.drop { $0 == " " }
  if trimmed.hasPrefix("?") {
    return interpreter.completions(before: String(trimmed.dropFirst()))
  }
  guard trimmed.hasPrefix(":") else { return interpreter.completions(before: before) }
  let body = trimmed.dropFirst()
  let word = String(body.prefix { !$0.isWhitespace })
  guard body.count > word.count else {
    let candidates = ReplEntry.commandNames.filter { $0.hasPrefix(word) }.map {
      CompletionCandidate(name: ":" + $0, insertion: $0 + " ", kind: .keyword)
    }
    return Completions(prefix: word, candidates: candidates)
  }
  let argument = String(body.dropFirst(word.count).drop { $0 == " " })
  switch word {
  case "load", "l": return fileCompletions(argument, extensions: ["lrnb"])
  case "save", "s": return fileCompletions(argument, extensions: ["lrnb"])
  case "help", "h", "time", "t": return interpreter.completions(before: argument)
  default: return Completions(prefix: argument, candidates: [])
  }
}

/// Directories and files with one of `extensions` that complete the path `typed`.
func fileCompletions(_ typed: String, extensions: Set<String>) -> Completions {
  let slash = typed.lastIndex(of: "/")
  let directoryPart = slash.map { String(typed[...$0]) } ?? ""
  let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
  let directory = directoryPart.isEmpty ? "." : (directoryPart as NSString).expandingTildeInPath
  guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
    return Completions(prefix: typed, candidates: [])
  }
  var candidates: [CompletionCandidate] = []
  for name in names.sorted() where name.hasPrefix(namePart) {
    if name.hasPrefix(".") && !namePart.hasPrefix(".") { continue }
    var isDirectory: ObjCBool = false
    let path = (directory as NSString).appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
    if isDirectory.boolValue {
      candidates.append(
        CompletionCandidate(name: name + "/", insertion: directoryPart + name + "/", kind: .field))
    } else if extensions.contains((name as NSString).pathExtension) {
      candidates.append(
        CompletionCandidate(name: name, insertion: directoryPart + name, kind: .field))
    }
  }
  return Completions(prefix: typed, candidates: candidates)
}
