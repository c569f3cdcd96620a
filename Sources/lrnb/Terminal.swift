// Writing to stdout and stderr, and whether they are terminals (colour, live progress).
import Foundation
import Lang

enum Terminal {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func err(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// True when stderr is a terminal (diagnostics get colour, progress lines redraw).
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Prints a script's output as it comes: text to stdout, displays as text.
final class StdoutSink: OutputSink {
  func emit(_ item: OutputItem) {
    switch item {
    case .stdout(let text): Terminal.out(text)
    case .display(let display): Terminal.out(plainText(display) + "\n")
    }
  }
}

/// A display as terminal text: tables aligned in columns, images as their alt text.
func plainText(_ display: Display) -> String {
  switch display {
  case .text(let text):
    return text
  case .image(let image):
    return "[figure \(image.width)×\(image.height): \(image.alt)]"
  case .table(let table):
    let all = [table.columns] + table.rows
    let widths = table.columns.indices.map { c in
      all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0
    }
    func line(_ row: [String]) -> String {
      row.enumerated().map { c, cell in
        cell.padding(toLength: c < widths.count ? widths[c] : cell.count, withPad: " ", startingAt: 0)
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    var lines = [line(table.columns), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
    lines += table.rows.map(line)
    if let caption = table.caption { lines.insert(caption, at: 0) }
    return lines.joined(separator: "\n")
  }
}
