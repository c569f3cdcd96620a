// IDX files: real Fashion-MNIST, small files raw and gzipped, and hostile files.
import Foundation
import Tensors
import Testing
import _TestSupport

@testable import Datasets

private let fashionInstalled = FileManager.default.fileExists(
  atPath: FashionMNIST.debianDirectory.appendingPathComponent("t10k-labels-idx1-ubyte.gz").path)

@Suite struct IDXTests {
  @Test(.enabled(if: fashionInstalled)) func fashionMNISTTestSplit() throws {
    let test = try FashionMNIST.load(split: .test)
    #expect(test.inputs.shape == [10_000, 1, 28, 28])
    #expect(test.count == 10_000)
    #expect(test.classNames.count == 10)
    #expect(test.classCounts == Array(repeating: 1_000, count: 10))
    #expect(try test.inputs.min() == 0)
    #expect(try test.inputs.max() == 1)
    // The first test image is an ankle boot, the second a pullover (the published order).
    #expect(test.labels.prefix(2) == [9, 2])
    #expect(test.name == "fashion-mnist (test)")
  }

  @Test(.enabled(if: fashionInstalled)) func limitReadsOnlyThePrefix() throws {
    let few = try FashionMNIST.load(split: .train, limit: 50)
    #expect(few.inputs.shape == [50, 1, 28, 28])
    #expect(few.labels.count == 50)
    #expect(few.labels.first == 9)
    let all = try FashionMNIST.load(split: .test)
    let head = try FashionMNIST.load(split: .test, limit: 3)
    #expect(head.inputs == (try all.inputs.rows(0..<3)))
  }

  @Test func rawAndGzippedFilesReadTheSame() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    let pixels = (0..<(3 * 2 * 2)).map { UInt8($0 * 20) }
    let raw = try scratch.write(idx(dims: [3, 2, 2], data: pixels), to: "images")
    let gz = try scratch.write(try gzip(idx(dims: [3, 2, 2], data: pixels)), to: "images.gz")
    let a = try IDX.readImages(raw)
    #expect(a.shape == [3, 1, 2, 2])
    #expect(a.scalars == pixels.map { Float($0) / 255 })
    #expect(try IDX.readImages(gz) == a)
    #expect(try IDX.readImages(gz, limit: 2) == (try a.rows(0..<2)))
    #expect(try IDX.readImages(raw, limit: 0).shape == [0, 1, 2, 2])
  }

  @Test func otherElementTypesAreBigEndian() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    let i16 = try scratch.write(
      idx(type: 0x0B, dims: [2], data: [0xFF, 0xFE, 0x01, 0x00]), to: "a")
    #expect(try IDX.read(i16).scalars == [-2, 256])
    let f32 = try scratch.write(idx(type: 0x0D, dims: [1], data: [0x3F, 0xC0, 0, 0]), to: "b")
    #expect(try IDX.read(f32).scalars == [1.5])
  }

  @Test func mnistFromAFolderTheUserNames() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    try scratch.write(
      idx(dims: [2, 2, 2], data: Array(repeating: 255, count: 8)), to: "m/t10k-images.idx3-ubyte")
    try scratch.write(try gzip(idx(dims: [2], data: [7, 3])), to: "m/t10k-labels-idx1-ubyte.gz")
    let test = try MNIST.load(split: .test, directory: scratch.url.appendingPathComponent("m"))
    #expect(test.labels == [7, 3])
    #expect(test.inputs.shape == [2, 1, 2, 2])
    #expect(test.classNames == (0..<10).map(String.init))
    let missing = failure {
      try MNIST.load(split: .train, directory: scratch.url.appendingPathComponent("m"))
    }
    #expect(missing?.contains("/m: has no train-images-idx3-ubyte.gz") == true)
  }

  @Test func hostileFilesGiveErrorsNamingTheFile() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    let good = idx(dims: [4, 3, 3], data: Array(repeating: 9, count: 36))
    let cases: [(String, [UInt8], String)] = [
      (
        "magic", [1, 2, 8, 1, 0, 0, 0, 1, 5],
        "not an IDX file (magic number 01020801 should start with 0000)"
      ),
      ("type", [0, 0, 0x42, 1, 0, 0, 0, 1, 5], "unknown IDX element type 0x42"),
      (
        "short", [0, 0, 8], "truncated: the file ends in the magic number (needed 4 bytes, found 3)"
      ),
      (
        "dims", [0, 0, 8, 3, 0, 0],
        "truncated: the file ends in the dimensions (needed 12 bytes, found 2)"
      ),
      (
        "lying", idx(dims: [60_000, 28, 28], data: Array(repeating: 0, count: 100)),
        "the header promises dimensions [60000, 28, 28] (47040000 bytes of data), but the file holds"
          + " only 100 bytes of data (wrong dimensions, or a truncated file)"
      ),
      (
        "huge", idx(dims: [1 << 31, 1 << 31, 1 << 31], data: []),
        "dimensions [2147483648, 2147483648, 2147483648] are impossibly large"
      ),
      (
        "trailing", good + [1, 2],
        "the file has more data than its header's dimensions [4, 3, 3] describe"
      ),
      (
        "cut", Array(good.dropLast(5)),
        "the header promises dimensions [4, 3, 3] (36 bytes of data), but the file holds only 31"
          + " bytes of data (wrong dimensions, or a truncated file)"
      ),
    ]
    for (name, bytes, expected) in cases {
      let url = try scratch.write(bytes, to: name)
      let message = failure { try IDX.read(url) }
      #expect(message == "\(url.path): \(expected)", "\(name)")
    }
    let labelsAsImages = try scratch.write(idx(dims: [2], data: [1, 2]), to: "labels")
    #expect(
      failure { try IDX.readImages(labelsAsImages) }?.hasSuffix(
        "holds a tensor of shape [2], not images [N, height, width]") == true)
  }

  @Test func hostileGzipFiles() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    let compressed = try gzip(idx(dims: [100, 8, 8], data: (0..<6400).map { UInt8($0 % 251) }))
    let truncated = try scratch.write(Array(compressed.prefix(compressed.count / 2)), to: "cut.gz")
    #expect(
      failure { try IDX.read(truncated) }
        == "\(truncated.path): the gzip data ends early (truncated file?)")
    var corrupt = compressed
    for i in 20..<40 { corrupt[i] ^= 0x5A }
    let bad = try scratch.write(corrupt, to: "bad.gz")
    #expect(failure { try IDX.read(bad) }?.hasPrefix(bad.path) == true)
    // A damaged checksum is caught when the stream ends.
    var badCRC = compressed
    badCRC[badCRC.count - 8] ^= 1
    let crc = try scratch.write(badCRC, to: "crc.gz")
    #expect(
      failure { try IDX.read(crc) } == "\(crc.path): corrupt gzip data (incorrect data check)")
    let short = try scratch.write(
      try gzip(idx(dims: [4, 3, 3], data: Array(repeating: 1, count: 31))), to: "short.gz")
    #expect(
      failure { try IDX.read(short) }
        == "\(short.path): truncated: the header promises 36 elements, the file holds 31")
    // A tiny gzip file cannot hold what a lying header promises: refused before allocating.
    let lying = try scratch.write(
      try gzip(idx(dims: [1 << 20, 1 << 10], data: [0])), to: "lying.gz")
    #expect(
      failure { try IDX.read(lying) }?.contains("but the file can decompress to at most") == true)
  }

  @Test func randomJunkNeverTraps() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    var rng = RNG(seed: 3)
    let good = try gzip(idx(dims: [5, 4, 4], data: Array(repeating: 1, count: 80)))
    for i in 0..<300 {
      var bytes =
        i % 2 == 0
        ? good : (0..<rng.nextInt(below: 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      if i % 2 == 0 {
        bytes[rng.nextInt(below: bytes.count)] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
      }
      let url = try scratch.write(bytes, to: "junk\(i)")
      if let message = failure({ try IDX.readImages(url) }) {
        #expect(message.hasPrefix(url.path), "\(message)")
      }
    }
  }
}
