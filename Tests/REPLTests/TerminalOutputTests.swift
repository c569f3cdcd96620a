// Inline image escapes (kitty, iTerm2), when to use them, and completion lists in columns.
import Foundation
import Testing

@testable import lrnb

@Suite struct TerminalOutputTests {
  @Test func inlineProtocolFromTheEnvironment() {
    typealias P = InlineImageProtocol
    #expect(P.detect(["TERM": "xterm-kitty"], isTerminal: true) == .kitty)
    #expect(
      P.detect(["KITTY_WINDOW_ID": "1", "TERM": "xterm-256color"], isTerminal: true) == .kitty)
    #expect(P.detect(["TERM_PROGRAM": "iTerm.app"], isTerminal: true) == .iterm2)
    #expect(P.detect(["TERM_PROGRAM": "WezTerm"], isTerminal: true) == .iterm2)
    #expect(P.detect(["TERM": "xterm-256color"], isTerminal: true) == nil)
    #expect(P.detect(["TERM": "xterm-kitty"], isTerminal: false) == nil)
    // tmux would swallow the escapes; the override still wins.
    #expect(P.detect(["TERM": "xterm-kitty", "TMUX": "/tmp/t,1,0"], isTerminal: true) == nil)
    #expect(P.detect(["TERM": "screen-256color", "KITTY_WINDOW_ID": "1"], isTerminal: true) == nil)
    #expect(P.detect(["LRNB_INLINE_IMAGES": "kitty", "TMUX": "x"], isTerminal: false) == .kitty)
    #expect(
      P.detect(["LRNB_INLINE_IMAGES": "none", "TERM": "xterm-kitty"], isTerminal: true) == nil)
  }

  @Test func kittyEscapesComeInChunks() {
    let png = [UInt8](repeating: 7, count: 5_000)  // 6,668 base64 characters: two chunks
    let escape = InlineImageProtocol.kitty.escape(png: png)
    let chunks = escape.components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
    #expect(chunks.count == 2)
    #expect(chunks[0].hasPrefix("\u{1B}_Gf=100,a=T,m=1;"))
    #expect(chunks[1].hasPrefix("\u{1B}_Gm=0;"))
    let payload = chunks.map { $0.drop { $0 != ";" }.dropFirst() }.joined()
    #expect(Data(base64Encoded: String(payload)) == Data(png))
  }

  @Test func iterm2EscapeCarriesTheFile() {
    let escape = InlineImageProtocol.iterm2.escape(png: [1, 2, 3])
    #expect(escape == "\u{1B}]1337;File=inline=1;size=3;preserveAspectRatio=1:AQID\u{07}")
  }

  @Test func candidatesInColumns() {
    let names = ["append", "contains", "filter", "join", "map"]
    #expect(candidateColumns(names, width: 80) == "append    contains  filter    join      map\n")
    // Column-major like ls: down the first column, then the next.
    #expect(candidateColumns(names, width: 25) == "append    join\ncontains  map\nfilter\n")
    let many = (0..<100).map { "name\($0)" }
    let listed = candidateColumns(many, width: 20, maxRows: 5)
    #expect(listed.split(separator: "\n").count == 6)
    #expect(listed.hasSuffix("… 90 more; type more letters to narrow the list\n"))
  }
}
