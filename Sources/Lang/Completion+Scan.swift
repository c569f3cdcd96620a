// Reads the tokens before the cursor for completion: the word being typed, a
// receiver before `.`, the call the cursor is in, names the entry declares.

/// A receiver written before `.` that completion can evaluate without running code.
enum CompletionReceiver: Equatable {
  /// `a.b.c`: a global followed by fields or native members.
  case path([String])
  /// A string literal.
  case string
  /// A list literal.
  case list
}

/// The callee of the call around the cursor: `f(`, `xs.map(`, `"a".split(`.
struct CompletionCallee {
  var receiver: CompletionReceiver?
  var name: String
}

/// The call whose argument list the cursor is in, at the start of an argument.
struct CompletionCall {
  var callee: CompletionCallee
  /// Names already given as `name:` in this call.
  var namedSoFar: Set<String>
}

/// The token-level view of the text before the cursor.
struct CompletionScan {
  /// The partial identifier just before the cursor.
  private(set) var prefix = ""
  /// Whether the cursor is inside a string literal or a comment (nothing to offer).
  private(set) var insideStringOrComment = false
  /// Tokens before the word being completed (newlines and comments dropped).
  private var before: [Token] = []
  private var all: [Token] = []

  init(_ text: String) {
    let (tokens, _) = Lexer.scan(Source(name: "", text: text), keepComments: true)
    let length = text.count
    all = tokens.filter { $0.kind != .eof }
    if let last = all.last, last.offsets.upperBound >= length {
      switch last.kind {
      case .comment:
        insideStringOrComment = true
      case .error:
        // An unterminated string runs to the cursor. (After `"…\(` the cursor is in code.)
        insideStringOrComment = text.dropFirst(last.offsets.lowerBound).first == "\""
      case .identifier:
        prefix = last.text
        all.removeLast()
      case .keyword(let k):
        prefix = k.rawValue
        all.removeLast()
      default: break
      }
    }
    before = all.filter { $0.kind != .newline && $0.kind != .comment }
  }

  /// Where the word being typed stands, which decides the keywords that fit.
  enum Position {
    /// At the start of a statement: every keyword, every name.
    case statement
    /// Where an expression starts (after an operator, `(`, `,`, `=`).
    case expression
    /// Right after a complete value: only `and`, `or`, `in`, `else` can follow.
    case afterValue
  }

  var position: Position {
    guard let last = all.last(where: { $0.kind != .comment }) else { return .statement }
    switch last.kind {
    case .newline, .semicolon, .leftBrace: return .statement
    default: return endsValue(last.kind) ? .afterValue : .expression
    }
  }

  /// Whether the word follows `.` (a member, whether or not the receiver is known).
  var isMember: Bool { before.last?.kind == .dot }

  /// The receiver when the word follows `.` and completion can evaluate it.
  var memberReceiver: CompletionReceiver? {
    isMember ? receiver(endingAt: before.count - 2) : nil
  }

  /// The receiver expression whose last token is `before[end]`.
  private func receiver(endingAt end: Int) -> CompletionReceiver? {
    guard end >= 0 else { return nil }
    switch before[end].kind {
    case .string, .stringTail: return .string
    case .rightBracket:
      guard let open = matchingOpen(end, .leftBracket, .rightBracket) else { return nil }
      // `[` after a value is indexing (`xs[0].`), which completion cannot evaluate.
      return open == 0 || !endsValue(before[open - 1].kind) ? .list : nil
    case .identifier:
      var names = [before[end].text]
      var i = end - 1
      while i >= 1, before[i].kind == .dot, before[i - 1].kind == .identifier {
        names.insert(before[i - 1].text, at: 0)
        i -= 2
      }
      // `f(x).y` or `xs[0].y`: the chain does not start at a plain global.
      if i >= 0, before[i].kind == .dot { return nil }
      return .path(names)
    default: return nil
    }
  }

  /// The call around the cursor when the word starts an argument (after `(` or `,`).
  var enclosingCall: CompletionCall? {
    guard let last = before.last, last.kind == .leftParen || last.kind == .comma else { return nil }
    var depth = 0
    var i = before.count - 1
    var named = Set<String>()
    while i >= 0 {
      let kind = before[i].kind
      switch kind {
      case .rightParen, .rightBracket, .rightBrace: depth += 1
      case .leftBracket, .leftBrace:
        if depth == 0 { return nil }  // inside a list or record literal
        depth -= 1
      case .leftParen:
        if depth == 0 {
          guard let callee = callee(endingAt: i - 1) else { return nil }
          return CompletionCall(callee: callee, namedSoFar: named)
        }
        depth -= 1
      case .colon where depth == 0 && i >= 1 && before[i - 1].kind == .identifier:
        named.insert(before[i - 1].text)
      default: break
      }
      i -= 1
    }
    return nil
  }

  private func callee(endingAt end: Int) -> CompletionCallee? {
    guard end >= 0, before[end].kind == .identifier else { return nil }
    let name = before[end].text
    if end >= 1, before[end - 1].kind == .dot {
      guard let receiver = receiver(endingAt: end - 2) else { return nil }
      return CompletionCallee(receiver: receiver, name: name)
    }
    return CompletionCallee(receiver: nil, name: name)
  }

  /// The index of the opening bracket matching the closing one at `close`.
  private func matchingOpen(_ close: Int, _ open: TokenKind, _ closing: TokenKind) -> Int? {
    var depth = 0
    var i = close
    while i >= 0 {
      if before[i].kind == closing { depth += 1 }
      if before[i].kind == open {
        depth -= 1
        if depth == 0 { return i }
      }
      i -= 1
    }
    return nil
  }

  /// Whether a token of `kind` can end a value (so a following `[` indexes it).
  private func endsValue(_ kind: TokenKind) -> Bool {
    switch kind {
    case .identifier, .number, .string, .stringTail, .rightParen, .rightBracket, .rightBrace:
      return true
    case .keyword(let k): return k == .true || k == .false || k == .nil
    default: return false
    }
  }

  /// Names declared by `let`, `var`, `fn` and `for`, and the parameters of `fn`s.
  var declaredNames: Set<String> {
    var names = Set<String>()
    var parameterDepth: Int? = nil
    var depth = 0
    for (i, token) in before.enumerated() {
      switch token.kind {
      case .keyword(.let), .keyword(.var), .keyword(.for), .keyword(.fn):
        if i + 1 < before.count, before[i + 1].kind == .identifier {
          names.insert(before[i + 1].text)
        }
        if token.kind == .keyword(.fn) { parameterDepth = depth + 1 }
      case .leftParen: depth += 1
      case .rightParen:
        if parameterDepth == depth { parameterDepth = nil }
        depth -= 1
      case .identifier where parameterDepth == depth && i >= 1:
        let previous = before[i - 1].kind
        if previous == .leftParen || previous == .comma { names.insert(token.text) }
      default: break
      }
    }
    return names
  }
}
