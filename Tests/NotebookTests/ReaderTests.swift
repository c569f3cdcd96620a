// The reader: front matter, cells with notebook lines, options, prose, and bad input.
import Lang
import Testing

@testable import Notebook

@Suite struct ReaderTests {
  @Test func frontMatterFields() throws {
    let notebook = try Fixtures.read(Fixtures.tour)
    let matter = notebook.frontMatter
    #expect(matter.title == "Robust low-rank training")
    #expect(matter.authors == ["Ada", "Grace"])
    #expect(matter.date == "2024-05-01")
    #expect(matter.seed == 7)
    #expect(matter.lines == 1...11)
    #expect(matter.parameters.map(\.name) == ["epochs", "tau", "mode"])
    #expect(matter.parameters.map(\.value) == [.number(3), .number(0.1), .string("no")])
    #expect(matter.parameters.map(\.line) == [7, 8, 9])
    #expect(matter.metadata == [.init("note", .string("kept as metadata"))])
  }

  @Test func cellsCarryNotebookLines() throws {
    let notebook = try Fixtures.read(Fixtures.tour)
    let cells = notebook.cells
    #expect(cells.count == 3)
    #expect(cells.map(\.fenceLine) == [17, 29, 36])
    #expect(cells.map(\.source.firstLine) == [18, 30, 37])
    #expect(cells[0].source.text == "#| label: setup\nprint hello\nset x = 1\n")
    #expect(cells[0].source.name == "nb.lrnb")
    #expect(cells.map(\.options.label) == ["setup", "train", nil])
    #expect(cells[1].options.figCap == ["Training loss"])
    #expect(cells[0].displayCode == "print hello\nset x = 1")
    #expect(cells[0].optionLineCount == 1)
    #expect(cells.map(\.number) == [1, 2, 3])
  }

  @Test func proseKeepsOtherFencesAndLines() throws {
    let notebook = try Fixtures.read(Fixtures.tour)
    let prose = notebook.blocks.compactMap { if case .prose(let p) = $0 { p } else { nil } }
    // The blank line between the last two cells is not a block of its own.
    try #require(prose.map(\.firstLine) == [12, 22, 39])
    #expect(prose[1].text.contains("```python"))
    #expect(prose[2].text.contains("[ref]: https://example.org"))
    #expect(!prose[0].text.contains("---"))
  }

  @Test func notebookWithoutFrontMatter() throws {
    let notebook = try Fixtures.read("```lr\nprint hi\n```\n")
    #expect(notebook.frontMatter.lines == nil)
    #expect(notebook.cells.first?.fenceLine == 1)
    #expect(notebook.cells.first?.source.firstLine == 2)
  }

  @Test func onlyLrFencesExecute() throws {
    let notebook = try Fixtures.read(
      "```lrx\na\n```\n\n```{lr}\nb\n```\n\n~~~ lr extra\nc\n~~~\n\n    indented lr\n")
    #expect(notebook.cells.map(\.source.text) == ["b\n", "c\n"])
  }

  @Test func crlfAndByteOrderMark() throws {
    let text = "\u{FEFF}---\r\ntitle: T\r\n---\r\n\r\n```lr\r\nprint a\r\n```\r\n"
    let notebook = try Fixtures.read(text)
    #expect(notebook.frontMatter.title == "T")
    #expect(notebook.cells.first?.source.text == "print a\n")
    #expect(notebook.cells.first?.fenceLine == 5)
  }

  @Test func yaml11WordsStayStrings() throws {
    let notebook = try Fixtures.read(
      "---\ntitle: no\ndate: 2024-01-02\nauthor: yes\nparams:\n  a: off\n  b: 'true'\n  c: true\n  d: 0x10\n  e: ~\n---\n"
    )
    #expect(notebook.frontMatter.title == "no")
    #expect(notebook.frontMatter.authors == ["yes"])
    #expect(
      notebook.frontMatter.parameters.map(\.value) == [
        .string("off"), .string("true"), .bool(true), .number(16), .nil,
      ])
  }

  @Test func cellDefaultsFromFrontMatter() throws {
    let notebook = try Fixtures.read(
      "---\necho: false\nexecute:\n  error: true\n  timeout: 5\n---\n```lr\n#| echo: true\na\n```\n```lr\nb\n```\n"
    )
    let cells = notebook.cells
    #expect(cells.map(\.options.echo) == [true, false])
    #expect(cells.map(\.options.error) == [true, true])
    #expect(cells.map(\.options.timeout) == [5, 5])
  }

  @Test func everyCellOption() throws {
    let text = """
      ```lr
      #| label: fig-1
      #| echo: false
      #| eval: false
      #| output: false
      #| error: true
      #| cache: true
      #| timeout: 2.5
      #| fig-width: 6
      #| fig-height: 4
      #| fig-alt: [first, second]
      #| fig-cap: "A caption: with colon"
      #| code-fold: show
      a
      ```
      """
    let options = try #require(try Fixtures.read(text).cells.first?.options)
    #expect(options.label == "fig-1")
    #expect(!options.echo && !options.eval && !options.output && options.error && options.cache)
    #expect(options.timeout == 2.5 && options.figWidth == 6 && options.figHeight == 4)
    #expect(options.figAlt == ["first", "second"])
    #expect(options.alt(forFigure: 1) == "second" && options.alt(forFigure: 2) == nil)
    #expect(options.caption(forFigure: 3) == "A caption: with colon")
    #expect(options.codeFold == .open)
  }

  @Test func unknownOptionIsAWarningWithTheLine() throws {
    let notebook = try Fixtures.read("text\n\n```lr\n#| label: a\n#| colour: red\nx\n```\n")
    let warning = try #require(notebook.warnings.first)
    #expect(warning.severity == .warning)
    #expect(warning.message == "unknown cell option 'colour' (ignored)")
    #expect(warning.range.start.line == 5)
    #expect(warning.range.start.column == 4)
  }

  @Test func nestedLrFenceWarns() throws {
    let notebook = try Fixtures.read("- item\n\n  ```lr\n  x\n  ```\n")
    #expect(notebook.cells.isEmpty)
    #expect(notebook.warnings.map(\.range.start.line) == [3])
  }
}
