// The UCI optical digits: 1,797 8×8 images, bundled with lrnb as a tiny always-present dataset.
import Foundation
import Tensors

/// The UCI "Optical Recognition of Handwritten Digits" (Alpaydin and Kaynak; the copy
/// scikit-learn distributes): 1,797 greyscale 8×8 images of the digits 0–9, stored in the
/// repository at `data/uci-digits/digits.csv.gz` and bundled as a resource, so lessons and
/// tests always have real data.
///
/// ```swift
/// let digits = try UCIDigits.load()   // 1797 × [1, 8, 8] in [0, 1]
/// ```
public enum UCIDigits {
  /// Where the file is: `$LRNB_DATA/uci-digits/`, the resource bundle, or the repository.
  public static var file: URL? { DataLocations.bundledFile("uci-digits/digits.csv.gz") }

  /// The dataset, pixels scaled from 0…16 to [0, 1] and shaped `[N, 1, 8, 8]`.
  /// - Throws: `DatasetError` when the file cannot be found or read.
  public static func load() throws -> Dataset {
    guard let url = file else {
      throw DatasetError(
        "the UCI digits file (data/uci-digits/digits.csv.gz) was not found beside lrnb or in"
          + " $LRNB_DATA/uci-digits")
    }
    let table = try CSV.load(url, header: false, name: "uci-digits")
    guard table.sampleShape == [64] else {
      throw DatasetError(file: url.path, "has \(table.sampleShape) pixel columns, expected 64")
    }
    let images = try (table.inputs / 16).reshaped([table.count, 1, 8, 8])
    return try Dataset(
      name: "uci-digits", inputs: images, labels: table.labels,
      classNames: (0..<10).map(String.init))
  }
}
