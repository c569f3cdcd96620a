// TeX math → MathML Core, for `$…$` and `$$…$$` in prose: browsers lay MathML out
// natively, so formulas need no JavaScript and no network.

/// Converts the TeX subset people write in notebooks: letters, numbers, operators,
/// scripts, `\frac`, `\sqrt`, Greek and symbol commands, named functions, accents,
/// `\mathbb`-style alphabets, `\left…\right`, `\text`, and matrix/cases/aligned
/// environments. An unknown command shows as an error mark inside the formula; the TeX
/// source is kept as an annotation.
struct TeXMath {
  /// Deepest nesting of groups, commands and environments; deeper input is cut off with
  /// an error mark instead of recursing further (the parser is recursive).
  static let maxDepth = 48
  /// Longest formula converted; a longer one is shown as its source.
  static let maxLength = 20_000

  let chars: [Character]
  var index = 0
  var depth = 0
  let display: Bool

  private init(_ tex: String, display: Bool) {
    chars = Array(tex)
    self.display = display
  }

  /// The `<math>` element for `tex`.
  static func mathML(_ tex: String, display: Bool) -> String {
    let mode = display ? "block" : "inline"
    let annotation = "<annotation encoding=\"application/x-tex\">\(HTML.escape(tex))</annotation>"
    guard tex.count <= maxLength else {
      return "<code class=\"math-source\">\(HTML.escape(tex))</code>"
    }
    var parser = TeXMath(tex, display: display)
    let body = parser.top()
    return
      "<math display=\"\(mode)\"><semantics><mrow>\(body)</mrow>\(annotation)</semantics></math>"
  }

  // MARK: Reading

  var atEnd: Bool { index >= chars.count }
  func peek(_ offset: Int = 0) -> Character? {
    index + offset < chars.count ? chars[index + offset] : nil
  }
  mutating func skipSpaces() {
    while let c = peek(), c.isWhitespace { index += 1 }
  }

  /// The name of the command starting at the cursor (which must be a backslash).
  func commandName(at start: Int) -> (name: String, end: Int) {
    var end = start + 1
    guard end < chars.count else { return ("", end) }
    if chars[end].isASCIILetter {
      while end < chars.count, chars[end].isASCIILetter { end += 1 }
      if end < chars.count, chars[end] == "*" { end += 1 }  // \operatorname*, \align*
      return (String(chars[(start + 1)..<end]), end)
    }
    return (String(chars[end]), end + 1)
  }

  /// Raw text of a `{…}` argument (braces balanced), or a single character.
  mutating func rawArgument() -> String {
    skipSpaces()
    guard peek() == "{" else {
      defer { index += 1 }
      return peek().map(String.init) ?? ""
    }
    index += 1
    var level = 1
    var text = ""
    while let c = peek() {
      index += 1
      if c == "{" { level += 1 }
      if c == "}" {
        level -= 1
        if level == 0 { break }
      }
      text.append(c)
    }
    return text
  }

  // MARK: Structure

  private mutating func top() -> String {
    var out = ""
    while !atEnd {
      out += row()
      guard let c = peek() else { break }
      if c == "\\" {
        let (name, end) = commandName(at: index)
        index = end
        if name == "right" || name == "end" { _ = rawArgument() }
        if name != "\\" { out += mark("\\\(name) without its opening") }
      } else {
        index += 1
        if c == "}" { out += mark("unmatched }") }
      }
    }
    return out
  }

  /// Atoms with their scripts, up to (not including) `}`, `&`, `\\`, `\right`, `\end`.
  mutating func row() -> String {
    var out = ""
    while let c = peek() {
      if c == "}" || c == "&" { break }
      if c == "\\" {
        let name = commandName(at: index).name
        if name == "\\" || name == "right" || name == "end" || name == "cr" { break }
      }
      out += scripted()
    }
    return out
  }

  struct Atom {
    var markup: String
    /// Takes its scripts below and above in display math (`\sum`, `\max`).
    var limits = false
    /// Goes after the scripts (the space after a function name).
    var suffix = ""
  }

  private mutating func scripted() -> String {
    skipSpaces()
    guard !atEnd else { return "" }
    var base: Atom
    if let c = peek(), c == "^" || c == "_" || c == "'" {
      base = Atom(markup: "<mrow></mrow>")
    } else {
      base = atom()
    }
    var sub: String?
    var sup: String?
    var primes = ""
    while true {
      skipSpaces()
      guard let c = peek() else { break }
      if c == "'" {
        index += 1
        primes += "′"
      } else if c == "_", sub == nil {
        index += 1
        sub = argument()
      } else if c == "^", sup == nil {
        index += 1
        sup = argument()
      } else {
        break
      }
    }
    if !primes.isEmpty {
      let prime = "<mo>\(primes)</mo>"
      sup = sup.map { "<mrow>\(prime)\($0)</mrow>" } ?? prime
    }
    let (under, over) = base.limits && display ? ("munder", "mover") : ("msub", "msup")
    let both = base.limits && display ? "munderover" : "msubsup"
    let b = base.markup
    switch (sub, sup) {
    case (nil, nil): return b + base.suffix
    case (let s?, nil): return "<\(under)>\(b)\(s)</\(under)>" + base.suffix
    case (nil, let p?): return "<\(over)>\(b)\(p)</\(over)>" + base.suffix
    case (let s?, let p?): return "<\(both)>\(b)\(s)\(p)</\(both)>" + base.suffix
    }
  }

  /// One script or command argument: a group, a command, or a single character.
  mutating func argument() -> String {
    skipSpaces()
    guard let c = peek() else { return "<mrow></mrow>" }
    if c == "{" { return atom().markup }
    if c == "\\" { return atom().markup }
    index += 1
    return single(c)
  }

  mutating func group() -> String {
    index += 1  // {
    let body = row()
    if peek() == "}" { index += 1 }
    return "<mrow>\(body)</mrow>"
  }

  /// Every nested construct passes through here, so this is where depth is limited.
  mutating func atom() -> Atom {
    guard let c = peek() else { return Atom(markup: "") }
    guard depth < Self.maxDepth else {
      index = chars.count
      return Atom(markup: mark("nested too deeply"))
    }
    depth += 1
    defer { depth -= 1 }
    if c == "{" { return Atom(markup: group()) }
    if c == "\\" { return command() }
    if c.isASCIIDigit || (c == "." && peek(1)?.isASCIIDigit == true) {
      var number = ""
      var seenPoint = false
      while let d = peek(),
        d.isASCIIDigit || (d == "." && !seenPoint && peek(1)?.isASCIIDigit == true)
      {
        if d == "." { seenPoint = true }
        number.append(d)
        index += 1
      }
      return Atom(markup: "<mn>\(number)</mn>")
    }
    index += 1
    if c == "~" { return Atom(markup: "<mspace width=\"0.25em\"></mspace>") }
    return Atom(markup: single(c))
  }

  /// A single character as an identifier, number or operator.
  func single(_ c: Character) -> String {
    if c.isLetter { return "<mi>\(HTML.escape(String(c)))</mi>" }
    if c.isNumber { return "<mn>\(HTML.escape(String(c)))</mn>" }
    let op: String
    switch c {
    case "-": op = "−"
    case "*": op = "∗"
    case "'": op = "′"
    default: op = String(c)
    }
    return Self.mo(op)
  }

  /// Delimiters TeX leaves at their natural size unless `\left`/`\right`/`\big` ask;
  /// MathML would stretch them to the height of the whole row.
  static let fixedFences: Set<String> = [
    "(", ")", "[", "]", "{", "}", "|", "‖", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉", "∣",
  ]

  /// An `<mo>` for `op`, kept at its natural size when it is a delimiter.
  static func mo(_ op: String) -> String {
    let fixed = fixedFences.contains(op) ? " stretchy=\"false\"" : ""
    return "<mo\(fixed)>\(HTML.escape(op))</mo>"
  }

  func mark(_ text: String) -> String {
    "<merror><mtext>\(HTML.escape(text))</mtext></merror>"
  }
}

extension Character {
  fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
