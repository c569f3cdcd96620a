// The tool's version, shown by `lrnb --version` and in report footers and cache keys.
import Foundation

enum Version {
  static let current = "0.1.0"

  /// This binary's size and modification time, e.g. `48213504-1765093741`: cache keys
  /// include it, so a rebuilt lrnb (same version, changed code) runs cached cells again
  /// instead of restoring what the old build computed. Empty when the executable cannot
  /// be examined (the key is then the version alone, as before).
  static let build: String = {
    var info = stat()
    // /proc/self/exe names the running binary even when it was started through a link.
    guard stat("/proc/self/exe", &info) == 0 else { return "" }
    return "\(info.st_size)-\(info.st_mtim.tv_sec)"
  }()
}
