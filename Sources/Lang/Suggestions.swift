// "Did you mean …?" for misspelt names: variables, named arguments, record fields.

/// The candidate closest to `name` by edit distance, when it is close enough to be a
/// plausible typo (one edit up to five characters, two beyond), else nil. Names of one
/// or two characters get no suggestion: every other short name is "close".
func closestName(to name: String, among candidates: [String]) -> String? {
  guard name.count > 2 else { return nil }
  let allowed = name.count <= 5 ? 1 : 2
  var best: (name: String, distance: Int)?
  for candidate in candidates where candidate != name {
    let distance = editDistance(name, candidate, limit: allowed)
    if distance <= allowed, distance < (best?.distance ?? Int.max) {
      best = (candidate, distance)
    }
  }
  return best?.name
}

/// Python's spellings of *lr* keywords, which a newcomer types first; they are suggested
/// although no edit-distance rule would find them.
let pythonSpellings = ["True": "true", "False": "false", "None": "nil"]

/// `message` about an undefined variable with the keyword Python users meant, or else a
/// close defined name, as a suggestion.
func withVariableSuggestion(_ message: String, for name: String, among candidates: [String])
  -> String
{
  if let keyword = pythonSpellings[name] { return "\(message); did you mean '\(keyword)'?" }
  return withSuggestion(message, for: name, among: candidates)
}

/// `message` with "; did you mean 'x'?" appended when a close candidate exists.
func withSuggestion(_ message: String, for name: String, among candidates: [String]) -> String {
  guard let suggestion = closestName(to: name, among: candidates) else { return message }
  return "\(message); did you mean '\(suggestion)'?"
}

/// Edit distance counting insertions, deletions, substitutions and swaps of adjacent
/// characters (`pirnt` → `print` is one edit), giving up at `limit + 1`.
func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
  let x = Array(a)
  let y = Array(b)
  if abs(x.count - y.count) > limit { return limit + 1 }
  if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
  var beforePrevious = [Int](repeating: 0, count: y.count + 1)
  var previous = Array(0...y.count)
  for i in 1...x.count {
    var current = [Int](repeating: 0, count: y.count + 1)
    current[0] = i
    for j in 1...y.count {
      let cost = x[i - 1] == y[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
        current[j] = min(current[j], beforePrevious[j - 2] + 1)
      }
    }
    if current.min() ?? 0 > limit { return limit + 1 }
    beforePrevious = previous
    previous = current
  }
  return previous[y.count]
}
