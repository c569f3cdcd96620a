// Tab completion for the REPL: which names fit at the cursor — globals, keywords,
// locals of the entry, members after `.`, named arguments inside a call.

/// One name completion may offer.
public struct CompletionCandidate: Sendable, Hashable {
  /// What kind of name it is; the REPL may list kinds differently.
  public enum Kind: Sendable, Hashable {
    case keyword, variable, function, namedArgument, field, method
  }

  /// The name as listed, e.g. `map` or `rank:`.
  public var name: String
  /// The text that replaces the typed prefix when this candidate is chosen alone:
  /// `map(` for a method, `rank: ` for a named argument, the name otherwise.
  public var insertion: String
  /// The kind of name.
  public var kind: Kind

  /// A candidate listed as `name` that inserts `insertion`.
  public init(name: String, insertion: String, kind: Kind) {
    self.name = name
    self.insertion = insertion
    self.kind = kind
  }
}

/// The completions at a cursor: the word being typed and what may finish it.
public struct Completions: Sendable, Hashable {
  /// The partial name just before the cursor (empty right after `.`, `(` or a space).
  public var prefix: String
  /// Candidates starting with `prefix`: named arguments first, then sorted by name.
  public var candidates: [CompletionCandidate]

  /// Completions of `prefix`.
  public init(prefix: String, candidates: [CompletionCandidate]) {
    self.prefix = prefix
    self.candidates = candidates
  }

  /// The longest text every candidate's insertion starts with (at least `prefix`).
  public var commonInsertion: String {
    guard var common = candidates.first?.insertion else { return prefix }
    for candidate in candidates.dropFirst() {
      common = String(zip(common, candidate.insertion).prefix { $0 == $1 }.map(\.0))
    }
    return common.count >= prefix.count ? common : prefix
  }
}

extension Interpreter {
  /// What may complete the name before the cursor.
  ///
  /// Only reads the session: receivers after `.` are looked up among globals and their
  /// record fields or native members, never by running code.
  ///
  ///     interp.completions(before: "xs.ma").candidates.map(\.name)   // ["map"]
  ///     interp.completions(before: "scale(3, b").candidates.first?.insertion  // "by: "
  ///
  /// - Parameters:
  ///   - text: the line up to the cursor.
  ///   - context: earlier lines of the same entry (their declared names are offered).
  public func completions(before text: String, context: String = "") -> Completions {
    let scan = CompletionScan(text)
    guard !scan.insideStringOrComment else {
      return Completions(prefix: scan.prefix, candidates: [])
    }
    var candidates: [CompletionCandidate]
    if scan.isMember {
      candidates = scan.memberReceiver?.evaluate(in: self).map(memberCandidates) ?? []
    } else {
      candidates = namedArgumentCandidates(scan) + nameCandidates(scan, context: context)
    }
    var seen = Set<String>()
    candidates = candidates.filter {
      $0.name.hasPrefix(scan.prefix) && seen.insert($0.name).inserted
    }
    return Completions(prefix: scan.prefix, candidates: candidates)
  }

  /// Keywords that fit where the word stands, globals and the names the entry
  /// declares, sorted.
  private func nameCandidates(_ scan: CompletionScan, context: String) -> [CompletionCandidate] {
    let keywords: [Keyword]
    switch scan.position {
    case .statement: keywords = Keyword.allCases
    case .expression: keywords = [.if, .fn, .not, .true, .false, .nil]
    case .afterValue:
      return [Keyword.and, .or, .in, .else].map {
        CompletionCandidate(name: $0.rawValue, insertion: $0.rawValue + " ", kind: .keyword)
      }
    }
    var result = keywords.map {
      CompletionCandidate(name: $0.rawValue, insertion: $0.rawValue, kind: .keyword)
    }
    for name in globalNames {
      let isFunction = globalValue(name)?.asFunction != nil
      result.append(
        CompletionCandidate(
          name: name, insertion: isFunction ? name + "(" : name,
          kind: isFunction ? .function : .variable))
    }
    let locals = CompletionScan(context + "\n").declaredNames.union(scan.declaredNames)
    for name in locals where globalValue(name) == nil {
      result.append(CompletionCandidate(name: name, insertion: name, kind: .variable))
    }
    return result.sorted { $0.name < $1.name }
  }

  /// `name: ` for each parameter of the call around the cursor not already named.
  private func namedArgumentCandidates(_ scan: CompletionScan) -> [CompletionCandidate] {
    guard let call = scan.enclosingCall, let callee = call.callee.evaluateCallee(in: self)
    else { return [] }
    return callee.filter { !$0.isVariadic && !call.namedSoFar.contains($0.name) }.map {
      CompletionCandidate(name: $0.name + ":", insertion: $0.name + ": ", kind: .namedArgument)
    }
  }
}
