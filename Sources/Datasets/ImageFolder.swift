// Folders of PNG images as datasets: one subfolder per class, decoded with Imaging.
import Foundation
import Imaging
import Tensors

/// Loads a folder of PNG images, torchvision `ImageFolder` style: each subfolder is a class
/// (named after it, in sorted order) holding that class's images. A folder with PNG files
/// and no subfolders is one class named after the folder.
///
/// All images must have the same size. They become `[N, 1, H, W]` when every pixel is grey
/// and opaque, else `[N, 3, H, W]` (alpha is dropped), in [0, 1].
///
/// ```swift
/// let sketches = try ImageFolder.load(URL(fileURLWithPath: "sketches"))  // sketches/cat/*.png …
/// ```
public enum ImageFolder {
  /// Loads every `*.png` under `directory` (one level of class folders).
  /// - Parameter channels: force 1 (grey) or 3 (RGB) instead of detecting.
  /// - Throws: `DatasetError` naming the folder or the offending image.
  public static func load(_ directory: URL, channels: Int? = nil) throws -> Dataset {
    guard DataLocations.isDirectory(directory) else {
      throw DatasetError(file: directory.path, "no such folder")
    }
    guard channels == nil || channels == 1 || channels == 3 else {
      throw DatasetError("channels must be 1 or 3, got \(channels ?? 0)")
    }
    let classFolders = try entries(directory).filter(DataLocations.isDirectory)
    let groups: [(String, [URL])] =
      classFolders.isEmpty
      ? [(directory.lastPathComponent, try pngFiles(directory))]
      : try classFolders.map { ($0.lastPathComponent, try pngFiles($0)) }
    let files = groups.flatMap { name, urls in urls.map { (name, $0) } }
    guard let firstFile = files.first else {
      throw DatasetError(file: directory.path, "holds no .png images (nor class folders of them)")
    }
    var bitmaps: [Bitmap] = []
    for (_, url) in files {
      let bitmap = try decode(url)
      if let first = bitmaps.first, first.width != bitmap.width || first.height != bitmap.height {
        throw DatasetError(
          file: url.path,
          "is \(bitmap.width)×\(bitmap.height), but \(firstFile.1.lastPathComponent) is"
            + " \(first.width)×\(first.height): every image must have one size")
      }
      bitmaps.append(bitmap)
    }
    let grey = bitmaps.allSatisfy(isGreyAndOpaque)
    let c = channels ?? (grey ? 1 : 3)
    let (h, w) = (bitmaps[0].height, bitmaps[0].width)
    let inputs = try Tensor(shape: [bitmaps.count, c, h, w]) { buffer in
      let plane = h * w
      for (n, bitmap) in bitmaps.enumerated() {
        bitmap.pixels.withUnsafeBufferPointer { rgba in
          for p in 0..<plane {
            if c == 1 {
              // Rec. 601 luma, as PIL's convert("L").
              let luma =
                0.299 * Float(rgba[4 * p]) + 0.587 * Float(rgba[4 * p + 1])
                + 0.114 * Float(rgba[4 * p + 2])
              buffer[n * plane + p] = luma / 255
            } else {
              for k in 0..<3 { buffer[(n * 3 + k) * plane + p] = Float(rgba[4 * p + k]) / 255 }
            }
          }
        }
      }
    }
    let classNames = groups.map(\.0)
    let labels = groups.enumerated().flatMap { index, group in
      Array(repeating: index, count: group.1.count)
    }
    return try Dataset(
      name: directory.lastPathComponent, inputs: inputs, labels: labels, classNames: classNames)
  }

  /// The entries of a folder, sorted by name, hidden ones skipped.
  private static func entries(_ directory: URL) throws -> [URL] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    } catch {
      throw DatasetError(file: directory.path, "cannot be listed (\(error.localizedDescription))")
    }
  }

  private static func pngFiles(_ directory: URL) throws -> [URL] {
    try entries(directory).filter { $0.pathExtension.lowercased() == "png" }
  }

  private static func decode(_ url: URL) throws -> Bitmap {
    let bytes: Data
    do {
      bytes = try Data(contentsOf: url)
    } catch {
      throw DatasetError(file: url.path, "cannot be read (\(error.localizedDescription))")
    }
    do {
      return try PNG.decode(Array(bytes), as: .rgba8)
    } catch {
      throw DatasetError(file: url.path, "\(error)")
    }
  }

  private static func isGreyAndOpaque(_ bitmap: Bitmap) -> Bool {
    bitmap.pixels.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) -> Bool in
      var i = 0
      while i + 3 < p.count {
        let (r, g, b, a) = (p[i], p[i + 1], p[i + 2], p[i + 3])
        if r != g || r != b || a != 255 { return false }
        i += 4
      }
      return true
    }
  }
}
