// Datasets from lr: loaders, fields, splits, batches, synthetic data, files, display, errors.
import Foundation
import Lang
import Tensors
import Testing
import _TestSupport

@testable import Bindings

/// The description of the value `code` evaluates to.
private func show(_ code: String, seed: UInt64 = 0) throws -> String? {
  try evaluate(code, seed: seed).value?.quotedDescription
}

@Suite struct DatasetBindingTests {
  @Test func digitsFieldsAndIndexing() throws {
    #expect(try show("len(digits())") == "1797")
    #expect(try show("digits().x.shape") == "[1797, 1, 8, 8]")
    #expect(try show("digits().y[0..<3].tolist()") == "[0, 1, 2]")
    #expect(try show("digits().classes[9]") == "\"9\"")
    #expect(
      try show("let d = digits()\n[d[1].y, d[1].class, d[1].x.shape, d[-1].y]")
        == "[1, \"1\", [1, 8, 8], 8]")
    #expect(try show("len(digits()[10..<20])") == "10")
    #expect(try show("digits().flatten().shape") == "[64]")
    #expect(try show("digits().class_counts[0]") == "178")
    #expect(try show("type(digits())") == "\"dataset\"")
  }

  @Test func displaysAsAShortTable() throws {
    let sink = CollectingSink()
    let (interpreter, _) = try Library.makeInterpreter(output: sink)
    let value = try #require(try interpreter.run(Source(name: "t.lr", text: "digits()")))
    let expected = Display.Table(
      columns: ["dataset", "size", "input shape", "classes"],
      rows: [["uci-digits", "1797", "1×8×8", "10: 0, 1, 2, 3, …"]])
    #expect(interpreter.display(value) == .table(expected))
    #expect(value.description == "<dataset uci-digits: 1797 × [1, 8, 8], 10 classes>")
  }

  @Test func splitsAreSeededDisjointAndComplete() throws {
    let code = """
      let d = digits()
      let p = d.split(0.9, seed: 3)
      let q = d.split(0.9, seed: 3)
      let three = d.split([0.8, 0.1])
      [len(p.train), len(p.test), p.test.y.tolist() == q.test.y.tolist(),
       abs(p.train.x.sum() + p.test.x.sum() - d.x.sum()) < 1,
       len(three.train), len(three.validation), len(three.test), p.train.name]
      """
    #expect(try show(code) == "[1617, 180, true, true, 1437, 179, 181, \"uci-digits [train]\"]")
    let a = try show("digits().shuffle().y[0..<10].tolist()", seed: 5)
    #expect(a == (try show("digits().shuffle().y[0..<10].tolist()", seed: 5)))
    #expect(a != (try show("digits().shuffle().y[0..<10].tolist()", seed: 6)))
  }

  @Test func batchesCoverTheDatasetOnce() throws {
    let code = """
      let d = digits()
      let bs = d.batches(500)
      var seen = 0
      var total = 0
      for b in bs {
        seen += len(b.indices)
        total += b.y.sum()
      }
      [len(bs), bs[0].x.shape, len(bs[-1]), seen, total == d.y.sum(), len(d.batches(500, drop_last: true))]
      """
    #expect(try show(code) == "[4, [500, 1, 8, 8], 297, 1797, true, 3]")
    #expect(try show("digits().batches(2, shuffle: false)[1].indices") == "[2, 3]")
    #expect(try show("digits().batches(5)[0]")?.hasPrefix("<batch 1/360 of uci-digits") == true)
  }

  @Test func syntheticDataFollowsTheNotebookSeed() throws {
    let a = try show("moons(50).x.tolist()", seed: 1)
    #expect(a == (try show("moons(50).x.tolist()", seed: 1)))
    #expect(a != (try show("moons(50).x.tolist()", seed: 2)))
    #expect(
      try show("moons(50, seed: 4).x.tolist()", seed: 1)
        == (try show("moons(50, seed: 4).x.tolist()", seed: 2)))
    #expect(
      try show("[spirals(90, classes: 3).class_counts, blobs(20, features: 5).shape]")
        == "[[30, 30, 30], [5]]")
    #expect(
      try show(
        "let p = low_rank_regression(100, features: 6, outputs: 4, rank: 2)\n[p.data.y.shape, p.weights.shape, p.data.classes]"
      ) == "[[100, 4], [4, 6], []]")
  }

  @Test func normalisationCarriesTrainingStatistics() throws {
    let code = """
      let p = digits().split(0.5, seed: 1)
      let train = p.train.normalize()
      let test = p.test.normalize(like: train)
      [abs(train.x.mean()) < 0.001, abs(test.x.mean()) < 0.05, train.normalization.mean == test.normalization.mean]
      """
    #expect(try show(code) == "[true, true, true]")
  }

  @Test func filesFromLr() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "a,b,kind\n1,2,cat\n3,4,dog\n5,6,cat\n".write(
      to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let path = dir.path
    #expect(
      try show(
        "let d = load_csv(\"\(path)/t.csv\", label: \"kind\")\n[d.classes, d.y.tolist(), d.shape]")
        == "[[\"cat\", \"dog\"], [0, 1, 0], [2]]")
    let code = """
      save_tensors("\(path)/w.safetensors", {W: eye(2), b: tensor([1, 2])}, metadata: {rank: 2})
      let back = load_tensors("\(path)/w.safetensors", metadata: true)
      [back.tensors.W.tolist(), back.tensors.b.tolist(), back.metadata.rank]
      """
    #expect(try show(code) == "[[[1, 0], [0, 1]], [1, 2], \"2\"]")
    let npy = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("DatasetsTests/Fixtures/f4.npy").path
    #expect(try show("load_npy(\"\(npy)\").tolist()") == "[[0, 0.25, 0.5], [0.75, 1, 1.25]]")
    #expect(
      try show(
        "let d = dataset(load_npy(\"\(npy)\"), [1, 0], classes: [\"no\", \"yes\"])\n[len(d), d[0].class]"
      ) == "[2, \"yes\"]")
  }

  @Test func errorsReadLikeEveryOtherNative() {
    #expect(
      failure("fashion_mnist(\"val\")")
        == "bad argument 'split' to fashion_mnist (expected \"train\" or \"test\", got \"val\")")
    #expect(failure("load_npy(\"/nonexistent/x.npy\")") == "/nonexistent/x.npy: no such file")
    #expect(
      failure("digits().subset(-1)")
        == "bad argument 'n' to dataset.subset (expected a non-negative integer, got -1)")
    #expect(failure("digits().split(1.5)")?.contains("split fractions must lie in [0, 1]") == true)
    #expect(failure("digits()[5000]") == "index 5000 out of range for a dataset of 1797 examples")
    #expect(
      failure("dataset(ones([2, 2]), [0.5, 1])")?.hasPrefix("bad argument 'y' to dataset") == true)
    #expect(failure("moons(0)") == "bad argument 'n' to moons (expected a positive integer, got 0)")
    #expect(
      failure("load_tensors(\"/nonexistent.safetensors\")")?.hasPrefix(
        "/nonexistent.safetensors: cannot read the file") == true)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist")))
  func fashionMNISTFromLr() throws {
    #expect(
      try show("let f = fashion_mnist(\"test\", limit: 100)\n[len(f), f.classes[9], f.x.shape]")
        == "[100, \"Ankle boot\", [100, 1, 28, 28]]")
  }
}
