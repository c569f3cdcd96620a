// `lrnb run FILE.lr`: runs a plain script with its output on stdout.
import Bindings
import Foundation
import Lang

enum ScriptRunner {
  /// Runs the script at `path`; returns the exit status (0, 65 syntax, 70 runtime,
  /// 66 unreadable file).
  static func run(path: String) -> Int32 {
    let text: String
    do {
      text = try readText(path)
    } catch {
      Terminal.err("lrnb: \(error)\n")
      return ExitStatus.noInput
    }
    let source = Source(name: path, text: text)
    let interpreter: Interpreter
    do {
      (interpreter, _) = try Library.makeInterpreter(output: StdoutSink())
    } catch {
      report(error, sources: [])
      return ExitStatus.runtimeError
    }
    do {
      _ = try interpreter.run(source)
      return 0
    } catch {
      report(error, sources: [source])
      return error.isSyntaxError ? ExitStatus.syntaxError : ExitStatus.runtimeError
    }
  }

  static func report(_ failure: RunFailure, sources: [Source]) {
    let renderer = DiagnosticRenderer(sources: sources, color: Terminal.stderrIsTerminal)
    Terminal.err(renderer.render(failure.diagnostics))
  }
}

/// Reads a UTF-8 text file with a readable error (missing, a directory, not UTF-8).
func readText(_ path: String) throws -> String {
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
    throw CLIError("\(path): no such file")
  }
  guard !isDirectory.boolValue else { throw CLIError("\(path): is a directory") }
  guard let data = FileManager.default.contents(atPath: path) else {
    throw CLIError("\(path): cannot read the file")
  }
  guard let text = String(data: data, encoding: .utf8) else {
    throw CLIError("\(path): not UTF-8 text")
  }
  return text
}

/// An error message for the command line.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
