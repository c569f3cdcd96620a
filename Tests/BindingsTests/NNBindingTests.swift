// Networks from lr: building, training, evaluating, metrics, tables and errors.
import Foundation
import Lang
import Tensors
import Testing

@testable import Bindings

@Suite struct NNBindingTests {
  /// Three separable classes of 4 features as lr code defining `x` and `y`.
  let data = """
    var centres = []
    var labels = []
    for i in 0..<90 {
      labels.append(i % 3)
      centres.append([if i % 3 == 0 { 3 } else { 0 }, if i % 3 == 1 { 3 } else { 0 }, if i % 3 == 2 { 3 } else { 0 }, 0])
    }
    let x = randn([90, 4]) + tensor(centres)
    let y = tensor(labels)
    """

  @Test func mlpTrainsAndEvaluates() throws {
    let code =
      data + """

        let net = mlp([4, 16, 3])
        let h = fit(net, [x, y], epochs: 5, lr: 0.1, batch: 16, validation: 0.2)
        [len(h.loss), h.epochs, accuracy(net, [x, y]) > 0.9, evaluate(net, {x: x, y: y}).accuracy > 0.9,
         predict(net, x, classes: true).shape, confusion_matrix(net, [x, y]).sum()]
        """
    #expect(try evaluate(code).value?.quotedDescription == "[5, 5, true, true, [90], 90]")
  }

  @Test func sameSeedSameTraining() throws {
    let code = data + "\nlet net = mlp([4, 8, 3])\nfit(net, [x, y], epochs: 2).loss"
    #expect(
      try evaluate(code, seed: 3).value?.quotedDescription
        == (try evaluate(code, seed: 3).value?.quotedDescription))
    #expect(
      try evaluate(code, seed: 3).value?.quotedDescription
        != (try evaluate(code, seed: 4).value?.quotedDescription))
  }

  @Test func lowRankLeNetMetrics() throws {
    let code = """
      let net = lenet5(lowrank: true, rank: 0.2)
      [net.layers[0].kind, net.layers[0].rank, len(net.layers), compression(net) > 0.6, kappa(net) >= 1,
       len(kappas(net)), singular_values(net.layers[7]).shape, net.layers[7].U.shape, parameters(net) == net.parameters]
      """
    #expect(
      try evaluate(code).value?.quotedDescription
        == #"["LowRankConv2d", 4, 10, true, true, 4, [100], [500, 100], true]"#)
  }

  @Test func modelDisplaysAsALayerTable() throws {
    let sink = CollectingSink()
    let (interpreter, _) = try Library.makeInterpreter(output: sink)
    let value = try #require(
      try interpreter.run(
        Source(name: "t.lr", text: "mlp([784, 256, 10], lowrank: true, rank: 32, classifier: true)")
      ))
    guard case .table(let table) = interpreter.display(value) else {
      Issue.record("expected a table")
      return
    }
    #expect(table.columns == ["#", "layer", "output", "rank", "parameters", "compression", "κ"])
    #expect(table.rows.count == 3)
    #expect(table.rows[0][1] == "LowRankDense(784 => 256, rank 32)")
    #expect(table.rows[0][3] == "32")
    #expect(table.caption?.contains("compression") == true && table.caption?.contains("Πκ") == true)
  }

  @Test func sequentialFromLayers() throws {
    let code = """
      let net = sequential([conv2d(1, 4, 3, padding: 1), activation("relu"), maxpool(2), flatten_layer(),
                            dropout(0.1), lowrank_dense(64, 10, 0.5)], [1, 8, 8])
      [predict(net, rand([2, 1, 8, 8])).shape, net.layers[5].rank]
      """
    #expect(try evaluate(code).value?.quotedDescription == "[[2, 10], 5]")
  }

  @Test func compressAKeepsTheClassifierDense() throws {
    let code =
      data + """

        let net = mlp([4, 16, 16, 3])
        fit(net, [x, y], epochs: 3, lr: 0.1, batch: 16)
        let small = compress(net, rank: 2)
        [small.layers[0].kind, small.layers[4].kind, small.layers[0].rank, accuracy(small, [x, y]) > 0.5]
        """
    #expect(try evaluate(code).value?.quotedDescription == #"["LowRankDense", "Dense", 2, true]"#)
  }

  @Test func progressReachesTheSessionHook() throws {
    let (interpreter, session) = try Library.makeInterpreter(output: CollectingSink())
    var updates: [ProgressUpdate] = []
    session.progress = { updates.append($0) }
    _ = try interpreter.run(
      Source(name: "t.lr", text: data + "\nfit(mlp([4, 3]), [x, y], epochs: 2, batch: 30)"))
    #expect(updates.count == 6)
    #expect(updates.last.map { ($0.completed, $0.total) } ?? (0, 0) == (6, 6))
    #expect(updates.last?.detail.hasPrefix("epoch 2/2") == true)
  }

  @Test func trainsOnADatasetAndRoundTripsThroughAFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lrnb-nn-\(UUID().uuidString).safetensors"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let code = """
      let parts = digits().split(0.8, seed: 1)
      let net = mlp([64, 32, 10], lowrank: true, rank: 8)
      fit(net, parts.train, epochs: 10, lr: 0.05, batch: 32)
      save(net, "\(path)")
      let copy = load("\(path)")
      [accuracy(net, parts.test) > 0.75, predict(copy, parts.test.x) == predict(net, parts.test.x),
       copy.layers[0].kind]
      """
    #expect(try evaluate(code).value?.quotedDescription == #"[true, true, "LowRankDense"]"#)
    #expect(
      failure("load(\"/nonexistent/model.safetensors\")")?.contains(
        "/nonexistent/model.safetensors") == true)
  }

  @Test func gradOfLrFunctions() throws {
    #expect(
      try evaluate("grad(fn(x) { (x * x).sum() })(tensor([1, 2, 3])).tolist()").value?
        .quotedDescription == "[2, 4, 6]")
    let code = """
      let x = tensor([[1, 2], [3, 4]])
      let y = tensor([1, 0])
      let f = fn(w, b) { cross_entropy(x @ w + b, y) + 0.5 * (w ** 2).sum() }
      let r = value_and_grad(f)(eye(2), zeros([2]))
      [round(r[0], digits: 4), r[1][0].shape, r[1][1].shape, round(r[1][1].sum(), digits: 5)]
      """
    // Cross-entropy of logits [[1,2],[3,4]] at labels [1, 0]: (log(1+e⁻¹) + log(1+e)) / 2,
    // plus ½‖I‖² = 1; the bias gradient sums to 0 (softmax − one-hot rows sum to 0).
    #expect(try evaluate(code).value?.quotedDescription == "[1.8133, [2, 2], [2], 0]")
    #expect(
      failure("grad(fn(x) { x * 2 })(tensor([1, 2]))")?.contains("must return a scalar") == true)
    #expect(
      failure("grad(fn(x) { 3 })(tensor([1, 2]))")?.contains("computed from its arguments") == true)
  }

  @Test func modelsAndHistoriesGoThroughTheCache() throws {
    let (interpreter, session) = try Library.makeInterpreter(output: CollectingSink())
    let net = try #require(
      try interpreter.run(Source(name: "t.lr", text: data + "\nlet net = mlp([4, 8, 3])\nnet")))
    let history = try #require(
      try interpreter.run(
        Source(name: "t.lr", text: "fit(net, [x, y], epochs: 2, validation: 0.2)")))
    guard case .native(let m) = net, let model = m as? ModelObject, case .native(let h) = history,
      let trained = h as? HistoryObject
    else {
      Issue.record("expected a model and a history")
      return
    }
    let decoders = Library.cacheDecoders(session)
    let decodeModel = try #require(decoders.decoder(for: ModelObject.cacheTag))
    let decodeHistory = try #require(decoders.decoder(for: HistoryObject.cacheTag))
    let before = model.cacheFingerprint
    let payload = try model.cachePayload()
    let restored = try #require(try decodeModel(payload) as? ModelObject)
    let x = try Tensor.randn([5, 4], using: &session.random.rng)
    let (a, b) = (try restored.model.predict(x), try model.model.predict(x))
    #expect(a == b)
    #expect(restored.cacheFingerprint == before)
    _ = try interpreter.run(Source(name: "t.lr", text: "fit(net, [x, y], epochs: 1)"))
    #expect(model.cacheFingerprint != before)
    let historyPayload = try trained.cachePayload()
    let back = try #require(try decodeHistory(historyPayload) as? HistoryObject)
    #expect(back.history == trained.history)
    let figure = try interpreter.run(
      Source(name: "t.lr", text: "plot_history(fit(net, [x, y], epochs: 2))"))
    #expect(figure?.typeName == "figure")
  }

  @Test func badArgumentsAreDiagnostics() {
    #expect(
      failure("mlp([4, 3], lowrank: true, rank: -1)")?.hasPrefix("bad argument 'rank' to mlp")
        == true)
    #expect(failure("fit(mlp([4, 3]), 5)")?.hasPrefix("bad argument 'data' to fit") == true)
    #expect(
      failure("fit(mlp([4, 3]), [zeros([2, 4]), zeros([3])])")?.contains("same number of rows")
        == true)
    #expect(
      failure("fit(mlp([4, 3]), [zeros([2, 4]), zeros([2])], optimizer: \"rmsprop\")")?.contains(
        "optimizer") == true)
    #expect(
      failure("predict(mlp([4, 3]), zeros([2, 5]))")
        == "layer Dense(4 => 3) expects input [batch] + [4], but got [2, 5]")
    #expect(
      failure("fit(mlp([4, 3]), [zeros([2, 4]), tensor([0, 7])])")?.contains("label 7") == true)
    #expect(failure("activation(\"gelu\")")?.hasPrefix("bad argument 'name' to activation") == true)
    // Hostile sizes are errors, never traps.
    #expect(failure("lowrank_dense(4, 3, 1e300)")?.contains("rank") == true)
    #expect(failure("conv2d(1, 2, 9007199254740992)")?.contains("kernels in") == true)
    #expect(failure("lenet5(input_shape: [1, 4503599627370496, 4503599627370496])") != nil)
    #expect(failure("sequential([dense(2, 2)], [4503599627370496, 4503599627370496])") != nil)
    #expect(failure("mlp([4, 1e15])") != nil)
    #expect(
      failure("fit(mlp([4, 3]), [zeros([2, 4]), zeros([2])], epochs: 1e15)")?.contains("epochs")
        == true)
  }
}
