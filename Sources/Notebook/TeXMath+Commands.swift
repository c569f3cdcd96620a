// TeX commands: symbols, fractions, roots, alphabets, accents, delimiters, environments.

extension TeXMath {
  mutating func command() -> Atom {
    let (name, end) = commandName(at: index)
    index = end
    if let symbol = Self.identifiers[name] {
      // TeX sets capital Greek upright; MathML would slant a one-letter <mi>.
      let upright = name.first?.isUppercase == true ? " mathvariant=\"normal\"" : ""
      return Atom(markup: "<mi\(upright)>\(symbol)</mi>")
    }
    if let symbol = Self.operators[name] { return Atom(markup: Self.mo(symbol)) }
    if let symbol = Self.largeOperators[name] {
      return Atom(
        markup: "<mo largeop=\"true\" movablelimits=\"true\">\(symbol)</mo>",
        limits: !name.contains("int"))
    }
    if let limits = Self.functions[name] { return function(name, limits: limits) }
    if let width = Self.spaces[name] {
      return Atom(markup: "<mspace width=\"\(width)em\"></mspace>")
    }
    if let accent = Self.accents[name] {
      let stretchy =
        name.hasPrefix("wide") || name == "overline" || name == "vec" ? "true" : "false"
      return Atom(
        markup:
          "<mover accent=\"true\">\(argument())<mo stretchy=\"\(stretchy)\">\(HTML.escape(accent))</mo></mover>"
      )
    }
    switch name {
    case "frac", "dfrac", "tfrac", "cfrac":
      return Atom(markup: "<mfrac>\(argument())\(argument())</mfrac>")
    case "binom":
      return Atom(
        markup:
          "<mrow><mo>(</mo><mfrac linethickness=\"0\">\(argument())\(argument())</mfrac><mo>)</mo></mrow>"
      )
    case "sqrt":
      skipSpaces()
      if peek() == "[" {
        index += 1
        var degree = ""
        while let c = peek(), c != "]" {
          degree += single(c)
          index += 1
        }
        index += 1
        return Atom(markup: "<mroot>\(argument())<mrow>\(degree)</mrow></mroot>")
      }
      return Atom(markup: "<msqrt>\(argument())</msqrt>")
    case "operatorname", "operatorname*":
      return Atom(
        markup: "<mi>\(HTML.escape(rawArgument()))</mi>", limits: name.hasSuffix("*"),
        suffix: "<mspace width=\"0.1667em\"></mspace>")
    case "text", "textrm", "textit", "textbf", "textsf", "texttt", "mbox", "hbox":
      return Atom(markup: "<mtext>\(HTML.escape(rawArgument()))</mtext>")
    case "mathrm", "mathup":
      return Atom(markup: "<mi mathvariant=\"normal\">\(HTML.escape(rawArgument()))</mi>")
    case "mathbb", "mathbf", "mathcal", "mathscr", "mathsf", "mathtt", "mathfrak", "boldsymbol",
      "bm",
      "mathit":
      return alphabet(name)
    case "underline":
      return Atom(markup: "<munder>\(argument())<mo stretchy=\"true\">_</mo></munder>")
    case "left":
      return fenced()
    case "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl",
      "Biggr",
      "middle":
      return Atom(markup: "<mo>\(HTML.escape(delimiter()))</mo>")
    case "begin":
      return environment(rawArgument())
    case "not":
      skipSpaces()
      let next = atom().markup
      if next == "<mo>=</mo>" { return Atom(markup: "<mo>≠</mo>") }
      if next == "<mo>∈</mo>" { return Atom(markup: "<mo>∉</mo>") }
      return Atom(markup: "<mrow>\(next)<mo>\u{338}</mo></mrow>")
    case "limits", "nolimits", "displaystyle", "textstyle", "scriptstyle", "nonumber", "notag",
      "label":
      if name == "label" { _ = rawArgument() }
      return Atom(markup: "")
    default:
      return Atom(markup: mark("\\" + name))
    }
  }

  private func function(_ name: String, limits: Bool) -> Atom {
    Atom(markup: "<mi>\(name)</mi>", limits: limits, suffix: "<mspace width=\"0.1667em\"></mspace>")
  }

  /// `\mathbb{R}`: each letter mapped to its styled Unicode form.
  private mutating func alphabet(_ style: String) -> Atom {
    let start = index
    let text = rawArgument()
    guard !text.contains("\\") else {
      // Commands inside (`\boldsymbol{\alpha}`): parse them as usual, unstyled.
      index = start
      return Atom(markup: argument())
    }
    var out = ""
    for ch in text where !ch.isWhitespace {
      let styled = String(Self.styled(ch, style))
      if style == "mathit" {
        out += "<mi>\(HTML.escape(styled))</mi>"
      } else {
        out += ch.isNumber ? "<mn>\(HTML.escape(styled))</mn>" : "<mi>\(HTML.escape(styled))</mi>"
      }
    }
    return Atom(markup: "<mrow>\(out)</mrow>")
  }

  /// A delimiter after `\left`, `\right`, `\big`…: a character or a command; `.` is none.
  private mutating func delimiter() -> String {
    skipSpaces()
    guard let c = peek() else { return "" }
    if c == "\\" {
      let (name, end) = commandName(at: index)
      index = end
      return Self.operators[name] ?? ""
    }
    index += 1
    return c == "." ? "" : String(c)
  }

  private mutating func fenced() -> Atom {
    let open = delimiter()
    let body = row()
    var close = ""
    if peek() == "\\", commandName(at: index).name == "right" {
      index = commandName(at: index).end
      close = delimiter()
    }
    func fence(_ d: String) -> String {
      d.isEmpty ? "" : "<mo stretchy=\"true\" fence=\"true\">\(HTML.escape(d))</mo>"
    }
    return Atom(markup: "<mrow>\(fence(open))\(body)\(fence(close))</mrow>")
  }

  /// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}` and its relatives.
  private mutating func environment(_ name: String) -> Atom {
    if name == "array" { _ = rawArgument() }  // the column spec
    var rows: [[String]] = [[]]
    while !atEnd {
      rows[rows.count - 1].append(row())
      guard let c = peek() else { break }
      if c == "&" {
        index += 1
        continue
      }
      if c == "}" {  // stray brace inside an environment
        index += 1
        continue
      }
      let (command, end) = commandName(at: index)
      index = end
      if command == "end" {
        _ = rawArgument()
        break
      }
      if command == "\\" || command == "cr" { rows.append([]) }
    }
    if rows.last?.allSatisfy({ $0.isEmpty }) == true && rows.count > 1 { rows.removeLast() }
    let aligned = [
      "aligned", "align", "align*", "alignat", "split", "eqnarray", "gathered", "gather",
    ].contains(name)
    var table = "<mtable"
    if aligned { table += " columnalign=\"right left right left\" displaystyle=\"true\"" }
    if name == "cases" { table += " columnalign=\"left left\"" }
    table += ">"
    for cells in rows {
      table += "<mtr>" + cells.map { "<mtd>\($0)</mtd>" }.joined() + "</mtr>"
    }
    table += "</mtable>"
    let fences: [String: (String, String)] = [
      "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"),
      "Vmatrix": ("‖", "‖"), "cases": ("{", ""),
    ]
    guard let (open, close) = fences[name] else { return Atom(markup: table) }
    let closing = close.isEmpty ? "" : "<mo stretchy=\"true\" fence=\"true\">\(close)</mo>"
    return Atom(
      markup: "<mrow><mo stretchy=\"true\" fence=\"true\">\(open)</mo>\(table)\(closing)</mrow>")
  }
}
