// NPY files written by NumPy (committed fixtures), and hostile .npy bytes.
import Foundation
import Tensors
import Testing

@testable import Datasets

/// The fixtures folder (written by `Fixtures/make_fixtures.py`).
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

private func npy(_ name: String) throws -> Tensor {
  try NPY.read(fixtures.appendingPathComponent(name))
}

/// A v1 .npy file with `header` (padded as NumPy does) and `data`.
private func npyBytes(_ header: String, data: [UInt8] = []) -> [UInt8] {
  var text = Array(header.utf8)
  text += Array(repeating: 0x20, count: (64 - (10 + text.count + 1) % 64) % 64) + [0x0A]
  return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)]
    + text + data
}

@Suite struct NPYTests {
  @Test func readsWhatNumPyWrites() throws {
    #expect(try npy("f4.npy") == (try Tensor([[0, 0.25, 0.5], [0.75, 1, 1.25]])))
    #expect(try npy("f4.npy.gz") == (try npy("f4.npy")))
    #expect(try npy("f8-fortran.npy") == (try Tensor([[0, 1, 2], [3, 4, 5]])))
    #expect(try npy("u1.npy") == Tensor([0, 7, 255]))
    #expect(try npy("i8.npy") == (try Tensor([[-1], [2]])))
    #expect(try npy("i4-big.npy") == Tensor([1, -2, 3]))
    #expect(try npy("f2.npy") == Tensor([0.5, -2, 65504]))
    #expect(try npy("bool.npy") == Tensor([1, 0]))
    #expect(try npy("scalar.npy") == Tensor(scalar: 3.5))
    #expect(try npy("empty.npy").shape == [0, 3])
    #expect(try npy("v2.npy") == Tensor([1, 2]))
  }

  @Test func unsupportedDtypeIsNamed() {
    let url = fixtures.appendingPathComponent("unicode.npy")
    let message = failure { try NPY.read(url) }
    #expect(
      message?.hasPrefix("\(url.path): bad header (dtype '<U1' is not supported") == true,
      "\(message ?? "")")
  }

  @Test func hostileFilesGiveErrorsNamingTheFile() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    let good = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"
    let cases: [(String, [UInt8], String)] = [
      ("magic", Array("PK\u{3}\u{4}junkjunk".utf8), "not a NumPy .npy file (bad magic string)"),
      (
        "short", [0x93, 0x4E],
        "truncated: the file ends in the magic string (needed 8 bytes, found 2)"
      ),
      ("version", [0x93] + Array("NUMPY".utf8) + [9, 0], "unknown .npy format version 9"),
      (
        "bigheader", [0x93] + Array("NUMPY".utf8) + [2, 0, 0xFF, 0xFF, 0xFF, 0x7F],
        "header length 2147483647 exceeds 100000 bytes (corrupt file?)"
      ),
      (
        "cut", npyBytes(good, data: [0, 0, 128]),
        "the header promises shape [2] of <f4 (8 bytes), but the file holds at most 3"
      ),
      (
        "lying", npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }"),
        "the header promises shape [100000, 100000] of <f4 (40000000000 bytes)"
      ),
      (
        "huge",
        npyBytes(
          "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296), }"
        ),
        "shape [4294967296, 4294967296, 4294967296] is impossibly large"
      ),
      (
        "trailing", npyBytes(good, data: Array(repeating: 0, count: 12)),
        "the file has more data than its header's shape [2] describes"
      ),
      (
        "noshape", npyBytes("{'descr': '<f4', 'fortran_order': False}"),
        "bad header (no 'shape' tuple)"
      ),
      (
        "negative", npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }"),
        "bad header (a shape entry is not a non-negative integer)"
      ),
      (
        "structured",
        npyBytes("{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,), }"),
        "bad header (an unexpected '[')"
      ),
      ("unclosed", npyBytes("{'descr': '<f4"), "bad header (an unclosed string)"),
    ]
    for (name, bytes, expected) in cases {
      let url = try scratch.write(bytes, to: name)
      let message = failure { try NPY.read(url) } ?? "no error"
      #expect(message.hasPrefix("\(url.path): \(expected)"), "\(name): \(message)")
    }
  }

  @Test func randomMutationsNeverTrap() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    let good = Array(try Data(contentsOf: fixtures.appendingPathComponent("f8-fortran.npy")))
    var rng = RNG(seed: 4)
    for i in 0..<300 {
      var bytes = good
      for _ in 0...rng.nextInt(below: 3) {
        bytes[rng.nextInt(below: 80)] = UInt8(truncatingIfNeeded: rng.next())
      }
      let url = try scratch.write(
        Array(bytes.prefix(rng.nextInt(below: bytes.count + 1))), to: "m\(i)")
      if let message = failure({ try NPY.read(url) }) { #expect(message.hasPrefix(url.path)) }
    }
  }
}
