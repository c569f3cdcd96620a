// SafeTensors: round trips, a golden file written by Python, Python reading ours, hostile files.
import Foundation
import Tensors
import Testing
import _TestSupport

/// The folder of committed fixtures (written by `Fixtures/make_golden.py`).
private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

/// The benchmark venv's Python, which has `safetensors` and `numpy` (absent on CI).
private let python = repositoryRoot().appendingPathComponent("bench/.venv/bin/python")

@Suite struct SafeTensorsTests {
  @Test func roundTripKeepsShapesValuesAndMetadata() throws {
    var rng = RNG(seed: 1)
    let tensors: [String: Tensor] = [
      "layers.0.U": try Tensor.randn([5, 3], using: &rng),
      "layers.0.S": try Tensor.randn([3, 3], using: &rng),
      "scalar": Tensor(scalar: -1.25),
      "empty": try Tensor.zeros([0, 7]),
      "naïve \"quoted\"\n": Tensor([1, 2]),
    ]
    let metadata = ["architecture": "{\"kind\": \"mlp\"}", "ranks": "3,3"]
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("model.safetensors")
    try SafeTensors.write(tensors, metadata: metadata, to: url)
    let archive = try SafeTensors.read(contentsOf: url)
    #expect(archive.tensors == tensors)
    #expect(archive.metadata == metadata)
    #expect(archive.names == tensors.keys.sorted())
    #expect(Set(archive.dtypes.values) == ["F32"])
    // Only the file itself remains: the temporary file of the atomic write was renamed.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["model.safetensors"])
  }

  @Test func encodingIsDeterministicAndAligned() throws {
    let tensors = ["b": Tensor([1, 2, 3]), "a": try Tensor.ones([2, 2])]
    let bytes = try SafeTensors.encode(tensors, metadata: ["k": "v"])
    #expect(try SafeTensors.encode(tensors, metadata: ["k": "v"]) == bytes)
    let headerLength = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
    #expect((8 + headerLength) % 8 == 0)
    #expect(bytes.count == 8 + headerLength + 7 * 4)
    let header = try #require(String(bytes: bytes[8..<(8 + headerLength)], encoding: .utf8))
    #expect(header.hasPrefix(#"{"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2,2]"#))
  }

  @Test func rejectsTheReservedName() {
    let message = thrownMessage { try SafeTensors.encode(["__metadata__": Tensor([1])]) }
    #expect(message == "<memory>: a tensor may not be named '__metadata__' (reserved)")
  }

  @Test func readsEveryDtypeFromAFileWrittenByPython() throws {
    let archive = try SafeTensors.read(
      contentsOf: fixtures.appendingPathComponent("golden.safetensors"))
    #expect(archive.metadata == ["format": "lrnb-test", "note": "written by make_golden.py"])
    let t = archive.tensors
    #expect(t["f32"] == (try Tensor([[1.5, -2, 3.25], [0, 1e-3, -7]])))
    #expect(t["f64"] == Tensor([0.1, -2.5, 1e10]))
    #expect(t["f16"] == Tensor([1, -0.5, 65504, 0x1p-14, 0x1p-24]))
    #expect(t["i64"] == (try Tensor([[-3, 0], [7, 0x1p40]])))
    #expect(t["i32"] == Tensor([-2_147_483_648, 5]))
    #expect(t["i16"] == Tensor([-300, 300]))
    #expect(t["i8"] == Tensor([-128, 127]))
    #expect(t["u8"] == (try Tensor([[0, 51, 102], [153, 204, 255]])))
    #expect(t["bool"] == Tensor([1, 0, 1]))
    #expect(t["scalar"] == Tensor(scalar: 42))
    #expect(t["empty"]?.shape == [0, 4])
    #expect(archive.dtypes["f16"] == "F16")
    #expect(archive.dtypes["bool"] == "BOOL")
    let bf16 = try SafeTensors.read(
      contentsOf: fixtures.appendingPathComponent("golden-bf16.safetensors"))
    #expect(bf16.tensors["bf16"] == Tensor([1, -3, 0.15625, 256]))
    #expect(bf16.dtypes["bf16"] == "BF16")
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python.path)))
  func pythonReadsWhatWeWrite() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("w.safetensors")
    let w = try Tensor(shape: [2, 3], scalars: [0.5, -1, 2, 1e-7, 3.25, -0.0])
    try SafeTensors.write(["layers.0.W": w, "b": Tensor([7])], metadata: ["rank": "2"], to: url)
    let script = """
      import sys
      from safetensors import safe_open
      from safetensors.numpy import load_file
      t = load_file(sys.argv[1])
      w = t["layers.0.W"]
      with safe_open(sys.argv[1], framework="np") as f: meta = f.metadata()
      print(w.dtype, list(w.shape), " ".join(repr(float(x)) for x in w.ravel()), t["b"].tolist(), meta)
      """
    let result = try runProcess(python, ["-c", script, url.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "float32 [2, 3] 0.5 -1.0 2.0 1.0000000116860974e-07 3.25 -0.0 [7.0] {'rank': '2'}\n")
  }
}
