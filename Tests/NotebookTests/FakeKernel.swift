// A stand-in for the lr interpreter: a few line commands that produce every kind of output.
import Foundation
import Lang
import Notebook

/// Each cell line is a command (lines starting with `#` are comments):
///
///     print TEXT          → stdout "TEXT\n"
///     show TEXT           → the cell's value displays as text
///     table A,B;1,2;3,4   → a table display (columns ; rows)
///     image [ALT]         → a PNG figure (480×240)
///     set NAME = VALUE    → a global (later `print $NAME` reads it)
///     fail MESSAGE        → runtime error at this line, with a call stack
///     syntax MESSAGE      → syntax error at this line
///     timeout             → fails the way an interpreter stops a cell past its timeout
///     draw                → prints the next number of a counter (the "random stream")
final class FakeKernel: Kernel {
  /// Encoded once: a debug build takes a while to checksum a 480×240 image.
  static let chart = TinyPNG.chart(width: 480, height: 240)
  static let smallChart = TinyPNG.chart(width: 48, height: 24)
  /// Tests that render thousands of reports use the small chart.
  var small = false

  var globals: [String: String] = [:]
  var seeds: [UInt64] = []
  var requests: [CellRequest] = []
  var checked: [Source] = []
  /// Parameter names `setParameter` refuses.
  var refusedParameters: Set<String> = []
  /// Session state that cached cells carry along, like the bindings' random stream.
  var counter = 0
  /// How many cells were restored from a cache instead of running.
  var restores = 0

  func seed(_ value: UInt64) { seeds.append(value) }

  func setParameter(_ name: String, _ value: ParameterValue, declaredAt line: Int?) throws {
    if refusedParameters.contains(name) { throw FakeError.refused(name) }
    globals[name] = value.lrLiteral
  }

  func run(_ request: CellRequest, sink: any OutputSink) throws(RunFailure) -> Display? {
    requests.append(request)
    var value: Display?
    for (offset, line) in request.source.text.split(
      separator: "\n", omittingEmptySubsequences: false
    ).enumerated() {
      let lineNumber = request.source.firstLine + offset
      let (command, argument) = Self.split(line)
      let range = Self.range(request.source.name, lineNumber, line)
      switch command {
      case "", "#", "#|": continue
      case "print": sink.emit(.stdout(expand(argument) + "\n"))
      case "show": value = .text(expand(argument))
      case "table":
        let parts = argument.split(separator: ";").map {
          $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        value = .table(Display.Table(columns: parts.first ?? [], rows: Array(parts.dropFirst())))
      case "image":
        sink.emit(
          .display(
            .image(
              small
                ? Display.Image(data: Self.smallChart, width: 48, height: 24, alt: argument)
                : Display.Image(data: Self.chart, width: 480, height: 240, alt: argument))))
      case "set":
        let pieces = argument.split(separator: "=", maxSplits: 1).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        if pieces.count == 2 { globals[pieces[0]] = pieces[1] }
      case "fail":
        var diagnostic = Diagnostic.runtime(argument, at: range)
        diagnostic.stack = [
          StackFrame(function: "helper", range: range),
          StackFrame(function: "<cell>", range: range),
        ]
        throw RunFailure([diagnostic])
      case "syntax": throw RunFailure([.syntax(argument, at: range)])
      case "draw":
        counter += 1
        sink.emit(.stdout("\(counter)\n"))
      case "timeout":
        throw RunFailure([
          .runtime("cell stopped after its \(request.timeout ?? 0) s timeout", at: range)
        ])
      default: throw RunFailure([.runtime("unknown command '\(command)'", at: range)])
      }
    }
    return value
  }

  func check(_ source: Source) -> [Diagnostic] {
    checked.append(source)
    var problems: [Diagnostic] = []
    for (offset, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      if Self.split(line).command == "syntax" {
        problems.append(
          .syntax(
            Self.split(line).argument, at: Self.range(source.name, source.firstLine + offset, line))
        )
      }
    }
    return problems
  }

  private func expand(_ text: String) -> String {
    guard text.hasPrefix("$") else { return text }
    return globals[String(text.dropFirst())] ?? "undefined"
  }

  static func split(_ line: Substring) -> (command: String, argument: String) {
    let trimmed = line.drop { $0 == " " }
    if trimmed.hasPrefix("#|") { return ("#|", "") }
    if trimmed.hasPrefix("#") { return ("#", "") }
    let command = trimmed.prefix { $0 != " " }
    return (String(command), String(trimmed.dropFirst(command.count).drop { $0 == " " }))
  }

  static func range(_ file: String, _ line: Int, _ text: Substring) -> SourceRange {
    let column = text.prefix { $0 == " " }.count + 1
    return SourceRange(
      file: file, start: SourceLocation(line: line, column: column),
      end: SourceLocation(line: line, column: column + (text.count - column + 1)))
  }

  enum FakeError: Error, CustomStringConvertible {
    case refused(String)
    var description: String {
      switch self {
      case .refused(let name): "'\(name)' is a builtin"
      }
    }
  }
}
