// The tool's version, shown by `lrnb --version` and in report footers and cache keys.

enum Version {
  static let current = "0.1.0"
}
