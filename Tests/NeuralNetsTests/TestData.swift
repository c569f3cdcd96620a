// Test-only loaders for the real datasets (gzipped IDX and the UCI digits CSV), until
// the Datasets target lands; gunzip does the decompression.
import Foundation
import NeuralNets
import Tensors

enum TestData {
  /// The bytes of a gzipped file, decompressed by the system's gzip.
  static func gunzip(_ path: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-dc", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw NeuralNetError.file(path: path, message: "gzip failed")
    }
    return data
  }

  /// An IDX images file as `[n, rows·cols]` pixels in [0, 1].
  static func idxImages(_ path: String) throws -> Tensor {
    let bytes = [UInt8](try gunzip(path))
    func int(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    let (n, rows, cols) = (int(4), int(8), int(12))
    return try Tensor(shape: [n, rows * cols]) { out in
      for i in 0..<out.count { out[i] = Float(bytes[16 + i]) / 255 }
    }
  }

  /// An IDX labels file as `[n]` class indices.
  static func idxLabels(_ path: String) throws -> Tensor {
    let bytes = [UInt8](try gunzip(path))
    return Tensor(bytes[8...].map { Float($0) })
  }

  /// Fashion-MNIST (train, test) as Debian's dataset-fashion-mnist installs it.
  static func fashionMNIST() throws -> (train: TensorData, test: TensorData) {
    let dir = "/usr/share/datasets/fashion-mnist/"
    return (
      try TensorData(
        inputs: idxImages(dir + "train-images-idx3-ubyte.gz"),
        labels: idxLabels(dir + "train-labels-idx1-ubyte.gz")),
      try TensorData(
        inputs: idxImages(dir + "t10k-images-idx3-ubyte.gz"),
        labels: idxLabels(dir + "t10k-labels-idx1-ubyte.gz"))
    )
  }

  /// The UCI digits in the repository: `[1797, 64]` pixels scaled to [0, 1], labels.
  static func uciDigits() throws -> TensorData {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("data/uci-digits/digits.csv.gz").path
    let text = String(decoding: try gunzip(path), as: UTF8.self)
    let rows = text.split(separator: "\n").map { $0.split(separator: ",").compactMap { Float($0) } }
    return try TensorData(
      inputs: Tensor(rows.map { $0.dropLast().map { $0 / 16 } }),
      labels: Tensor(rows.compactMap(\.last)))
  }
}
