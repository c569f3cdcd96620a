// The bindings' native objects in the notebook cache: tensors, figures, datasets, batches.
import Datasets
import Lang
import Tensors

extension Library {
  /// Decoders for every native object the cache can store, for `InterpreterKernel`.
  /// Objects that need the session (datasets shuffle with its generator) get `session`.
  ///
  ///     let kernel = InterpreterKernel(interpreter: interp, decoders: Library.cacheDecoders(session))
  public static func cacheDecoders(_ session: Session) -> NativeDecoders {
    var decoders = NativeDecoders()
    decoders.register(TensorObject.cacheTag) { TensorObject(try decodeCachedTensor($0)) }
    decoders.register(CachedFigureObject.cacheTag) { try CachedFigureObject(payload: $0) }
    decoders.register(DatasetObject.cacheTag) { bytes in
      DatasetObject(try decodeCachedDataset(bytes), session: session)
    }
    registerNNCacheDecoders(&decoders)
    return decoders
  }
}

/// The name a single cached tensor is stored under in its safetensors payload.
private let cachedTensorName = "tensor"

extension TensorObject: CacheableNative {
  /// Tensors are immutable in *lr*: every operation makes a new object.
  static var cacheTag: String { "tensor" }
  var cacheFingerprint: Int { 0 }

  /// Safetensors bytes: exact Float32 data, shape included.
  func cachePayload() throws -> [UInt8] {
    try SafeTensors.encode([cachedTensorName: tensor])
  }
}

private func decodeCachedTensor(_ bytes: [UInt8]) throws -> Tensor {
  guard let tensor = try SafeTensors.decode(bytes, fileName: "cache").tensors[cachedTensorName]
  else { throw RuntimeError("the cached tensor is missing") }
  return tensor
}

extension DatasetObject: CacheableNative {
  /// Datasets are immutable: methods return new datasets.
  static var cacheTag: String { "dataset" }
  var cacheFingerprint: Int { 0 }

  /// Inputs and labels (or targets) as safetensors, the name and class names as metadata.
  /// A normalised dataset is refused: its normalisation cannot be set from outside
  /// `Datasets`, and dropping it would restore a different dataset.
  func cachePayload() throws -> [UInt8] {
    guard dataset.normalization == nil else {
      throw RuntimeError("normalised datasets are not cached yet")
    }
    var tensors = ["inputs": dataset.inputs]
    var metadata = ["name": dataset.name]
    if let targets = dataset.targets {
      tensors["targets"] = targets
    } else {
      tensors["labels"] = Tensor(dataset.labels.map(Float.init))
      metadata["classes"] = String(dataset.classNames.count)
      for (i, name) in dataset.classNames.enumerated() { metadata["class.\(i)"] = name }
    }
    return try SafeTensors.encode(tensors, metadata: metadata)
  }
}

private func decodeCachedDataset(_ bytes: [UInt8]) throws -> Dataset {
  let archive = try SafeTensors.decode(bytes, fileName: "cache")
  guard let inputs = archive.tensors["inputs"], let name = archive.metadata["name"] else {
    throw RuntimeError("the cached dataset is incomplete")
  }
  if let targets = archive.tensors["targets"] {
    return try Dataset(name: name, inputs: inputs, targets: targets)
  }
  guard let labels = archive.tensors["labels"],
    let count = archive.metadata["classes"].flatMap({ Int($0) }),
    count >= 0, count <= Dataset.maxClasses
  else { throw RuntimeError("the cached dataset is incomplete") }
  var classNames: [String] = []
  for i in 0..<count {
    guard let className = archive.metadata["class.\(i)"] else {
      throw RuntimeError("the cached dataset is incomplete")
    }
    classNames.append(className)
  }
  let values = labels.scalars
  guard values.allSatisfy({ $0 >= 0 && $0 < Float(count) && $0 == $0.rounded() }) else {
    throw RuntimeError("the cached dataset has bad labels")
  }
  return try Dataset(
    name: name, inputs: inputs, labels: values.map { Int($0) }, classNames: classNames)
}

extension DatasetBatchObject: CacheableNative {
  /// A batch is a view of an immutable dataset.
  static var cacheTag: String { "batch" }
  var cacheFingerprint: Int { 0 }

  /// Batches are not stored: a cell that keeps them in a global runs every time.
  func cachePayload() throws -> [UInt8] {
    throw RuntimeError("batches are views of a dataset; make them in the cell that uses them")
  }
}
