// Source text, locations and ranges: every token, AST node and diagnostic points here.

/// A piece of *lr* source: a script file, or one notebook cell.
///
/// A cell is parsed on its own but reports positions in notebook coordinates, so a
/// `Source` carries the 1-based line its first line has in the file it came from.
public struct Source: Sendable, Hashable {
  /// The file it came from (a path, or a name like `<repl>`), shown in diagnostics.
  public var name: String
  /// The text that is lexed and parsed.
  public var text: String
  /// The line in `name` on which `text` starts (1 for a whole file).
  public var firstLine: Int

  /// A source named `name` whose first line is line `firstLine` of that file.
  public init(name: String, text: String, firstLine: Int = 1) {
    self.name = name
    self.text = text
    self.firstLine = firstLine
  }

  /// The text of file line `line` (1-based, in file coordinates) without its newline,
  /// or nil when the line lies outside this source.
  public func lineText(_ line: Int) -> String? {
    let index = line - firstLine
    guard index >= 0 else { return nil }
    var current = 0
    // "\r\n" is one Character, so lines are split on either form of line break.
    for piece in text.split(omittingEmptySubsequences: false, whereSeparator: Source.isLineBreak) {
      if current == index { return String(piece) }
      current += 1
    }
    return nil
  }

  /// The number of lines of the text (a final line break starts an empty last line).
  public var lineCount: Int { text.reduce(1) { Source.isLineBreak($1) ? $0 + 1 : $0 } }

  static func isLineBreak(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }
}

/// A 1-based line and column in file coordinates. Columns count characters
/// (extended grapheme clusters), so a caret lines up under what the user sees.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// 1-based line.
  public var line: Int
  /// 1-based column, in characters.
  public var column: Int

  /// The location at `line` and `column`.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// Earlier in the file.
  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }
}

/// A half-open range `start..<end` in one source file, named by `file`.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
  /// The file, as in `Source.name`.
  public var file: String
  /// The first character.
  public var start: SourceLocation
  /// Just past the last character.
  public var end: SourceLocation

  /// The range `start..<end` in `file`.
  public init(file: String, start: SourceLocation, end: SourceLocation) {
    self.file = file
    self.start = start
    self.end = end
  }

  /// The smallest range covering both (which must be in the same file).
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
  }

  /// `file:line:col`, the form editors jump to.
  public var description: String { "\(file):\(start.line):\(start.column)" }
}
