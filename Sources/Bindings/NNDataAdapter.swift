// Datasets as training data: a dataset object is `LabeledData` for fit/evaluate/accuracy.
import Datasets
import Lang
import NeuralNets
import Tensors

/// A `Dataset` seen by the training loop: batches are gathered on demand, never copied whole.
struct DatasetData: LabeledData {
  let dataset: Dataset

  var count: Int { dataset.count }

  func batch(_ indices: [Int]) throws -> (inputs: Tensor, labels: Tensor) {
    let part = try dataset.gathering(indices)
    return (part.inputs, part.labelTensor)
  }
}

extension DatasetObject: LabeledDataConvertible {
  func labeledData() throws -> any LabeledData {
    guard dataset.isClassification else {
      throw RuntimeError(
        "\(dataset.name) has regression targets; fit trains classifiers (class labels)")
    }
    return DatasetData(dataset: dataset)
  }
}
