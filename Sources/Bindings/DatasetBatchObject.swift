// One mini-batch as an lr value: b.x and b.y are gathered from the dataset when read.
import Datasets
import Lang
import Tensors

/// A batch of an epoch. It holds only the epoch's order and its own position, so a list of
/// all batches costs N integers, not a copy of the dataset. Each `b.x` gathers anew; keep
/// it in a variable (`let x = b.x`) when it is used more than once.
///
/// *lr* has no iteration hook for native objects yet, so `ds.batches(n)` returns a list of
/// these objects for `for b in …` to walk.
final class DatasetBatchObject: NativeObject {
  let batches: Batches
  let position: Int

  init(_ batches: Batches, index: Int) {
    self.batches = batches
    self.position = index
  }

  var typeName: String { "batch" }
  var length: Int? { min(batches.size, batches.order.count - position * batches.size) }
  var description: String {
    "<batch \(position + 1)/\(batches.count) of \(batches.dataset.name): \(length ?? 0) examples>"
  }

  func member(_ name: String) throws -> Value? {
    switch name {
    case "x": return .native(TensorObject(try batches.batch(at: position).inputs))
    case "y":
      let rows = try batches.rows(ofBatch: position)
      if let targets = batches.dataset.targets {
        return .native(TensorObject(try targets.gatherRows(rows)))
      }
      return .native(TensorObject(Tensor(rows.map { Float(batches.dataset.labels[$0]) })))
    case "indices":
      return .list(try batches.rows(ofBatch: position).map { .number(Double($0)) })
    case "index": return .number(Double(position))
    default: return nil
    }
  }
}
