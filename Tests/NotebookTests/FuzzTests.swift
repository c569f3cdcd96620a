// The reader, runner and report on mangled notebooks: errors are fine, crashes are not.
import Foundation
import Testing

@testable import Notebook

@Suite struct FuzzTests {
  /// xorshift64*: a fixed seed makes every failure reproducible.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state >> 12
      state ^= state << 25
      state ^= state >> 27
      return state &* 2_685_821_657_736_338_717
    }
  }

  /// Pieces that mean something to one of the parsers involved.
  static let fragments = [
    "---", "...", "```", "```lr", "~~~", "#|", "#| label: x", "#| echo: [", ": ", "- ", "[", "]",
    "{", "}",
    "&a", "*a", "!!str", "\"", "'", "\t", "\r\n", "\n", "\u{FEFF}", "é", "κ", "\\", "<", ">", "|",
    "#", "> ",
    "1. ", "    ", "***", "[x]: http://x", "![a](b)", "<pre>", "`", "\u{0}", "seed: 9", "params:",
    "$", "$$", "$x_1$", "\\frac{", "\\left(", "\\begin{pmatrix}",
  ]

  @Test func mangledNotebooksNeverCrash() throws {
    var rng = Generator(state: 0x9E37_79B9_7F4A_7C15)
    var read = 0
    for _ in 0..<800 {
      var text = Fixtures.tour
      for _ in 0..<Int.random(in: 1...8, using: &rng) {
        let fragment = Self.fragments.randomElement(using: &rng) ?? ""
        let offset = Int.random(in: 0...text.count, using: &rng)
        let index = text.index(text.startIndex, offsetBy: offset)
        if Bool.random(using: &rng) {
          text.insert(contentsOf: fragment, at: index)
        } else {
          let end = text.index(
            index, offsetBy: min(fragment.count + 3, text.distance(from: index, to: text.endIndex)))
          text.replaceSubrange(index..<end, with: fragment)
        }
      }
      guard let notebook = try? NotebookReader.read(text, name: "fuzz.lrnb") else { continue }
      read += 1
      let kernel = FakeKernel()
      kernel.small = true
      let run = NotebookRunner(kernel: kernel).run(notebook)
      _ = HTMLReport(run: run).render()
      _ = run.markdown(filesDirectory: "f")
      _ = run.json(filesDirectory: "f")
    }
    // Most mutations leave a readable notebook, so the runner and report are exercised too.
    #expect(read > 150)
  }

  @Test func randomBytesNeverCrash() {
    var rng = Generator(state: 42)
    for _ in 0..<500 {
      let bytes = (0..<Int.random(in: 0...400, using: &rng)).map { _ in
        UInt8.random(in: 0...255, using: &rng)
      }
      _ = try? NotebookReader.read(bytes: bytes, name: "junk.lrnb")
      // Printable junk gets past the text checks and reaches the Markdown and YAML parsers.
      let printable = bytes.map { 0x20 + $0 % 0x5F } + [0x0A]
      _ = try? NotebookReader.read(
        bytes: Array("---\n".utf8) + printable + Array("\n---\n".utf8), name: "junk.lrnb")
      _ = try? NotebookReader.read(bytes: printable, name: "junk.lrnb")
    }
  }
}
