// Fashion-MNIST (Debian's dataset-fashion-mnist) and MNIST from a folder of IDX files.
import Foundation
import Tensors

/// The part of a dataset published with a fixed division into training and test sets.
public enum Split: String, Sendable, CaseIterable {
  case train, test

  /// The file-name prefix MNIST-style datasets use for the split.
  var idxPrefix: String { self == .train ? "train" : "t10k" }
}

/// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017; MIT licence, © Zalando): 70,000 greyscale
/// 28×28 images of clothing in 10 classes, 60,000 for training and 10,000 for testing.
/// lrnb's default real dataset, installed by Debian's `dataset-fashion-mnist`.
///
/// ```swift
/// let test = try FashionMNIST.load(split: .test)   // 10000 × [1, 28, 28] in [0, 1]
/// ```
public enum FashionMNIST {
  /// The class names, indexed by label.
  public static let classNames = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
    "Ankle boot",
  ]

  /// Where Debian's `dataset-fashion-mnist` installs the gzipped IDX files.
  public static let debianDirectory = URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist")

  /// The folder used when none is given: `$LRNB_DATA/fashion-mnist` when it exists, else
  /// Debian's.
  public static var defaultDirectory: URL {
    if let data = DataLocations.environmentDirectory?.appendingPathComponent("fashion-mnist"),
      DataLocations.isDirectory(data)
    {
      return data
    }
    return debianDirectory
  }

  /// Loads one split (the first `limit` examples when given; only that much is read).
  /// - Throws: `DatasetError` naming the missing Debian package or the faulty file.
  public static func load(split: Split = .train, directory: URL? = nil, limit: Int? = nil)
    throws -> Dataset
  {
    let folder = directory ?? defaultDirectory
    guard DataLocations.isDirectory(folder) else {
      throw DatasetError(
        "Fashion-MNIST is not installed: \(folder.path) does not exist (install the Debian"
          + " package dataset-fashion-mnist: sudo apt-get install dataset-fashion-mnist)")
    }
    return try MNISTFamily.load(
      name: "fashion-mnist", directory: folder, split: split, classNames: classNames, limit: limit)
  }
}

/// MNIST handwritten digits (LeCun, Cortes and Burges) in IDX form from a folder the user
/// names, or `$LRNB_DATA/mnist` (or `$LRNB_DATA` itself).
///
/// ```swift
/// let train = try MNIST.load(split: .train, directory: URL(fileURLWithPath: "data/mnist"))
/// ```
public enum MNIST {
  /// The class names "0" … "9".
  public static let classNames = (0..<10).map(String.init)

  /// Loads one split from `directory` (or `$LRNB_DATA/mnist`, or `$LRNB_DATA`).
  /// - Throws: `DatasetError` when no folder is known or a file is missing or corrupt.
  public static func load(split: Split = .train, directory: URL? = nil, limit: Int? = nil)
    throws -> Dataset
  {
    let candidates =
      directory.map { [$0] }
      ?? DataLocations.environmentDirectory.map { [$0.appendingPathComponent("mnist"), $0] } ?? []
    guard let folder = candidates.first(where: DataLocations.isDirectory) else {
      if let directory {
        throw DatasetError(file: directory.path, "no such folder (expected MNIST's IDX files)")
      }
      throw DatasetError(
        "MNIST needs a folder of IDX files: pass one, e.g. mnist(\"data/mnist\"), or set"
          + " LRNB_DATA to a folder holding mnist/")
    }
    return try MNISTFamily.load(
      name: "mnist", directory: folder, split: split, classNames: classNames, limit: limit)
  }
}

/// The shared layout of MNIST-style datasets: `train-images-idx3-ubyte.gz` and friends.
enum MNISTFamily {
  static func load(
    name: String, directory: URL, split: Split, classNames: [String], limit: Int?
  ) throws -> Dataset {
    let images = try file(directory, split, kind: "images", rank: 3)
    let labelFile = try file(directory, split, kind: "labels", rank: 1)
    let inputs = try IDX.readImages(images, limit: limit)
    let labels = try IDX.readLabels(labelFile, limit: limit)
    guard labels.count == inputs.shape[0] else {
      throw DatasetError(
        file: labelFile.path,
        "holds \(labels.count) labels but \(images.lastPathComponent) holds \(inputs.shape[0]) images"
      )
    }
    if let bad = labels.firstIndex(where: { $0 >= classNames.count }) {
      throw DatasetError(
        file: labelFile.path,
        "label \(labels[bad]) at index \(bad) is not a class (0..<\(classNames.count))")
    }
    return try Dataset(
      name: "\(name) (\(split.rawValue))", inputs: inputs, labels: labels, classNames: classNames)
  }

  /// The first existing spelling of a split's file: gzipped or not, with `-idx3-` or `.idx3-`.
  static func file(_ directory: URL, _ split: Split, kind: String, rank: Int) throws -> URL {
    let stem = "\(split.idxPrefix)-\(kind)"
    let names = ["\(stem)-idx\(rank)-ubyte", "\(stem).idx\(rank)-ubyte"].flatMap {
      [$0 + ".gz", $0]
    }
    let urls = names.map { directory.appendingPathComponent($0) }
    guard let found = urls.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
      throw DatasetError(
        file: directory.path, "has no \(names[0]) (nor \(names[1...].joined(separator: ", ")))")
    }
    return found
  }
}
