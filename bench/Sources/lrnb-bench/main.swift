// lrnb-bench: the Swift side of bench/run. `lrnb-bench SUITE [REPEATS]` prints JSON lines.
import Foundation

let suites: [String: (Int) throws -> Void] = [
  "attacks": attacksBench,
  "dlrt": dlrtBench,
  "matmul": matmulBench,
  "lr": langBench,
  "plot": plotBench,
  // Not a timing suite: `reproduce EPOCHS` reruns the DLRT paper's LeNet5/MNIST table.
  "reproduce": { epochs in try reproduceDLRT(epochs: epochs) },
  "training": trainingBench,
]

let arguments = CommandLine.arguments.dropFirst()
// `lrnb-bench lr-file PATH [TIMES]`: run one lr file, for profilers.
if arguments.first == "lr-file", let path = arguments.dropFirst().first {
  do {
    try langFile(path: path, times: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1)
    exit(0)
  } catch {
    FileHandle.standardError.write(Data("lrnb-bench lr-file: \(error)\n".utf8))
    exit(1)
  }
}
guard let suite = arguments.first, let run = suites[suite] else {
  FileHandle.standardError.write(
    Data(
      "usage: lrnb-bench SUITE [REPEATS]; suites: \(suites.keys.sorted().joined(separator: ", "))\n"
        .utf8))
  exit(64)
}
let repeats = arguments.dropFirst().first.flatMap { Int($0) } ?? 20
do {
  try run(repeats)
} catch {
  FileHandle.standardError.write(Data("lrnb-bench \(suite): \(error)\n".utf8))
  exit(1)
}
