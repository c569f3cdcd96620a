// Hard limits on what one value may hold, each with a clear error instead of a crash
// or an exhausted machine.

enum Limits {
  /// Most items a list built in one step may have (`list(0..<n)`, `[0] * n`, `split`):
  /// 2^26 items is 1.5 GB of values, more than a laptop notebook should ever build at
  /// once, and a typo like `list(0..<1e12)` fails at once instead of eating memory.
  static let maxSequenceLength = 1 << 26
  /// Largest string one operation builds, in bytes (`"-" * 1e12`, `pad`).
  static let maxStringBytes = 1 << 28

  static func tooLong(_ count: Int, _ range: SourceRange) -> Unwind {
    .error(
      "a list of \(count) items is too long (the limit is \(maxSequenceLength))", range)
  }
}
