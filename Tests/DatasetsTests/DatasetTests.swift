// Dataset values: validation, subsets, shuffles and splits, batching, normalisation.
import Tensors
import Testing
import _TestSupport

@testable import Datasets

/// `n` examples whose single feature equals their index, labelled `index % classes`.
func numbered(_ n: Int, classes: Int = 3) throws -> Dataset {
  try Dataset(
    name: "numbered", inputs: try Tensor.arange(0, Float(n)).reshaped([n, 1]),
    labels: (0..<n).map { $0 % classes })
}

/// The example indices a dataset built by `numbered` holds, in order.
func ids(_ d: Dataset) -> [Int] { d.inputs.scalars.map { Int($0) } }

@Suite struct DatasetTests {
  @Test func validatesLabelsAndCounts() throws {
    let x = try Tensor.zeros([3, 2])
    #expect(
      failure { try Dataset(name: "d", inputs: x, labels: [0, 1]) } == "d: 3 inputs but 2 labels")
    #expect(
      failure { try Dataset(name: "d", inputs: x, labels: [0, 1, 5], classNames: ["a", "b"]) }
        == "d: label 5 of example 2 is not a class (0..<2)")
    #expect(failure { try Dataset(name: "d", inputs: Tensor(scalar: 1), labels: []) } != nil)
    #expect(
      failure { try Dataset(name: "d", inputs: x, labels: [0, 1, Int.max]) }?.hasPrefix(
        "d: label 9223372036854775807 is too large for a class index") == true)
    #expect(try Dataset(name: "e", inputs: Tensor.zeros([0, 2]), labels: []).classNames == [])
    let d = try Dataset(name: "d", inputs: x, labels: [0, 2, 2])
    #expect(d.classNames == ["0", "1", "2"])
    #expect(d.classCounts == [1, 0, 2])
    #expect(d.sampleShape == [2])
    let r = try Dataset(name: "r", inputs: x, targets: try Tensor.ones([3, 1]))
    #expect(!r.isClassification)
    #expect(r.labelTensor.shape == [3, 1])
  }

  @Test func subsetsAndShuffles() throws {
    let d = try numbered(10)
    #expect(ids(try d.subset(4)) == [0, 1, 2, 3])
    #expect(try d.subset(40).count == 10)
    #expect(failure { try d.subset(-1) } == "numbered: subset size must be ≥ 0, got -1")
    var a = RNG(seed: 5)
    var b = RNG(seed: 5)
    let s1 = try d.shuffled(using: &a)
    #expect(ids(s1) == ids(try d.shuffled(using: &b)))
    #expect(ids(s1).sorted() == Array(0..<10))
    #expect(ids(s1) != Array(0..<10))
    #expect(s1.labels == ids(s1).map { $0 % 3 })
  }

  @Test func splitsAreDeterministicDisjointAndComplete() throws {
    let d = try numbered(101)
    var a = RNG(seed: 11)
    var b = RNG(seed: 11)
    let (train, test) = try d.split(0.9, using: &a)
    let again = try d.split(0.9, using: &b)
    #expect(train.count == 90)
    #expect(test.count == 11)
    #expect(ids(train) == ids(again.train))
    #expect(ids(test) == ids(again.test))
    #expect(Set(ids(train)).isDisjoint(with: ids(test)))
    #expect((ids(train) + ids(test)).sorted() == Array(0..<101))
    var c = RNG(seed: 12)
    #expect(ids(try d.split(0.9, using: &c).train) != ids(train))

    let parts = try d.split(fractions: [0.6, 0.2], using: &a)
    #expect(parts.map(\.count) == [60, 20, 21])
    #expect(parts.flatMap(ids).sorted() == Array(0..<101))
    let ordered = try d.split(0.5, shuffle: false, using: &a)
    #expect(ids(ordered.train) == Array(0..<50))
    #expect(
      failure { try d.split(fractions: [0.7, 0.7], using: &a) }?.contains("sum to at most 1")
        == true)
    #expect(failure { try d.split(-0.1, using: &a) } != nil)
  }

  @Test func batchingCoversEveryExampleOncePerEpoch() throws {
    let d = try numbered(10)
    var rng = RNG(seed: 2)
    var orders: [[Int]] = []
    for _ in 0..<3 {
      let batches = try d.batches(size: 4, using: &rng)
      #expect(batches.count == 3)
      var seen: [Int] = []
      var iterator = batches.makeIterator()
      while let batch = try iterator.next() {
        #expect(batch.inputs.shape == [batch.count, 1])
        #expect(
          ids(try Dataset(name: "b", inputs: batch.inputs, labels: batch.labels)) == batch.indices)
        #expect(batch.labels == batch.indices.map { $0 % 3 })
        seen += batch.indices
      }
      #expect(seen.sorted() == Array(0..<10))
      orders.append(seen)
    }
    #expect(Set(orders.map { $0.description }).count == 3)
    let dropped = try d.batches(size: 4, dropLast: true)
    #expect(dropped.count == 2)
    #expect(try dropped.batch(at: 1).indices == [4, 5, 6, 7])
    #expect(failure { try dropped.batch(at: 2) } == "numbered: batch 2 is outside 0..<2")
    #expect(failure { try d.batches(size: 0) } == "numbered: batch size must be ≥ 1, got 0")
    let epoch = try d.batches(size: 3, seed: 9, epoch: 4)
    #expect(epoch.order == (try d.batches(size: 3, seed: 9, epoch: 4)).order)
    #expect(epoch.order != (try d.batches(size: 3, seed: 9, epoch: 5)).order)
  }

  @Test func regressionBatchesCarryTargets() throws {
    let x = try Tensor.arange(0, 6).reshaped([6, 1])
    let d = try Dataset(name: "r", inputs: x, targets: x * 2)
    let batch = try d.batches(size: 4).batch(at: 1)
    #expect(batch.targets?.scalars == [8, 10])
    #expect(batch.labels.isEmpty)
  }

  @Test func normalisationIsFittedOnTrainingDataOnly() throws {
    let x = try Tensor([[0, 10], [2, 10], [4, 10]])
    let d = try Dataset(name: "d", inputs: x, labels: [0, 1, 0])
    let global = try d.normalized()
    #expect(isClose(Double(global.inputs.mean()), 0, atol: 1e-6))
    #expect(isClose(Double(global.inputs.std()), 1, rtol: 1e-5))
    let perFeature = try Normalization.fit(d, perFeature: true)
    #expect(perFeature.mean.scalars == [2, 10])
    // A constant feature is divided by 1, not 0.
    #expect(perFeature.standardDeviation.scalars[1] == 1)
    let applied = try perFeature.apply(to: d)
    #expect(
      applied.inputs.scalars.map { ($0 * 1000).rounded() / 1000 } == [-1.225, 0, 0, 0, 1.225, 0])
    #expect(try perFeature.invert(applied.inputs) == x)
    #expect(failure { try perFeature.apply(to: applied) } == "d: already normalised")
    #expect(try d.flattened().inputs.shape == [3, 2])
  }
}
