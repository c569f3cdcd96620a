// Runs a program (the built lrnb binary) and captures its exit status and output.
import Foundation

/// What a finished process left behind.
public struct ProcessResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs `executable` with `arguments` in `directory`, feeding `input` to stdin.
public func runProcess(
  _ executable: URL, _ arguments: [String], in directory: URL? = nil, input: String = "",
  environment: [String: String] = [:]
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  var env = ProcessInfo.processInfo.environment
  for (key, value) in environment { env[key] = value }
  process.environment = env
  let out = Pipe()
  let err = Pipe()
  let inp = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = inp
  try process.run()
  inp.fileHandleForWriting.write(Data(input.utf8))
  try inp.fileHandleForWriting.close()
  // Read both pipes concurrently so a full stderr buffer cannot block the child.
  nonisolated(unsafe) var errData = Data()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// The `lrnb` executable built beside the test bundle (`.build/<config>/lrnb`).
public func lrnbExecutable() -> URL {
  let candidates = [
    Bundle.main.bundleURL.appendingPathComponent("lrnb"),
    Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("lrnb"),
    Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("lrnb"),
  ].compactMap { $0 }
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    ?? candidates[0]
}
