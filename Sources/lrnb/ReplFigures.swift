// Figures in the REPL: written to PNG files whose paths are printed, and shown
// inline on terminals that speak the kitty or iTerm2 image protocol.
import Foundation
import Lang

/// Writes each figure a session shows to `fig-<cell>-<n>.png` in one directory.
final class FigureWriter {
  /// Where figures go; created on the first figure. By default a fresh directory
  /// under the system's temporary directory, so sessions never overwrite each other's
  /// figures and nothing is left in the working directory (`savefig` keeps a figure).
  private(set) var directory: URL
  private var isCreated = false
  /// The inline protocol of the terminal, or nil to print paths only.
  let inline: InlineImageProtocol?
  private var countByCell: [Int: Int] = [:]

  init(directory: URL?, inline: InlineImageProtocol?) {
    self.directory =
      directory
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "lrnb-figures-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    self.inline = inline
  }

  /// Writes `image` and returns what to print: the inline image (when supported), a
  /// line with its size and path, and its alt text (what a screen reader can say).
  func present(_ image: Display.Image, cell: Int) -> String {
    let n = (countByCell[cell] ?? 0) + 1
    countByCell[cell] = n
    let file = directory.appendingPathComponent("fig-\(cell)-\(n).png")
    var text = inline.map { $0.escape(png: image.data) + "\n" } ?? ""
    text += "[figure \(image.width)×\(image.height)] "
    do {
      if !isCreated {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        isCreated = true
      }
      try Data(image.data).write(to: file, options: .atomic)
      text += file.path + "\n"
    } catch {
      text += "not saved: \(error.localizedDescription)\n"
    }
    if !image.alt.isEmpty { text += "  \(image.alt)\n" }
    return text
  }
}

/// A terminal graphics protocol for showing PNGs inline.
enum InlineImageProtocol: String {
  /// kitty's graphics protocol (kitty, and WezTerm/Konsole in part).
  case kitty
  /// iTerm2's OSC 1337 inline files (iTerm2, WezTerm).
  case iterm2

  /// Base64 characters per kitty escape: the protocol's limit on one chunk.
  static let kittyChunk = 4096

  /// The protocol the terminal says it supports, from the environment, or nil.
  /// `LRNB_INLINE_IMAGES=kitty|iterm2|none` overrides the guess (e.g. behind tmux,
  /// which swallows these escapes unless passthrough is set up).
  static func detect(_ environment: [String: String], isTerminal: Bool) -> InlineImageProtocol? {
    if let forced = environment["LRNB_INLINE_IMAGES"], !forced.isEmpty {
      return InlineImageProtocol(rawValue: forced)
    }
    guard isTerminal else { return nil }
    let term = environment["TERM"] ?? ""
    if environment["TMUX"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux") {
      return nil
    }
    if term == "xterm-kitty" || !(environment["KITTY_WINDOW_ID"] ?? "").isEmpty { return .kitty }
    switch environment["TERM_PROGRAM"] {
    case "iTerm.app", "WezTerm": return .iterm2
    default: return nil
    }
  }

  /// The escape sequence that draws `png` at the cursor.
  func escape(png: [UInt8]) -> String {
    let payload = Data(png).base64EncodedString()
    switch self {
    case .iterm2:
      return "\u{1B}]1337;File=inline=1;size=\(png.count);preserveAspectRatio=1:\(payload)\u{07}"
    case .kitty:
      var out = ""
      var rest = Substring(payload)
      var first = true
      repeat {
        let chunk = rest.prefix(Self.kittyChunk)
        rest = rest.dropFirst(chunk.count)
        let more = rest.isEmpty ? 0 : 1
        out += "\u{1B}_G" + (first ? "f=100,a=T," : "") + "m=\(more);\(chunk)\u{1B}\\"
        first = false
      } while !rest.isEmpty
      return out
    }
  }
}
