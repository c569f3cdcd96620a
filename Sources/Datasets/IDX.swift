// The IDX format of MNIST and Fashion-MNIST: a magic number, big-endian dims, then data.
import Foundation
import Tensors

/// Reads IDX files (raw or gzipped), the format MNIST and Fashion-MNIST ship in: two zero
/// bytes, a type code, the number of dimensions, each dimension as a big-endian `UInt32`,
/// then the elements in row-major order, big-endian.
///
/// Sizes in the header are checked against the file's length before anything is
/// allocated, so a corrupt or hostile header gives an error naming the file.
///
/// ```swift
/// let images = try IDX.readImages(dir.appendingPathComponent("train-images-idx3-ubyte.gz"))
/// // [60000, 1, 28, 28], values in [0, 1]
/// ```
public enum IDX {
  /// The element types IDX defines, by type code.
  enum ElementType: UInt8 {
    case u8 = 0x08, i8 = 0x09, i16 = 0x0B, i32 = 0x0C, f32 = 0x0D, f64 = 0x0E

    var size: Int {
      switch self {
      case .u8, .i8: 1
      case .i16: 2
      case .i32, .f32: 4
      case .f64: 8
      }
    }
  }

  /// Bytes converted per step: large enough to amortise the per-call cost of zlib, small
  /// enough to stay in cache.
  static let chunkBytes = 1 << 18

  /// The elements of an IDX file as a Float32 tensor of its dimensions, each divided by
  /// `divisor`. With `limit`, only the first `limit` entries along the first axis are read
  /// (a gzipped file is decompressed only that far).
  /// - Throws: `DatasetError` naming the file for a bad magic number, an unknown type, a
  ///   header that promises more data than the file holds, or trailing bytes.
  public static func read(_ url: URL, limit: Int? = nil, divisor: Float = 1) throws -> Tensor {
    let file = try DataFile(url)
    let (type, dims) = try header(file)
    var shape = dims
    if let limit, !shape.isEmpty { shape[0] = min(shape[0], max(limit, 0)) }

    var count = 1
    for dimension in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      guard !overflow else { throw file.error("dimensions \(dims) are impossibly large") }
      count = product
    }
    let available = file.maxLength - (4 + 4 * dims.count)
    let (bytes, overflow) = count.multipliedReportingOverflow(by: type.size)
    guard !overflow, bytes <= available else {
      let most =
        file.isCompressed
        ? "can decompress to at most \(available) bytes" : "holds only \(available) bytes of data"
      throw file.error(
        "the header promises dimensions \(dims) (\(overflow ? "too many" : "\(bytes)") bytes of"
          + " data), but the file \(most) (wrong dimensions, or a truncated file)")
    }
    let tensor: Tensor
    do {
      tensor = try Tensor(shape: shape) { buffer in
        try fill(buffer, from: file, type: type, divisor: divisor)
      }
    } catch let error as TensorError {
      throw file.error("\(error)")
    }
    if shape == dims, try !file.isAtEnd() {
      throw file.error("the file has more data than its header's dimensions \(dims) describe")
    }
    return tensor
  }

  /// An IDX file of images `[N, H, W]` as a tensor `[N, 1, H, W]` in [0, 1] (bytes ÷ 255).
  /// - Throws: `DatasetError` when the file is not an unsigned-byte rank-3 IDX file.
  public static func readImages(_ url: URL, limit: Int? = nil) throws -> Tensor {
    let images = try read(url, limit: limit, divisor: 255)
    guard images.rank == 3 else {
      throw DatasetError(
        file: url.path, "holds a tensor of shape \(images.shape), not images [N, height, width]")
    }
    return try images.reshaped([images.shape[0], 1, images.shape[1], images.shape[2]])
  }

  /// An IDX file of labels `[N]` as integers.
  /// - Throws: `DatasetError` when the file is not a rank-1 IDX file of whole numbers ≥ 0.
  public static func readLabels(_ url: URL, limit: Int? = nil) throws -> [Int] {
    let values = try read(url, limit: limit)
    guard values.rank == 1 else {
      throw DatasetError(file: url.path, "holds a tensor of shape \(values.shape), not labels [N]")
    }
    return try values.scalars.enumerated().map { index, value in
      guard value >= 0, value == value.rounded(), value < 0x1p24 else {
        throw DatasetError(file: url.path, "label \(value) at index \(index) is not a class number")
      }
      return Int(value)
    }
  }

  /// Parses the magic number and dimensions.
  private static func header(_ file: DataFile) throws -> (ElementType, [Int]) {
    let magic = try file.read(exactly: 4, what: "the magic number")
    guard magic[0] == 0, magic[1] == 0 else {
      throw file.error(
        "not an IDX file (magic number \(magic.map { String(format: "%02x", $0) }.joined())"
          + " should start with 0000)")
    }
    guard let type = ElementType(rawValue: magic[2]) else {
      throw file.error("unknown IDX element type 0x\(String(magic[2], radix: 16))")
    }
    let rank = Int(magic[3])
    let raw = try file.read(exactly: 4 * rank, what: "the dimensions")
    let dims = (0..<rank).map { i in
      raw[(4 * i)..<(4 * i + 4)].reduce(0) { $0 << 8 | Int($1) }
    }
    return (type, dims)
  }

  /// Reads `buffer.count` elements of `type`, converting big-endian values to Float.
  private static func fill(
    _ buffer: UnsafeMutableBufferPointer<Float>, from file: DataFile, type: ElementType,
    divisor: Float
  ) throws {
    let perChunk = chunkBytes / type.size
    var chunk = [UInt8](repeating: 0, count: perChunk * type.size)
    var done = 0
    while done < buffer.count {
      let n = min(perChunk, buffer.count - done)
      let got = try chunk.withUnsafeMutableBytes {
        try file.read(into: .init(rebasing: $0[0..<(n * type.size)]))
      }
      guard got == n * type.size else {
        throw file.error(
          "truncated: the header promises \(buffer.count) elements, the file holds"
            + " \(done + got / type.size)")
      }
      chunk.withUnsafeBytes { source in
        convert(
          source, type: type, into: UnsafeMutableBufferPointer(rebasing: buffer[done..<(done + n)]),
          divisor: divisor)
      }
      done += n
    }
  }

  private static func convert(
    _ source: UnsafeRawBufferPointer, type: ElementType,
    into target: UnsafeMutableBufferPointer<Float>,
    divisor: Float
  ) {
    func load<T: FixedWidthInteger>(_ i: Int, _: T.Type) -> T {
      T(bigEndian: source.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self))
    }
    switch type {
    case .u8: for i in target.indices { target[i] = Float(source[i]) / divisor }
    case .i8: for i in target.indices { target[i] = Float(Int8(bitPattern: source[i])) / divisor }
    case .i16: for i in target.indices { target[i] = Float(load(i, Int16.self)) / divisor }
    case .i32: for i in target.indices { target[i] = Float(load(i, Int32.self)) / divisor }
    case .f32:
      for i in target.indices { target[i] = Float(bitPattern: load(i, UInt32.self)) / divisor }
    case .f64:
      for i in target.indices {
        target[i] = Float(Double(bitPattern: load(i, UInt64.self))) / divisor
      }
    }
  }
}
