// Hostile safetensors files: every one is an error naming the file, never a trap or a huge
// allocation.
import Foundation
import Tensors
import Testing
import _TestSupport

/// Bytes of a safetensors file with `header` as its JSON and `data` after it; the declared
/// header length defaults to the true one.
private func file(_ header: String, data: [UInt8] = [], declaredLength: UInt64? = nil) -> [UInt8] {
  let json = Array(header.utf8)
  var bytes: [UInt8] = []
  withUnsafeBytes(of: (declaredLength ?? UInt64(json.count)).littleEndian) { bytes += $0 }
  return bytes + json + data
}

/// A hostile file and the words its error must contain; shown by those words in test output.
struct HostileFile: CustomTestStringConvertible, Sendable {
  var bytes: [UInt8]
  var expected: String
  var testDescription: String { expected }
}

/// The message decoding `bytes` as `bad.safetensors` throws (nil when it succeeds).
private func failure(_ bytes: [UInt8]) -> String? {
  thrownMessage { try SafeTensors.decode(bytes, fileName: "bad.safetensors") }
}

@Suite struct SafeTensorsHostileTests {
  @Test(
    arguments: [
      (file("{}", declaredLength: 1 << 60), "header length 1152921504606846976 exceeds the limit"),
      (file("{}", declaredLength: 64), "header length 64 runs past the end of the file (10 bytes)"),
      ([1, 2, 3], "the file is 3 bytes, too short for a safetensors header"),
      (file("[1]"), "the header does not start with '{'"),
      (file("{\"a\": }"), "the header is not valid JSON: invalid value at byte 6"),
      (
        file("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]"),
        "the header is not valid JSON: unclosed object"
      ),
      (file(#"{"a": 1}"#), "tensor 'a' is not described by an object"),
      (file(#"{"a": {"shape": [1], "data_offsets": [0, 4]}}"#), "tensor 'a' has no 'dtype'"),
      (
        file(#"{"a": {"dtype": "F8_E4M3", "shape": [1], "data_offsets": [0, 1]}}"#, data: [0]),
        "tensor 'a' has dtype F8_E4M3, which lrnb cannot read"
      ),
      (
        file(
          #"{"a": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}}"#, data: [0, 0, 0, 0]),
        "tensor 'a': 'shape' holds something other than a non-negative integer"
      ),
      (
        file(#"{"a": {"dtype": "F32", "shape": [1.5], "data_offsets": [0, 4]}}"#),
        "tensor 'a': 'shape' holds something other than a non-negative integer"
      ),
      (
        file(
          #"{"a": {"dtype": "F32", "shape": [4294967296, 4294967296], "data_offsets": [0, 4]}}"#),
        "tensor 'a' has an impossibly large shape [4294967296, 4294967296]"
      ),
      (
        file(
          #"{"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 4]}}"#, data: [0, 0, 0, 0]),
        "tensor 'a' of shape [3] and dtype F32 needs 12 bytes, but its offsets [0, 4] span 4"
      ),
      (
        file(#"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [4, 0]}}"#),
        "'data_offsets' must be [begin, end] with begin ≤ end"
      ),
      (
        file(
          #"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}"#, data: [0, 0, 0, 0]),
        "tensor 'a' needs data bytes 0..<8, but the file holds only 4 (truncated?)"
      ),
      (
        file(
          #"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},"#
            + #""b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}"#,
          data: Array(repeating: 0, count: 8)),
        "tensors 'a' and 'b' overlap in the data section"
      ),
      (
        file(
          #"{"a": {"dtype": "U8", "shape": [1], "data_offsets": [1, 2]}}"#, data: [0, 0]),
        "the data section has a gap of unused bytes before tensor 'a'"
      ),
      (
        file(#"{"a": {"dtype": "U8", "shape": [1], "data_offsets": [0, 1]}}"#, data: [0, 0]),
        "the data section holds 2 bytes but the tensors cover only 1"
      ),
      (
        file(
          #"{"a": {"dtype": "U8", "shape": [1], "data_offsets": [0, 1]},"#
            + #""a": {"dtype": "U8", "shape": [1], "data_offsets": [0, 1]}}"#, data: [0]),
        "the header names 'a' twice"
      ),
      (file(#"{"__metadata__": {"k": 1}}"#), "metadata 'k' is not a string"),
      (file(String(repeating: "[", count: 10_000)), "the header does not start with '{'"),
      (file("{\"a\":" + String(repeating: "[", count: 10_000)), "nesting deeper than 16 levels"),
    ].map { HostileFile(bytes: $0.0, expected: $0.1) })
  func hostileHeaderGivesAnErrorNamingTheFile(_ hostile: HostileFile) {
    let message = failure(hostile.bytes) ?? "no error"
    #expect(message.hasPrefix("bad.safetensors: "), "\(message)")
    #expect(message.contains(hostile.expected), "\(message)")
  }

  @Test func everyTruncationIsAnError() throws {
    let good = try SafeTensors.encode(["w": try Tensor.ones([3, 5]), "b": Tensor([1, 2])])
    for length in 0..<good.count {
      let message = failure(Array(good.prefix(length)))
      #expect(message?.hasPrefix("bad.safetensors: ") == true, "prefix of \(length) bytes")
    }
  }

  @Test func dimensionsOverTheElementLimitAreRefused() throws {
    // A cap for this test's task only: the process-wide one would reach tests running
    // alongside (it once failed a 64×64 product in AdversarialTrainingTests).
    let bytes = try SafeTensors.encode(["w": try Tensor(shape: [2, 2], repeating: 0)])
    Tensor.$taskMaxElements.withValue(4) { #expect(failure(bytes) == nil) }
    Tensor.$taskMaxElements.withValue(3) {
      #expect(failure(bytes)?.contains("tensor 'w': Tensor: shape [2, 2] has 4 elements") == true)
    }
  }

  @Test func randomJunkAndMutatedFilesNeverTrap() throws {
    var rng = RNG(seed: 9)
    let good = try SafeTensors.encode(["w": try Tensor.ones([4, 4])], metadata: ["k": "v"])
    for _ in 0..<2_000 {
      var bytes = good
      for _ in 0...rng.nextInt(below: 4) {
        bytes[rng.nextInt(below: bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
      }
      _ = failure(bytes)
      let junk = (0..<rng.nextInt(below: 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      #expect(failure(junk)?.hasPrefix("bad.safetensors: ") == true)
    }
  }

  @Test func missingFileIsNamed() {
    let message = thrownMessage {
      try SafeTensors.read(contentsOf: URL(fileURLWithPath: "/nonexistent/model.safetensors"))
    }
    #expect(message?.hasPrefix("/nonexistent/model.safetensors: cannot read the file") == true)
  }
}
