// The real datasets for training tests, through the Datasets target's loaders.
import Datasets
import NeuralNets
import Tensors

enum TestData {
  /// A loaded dataset as inputs and class-index labels.
  static func tensors(_ dataset: Dataset) throws -> TensorData {
    try TensorData(inputs: dataset.inputs, labels: dataset.labelTensor)
  }

  /// Fashion-MNIST (train, test) from Debian's dataset-fashion-mnist, pixels in [0, 1].
  static func fashionMNIST() throws -> (train: TensorData, test: TensorData) {
    (try tensors(FashionMNIST.load(split: .train)), try tensors(FashionMNIST.load(split: .test)))
  }

  /// The UCI digits bundled in the repository: `[1797, 1, 8, 8]` pixels in [0, 1], labels.
  static func uciDigits() throws -> TensorData { try tensors(UCIDigits.load()) }
}
